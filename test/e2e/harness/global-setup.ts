/**
 * jest globalSetup of the e2e projects (see jest.config.js): `e2e` (n8n 2.x) and `e2e-n8n1` (n8n 1.x).
 * 1. Makes sure the project's n8n line is installed in the cache: the line is the project's
 *    `globals.ARGYLE_E2E_N8N` (else the environment's ARGYLE_E2E_N8N, else 2.x); cold: ~4-6 min, then a few ms.
 * 2. Makes sure the package under test is built: each n8n gets a copy of <repo>/dist (community-package.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ensureN8nInstalled, REPO_ROOT, resolveLine } from './install';

interface ProjectConfig {
	displayName?: { name: string } | string;
	globals?: Record<string, unknown>;
}

export default async function globalSetup(_globalConfig: unknown, projectConfig?: ProjectConfig): Promise<void> {
	const t0 = Date.now();
	const wanted = projectConfig?.globals?.ARGYLE_E2E_N8N;
	const line = resolveLine(typeof wanted === 'string' ? wanted : process.env.ARGYLE_E2E_N8N);
	const install = await ensureN8nInstalled(line);
	process.stderr.write(
		`\n[n8n-e2e] n8n ${install.n8nVersion} (${line}) on Node ${install.nodeMajor}: ${install.nodeBin} (install check ${Date.now() - t0} ms)\n`,
	);
	const distNodes = path.join(REPO_ROOT, 'dist', 'nodes');
	if (!fs.existsSync(distNodes) || !fs.statSync(distNodes).isDirectory()) {
		throw new Error(`${distNodes} does not exist: run npm run build first (the e2e tests load the built package into n8n)`);
	}
}
