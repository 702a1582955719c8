/**
 * jest globalSetup of the `queue` project (see jest.config.js).
 * 1. Node 24 + n8n 2.41.1 in the cache (the e2e harness's ensureN8nInstalled('2.x'): queue mode is tested on
 *    the 2.x line only; cold ~5 min, then ms).
 * 2. redis-server and PostgreSQL from Debian's packages: when missing, runs scripts/install-queue-deps.sh
 *    (idempotent; needs root, as on CI, where .ci/run runs it before `npm test` anyway).
 * 3. The package under test is built (each n8n gets a copy of <repo>/dist, see e2e/harness/community-package.ts).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ensureN8nInstalled, REPO_ROOT } from '../e2e/harness/install';
import { findPostgresBin, findRedisServer } from './services';

function ensureServices(): void {
	if (findRedisServer() && findPostgresBin()) return;
	const script = path.join(REPO_ROOT, 'scripts', 'install-queue-deps.sh');
	process.stderr.write(`\n[queue] redis-server or PostgreSQL missing: running ${script}\n`);
	const result = spawnSync('bash', [script], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 10 * 60_000 });
	if (result.status !== 0 || !findRedisServer() || !findPostgresBin()) {
		throw new Error(`redis-server and PostgreSQL are needed by the queue-mode test: run \`bash scripts/install-queue-deps.sh\` as root (exit ${result.status})`);
	}
}

export default async function globalSetup(): Promise<void> {
	const t0 = Date.now();
	ensureServices();
	const install = await ensureN8nInstalled('2.x');
	process.stderr.write(`\n[queue] n8n ${install.n8nVersion} on ${install.nodeBin}; redis ${findRedisServer()}; postgres ${findPostgresBin()} (checks ${Date.now() - t0} ms)\n`);
	const distNodes = path.join(REPO_ROOT, 'dist', 'nodes');
	if (!fs.existsSync(distNodes) || !fs.statSync(distNodes).isDirectory()) {
		throw new Error(`${distNodes} does not exist: run npm run build first (the queue test loads the built package into n8n)`);
	}
}
