/** Item 4: our per-delivery work, measured by sections/micro-child.ts in a fresh process on n8n's Node (nothing else of the bench loaded). */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

import { REPO_ROOT } from '../../test/e2e/harness/install';
import type { BenchRun } from '../lib/context';
import { log } from '../lib/log';

export interface MicroResult {
	node: string;
	results: Array<{
		bodyBytes: number;
		webhookUs: number;
		phasesUs: { verify: number; parse: number; filterItem: number; cachedSecret: number; credentialAndSecret: number };
		sumOfPhasesUs: number;
		parseWithoutN8nBodyUs: number;
		iterations: number;
	}>;
	/** each body's webhook() time as a share of n8n's CPU time per request of A (sections/targets.ts) */
	share?: MicroShare[];
}

export interface MicroShare {
	body: string;
	ourUs: number;
	n8nCpuMsPerReq: number;
	setting: string;
	share: number;
}

function runChild(nodeBin: string, options: { minMs: number; sizes: number[] }): MicroResult {
	const tsNode = path.join(REPO_ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js');
	const child = spawnSync(nodeBin, [tsNode, '--transpile-only', '-P', path.join(REPO_ROOT, 'tsconfig.test.json'), path.join(__dirname, 'micro-child.ts')], {
		cwd: REPO_ROOT,
		env: { ...process.env, ARGYLE_BENCH_MICRO_MIN_MS: String(options.minMs), ARGYLE_BENCH_MICRO_SIZES: options.sizes.join(',') },
		encoding: 'utf8',
		timeout: 180_000,
	});
	if (child.status !== 0) throw new Error(`micro-benchmark failed (${child.status}): ${child.stderr}`);
	const line = child.stdout.trim().split('\n').pop() ?? '';
	return JSON.parse(line) as MicroResult;
}

export function measureMicro(run: BenchRun): void {
	if (!run.config.micro) return;
	log("micro: the node's per-delivery work from dist/ (fresh process on n8n's Node)");
	run.results.micro = runChild(run.install.nodeBin, { minMs: run.config.microMinMs, sizes: [1024, 65536] });
}
