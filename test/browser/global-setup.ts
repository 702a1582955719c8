/**
 * jest globalSetup of the `browser` project: what the e2e project needs (n8n 2.41.1 and Node 24 in the
 * cache, the package built), plus Debian's chromium and fonts (installed when running as root).
 */
import e2eGlobalSetup from '../e2e/harness/global-setup';
import { ensureBrowserDeps } from './support/browser-deps';

export default async function globalSetup(): Promise<void> {
	ensureBrowserDeps();
	await e2eGlobalSetup();
}
