/**
 * jest globalSetup of the `browser` project: what the e2e project needs (the project's n8n line in the
 * cache, the package built), plus Debian's chromium and fonts (installed when running as root).
 */
import e2eGlobalSetup from '../e2e/harness/global-setup';
import { ensureBrowserDeps } from './support/browser-deps';

export default async function globalSetup(globalConfig: unknown, projectConfig?: Parameters<typeof e2eGlobalSetup>[1]): Promise<void> {
	ensureBrowserDeps();
	await e2eGlobalSetup(globalConfig, projectConfig);
}
