/**
 * jest globalSetup of the `e2e` project (see jest.config.js).
 * 1. Makes sure Node 24 and n8n 2.41.1 are installed in the cache (cold: ~5-6 min, then a few ms).
 * 2. Makes sure the package under test is built: n8n loads it from <repo>/dist through a symlink.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ensureN8nInstalled, REPO_ROOT } from './install';

export default async function globalSetup(): Promise<void> {
	const t0 = Date.now();
	const install = await ensureN8nInstalled();
	process.stderr.write(
		`\n[n8n-e2e] n8n ${install.n8nVersion} on ${install.nodeBin} (install check ${Date.now() - t0} ms)\n`,
	);
	const distNodes = path.join(REPO_ROOT, 'dist', 'nodes');
	if (!fs.existsSync(distNodes) || !fs.statSync(distNodes).isDirectory()) {
		throw new Error(`${distNodes} does not exist: run npm run build first (the e2e tests load the built package into n8n)`);
	}
}
