/** Item 6: the package's footprint — npm pack size and file count, and the time to require every built file. */
import { spawnSync } from 'node:child_process';

import { REPO_ROOT } from '../../test/e2e/harness/install';
import type { BenchRun } from '../lib/context';
import { log } from '../lib/log';

export interface PackResult {
	name: string;
	version: string;
	tarballBytes: number;
	unpackedBytes: number;
	fileCount: number;
	largestFiles: Array<{ path: string; bytes: number }>;
}

export interface RequireTiming {
	node: string;
	jsFiles: number;
	runs: number;
	/** medians over fresh processes */
	n8nWorkflowMs: number;
	oursMs: number;
	totalMs: number;
}

function packDryRun(): PackResult {
	const child = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
	if (child.status !== 0) throw new Error(`npm pack --dry-run failed: ${child.stderr}`);
	const start = child.stdout.indexOf('[');
	const [pack] = JSON.parse(child.stdout.slice(start)) as Array<{
		name: string;
		version: string;
		size: number;
		unpackedSize: number;
		entryCount: number;
		files: Array<{ path: string; size: number }>;
	}>;
	return {
		name: pack.name,
		version: pack.version,
		tarballBytes: pack.size,
		unpackedBytes: pack.unpackedSize,
		fileCount: pack.entryCount,
		largestFiles: [...pack.files].sort((a, b) => b.size - a.size).slice(0, 5).map((file) => ({ path: file.path, bytes: file.size })),
	};
}

// Runs in a fresh node: requires n8n-workflow first (n8n has it loaded already), then every .js under dist/.
const REQUIRE_SCRIPT = `
const { performance } = require('node:perf_hooks');
const fs = require('node:fs');
const path = require('node:path');
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
const files = walk(path.resolve('dist')).filter((f) => f.endsWith('.js')).sort();
const t0 = performance.now();
require('n8n-workflow');
const t1 = performance.now();
for (const file of files) require(file);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ node: process.version, jsFiles: files.length, n8nWorkflowMs: t1 - t0, oursMs: t2 - t1, totalMs: t2 - t0 }));
`;

function requireTiming(nodeBin: string, runs = 7): RequireTiming {
	const samples: Array<{ node: string; jsFiles: number; n8nWorkflowMs: number; oursMs: number; totalMs: number }> = [];
	for (let i = 0; i < runs; i++) {
		const child = spawnSync(nodeBin, ['-e', REQUIRE_SCRIPT], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
		if (child.status !== 0) throw new Error(`require timing failed: ${child.stderr}`);
		samples.push(JSON.parse(child.stdout));
	}
	const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
	return {
		node: samples[0].node,
		jsFiles: samples[0].jsFiles,
		runs,
		n8nWorkflowMs: median(samples.map((s) => s.n8nWorkflowMs)),
		oursMs: median(samples.map((s) => s.oursMs)),
		totalMs: median(samples.map((s) => s.totalMs)),
	};
}

export interface FootprintResult {
	pack: PackResult;
	/** on n8n's Node, then on the bench's */
	require: RequireTiming[];
}

export function measureFootprint(run: BenchRun): void {
	if (!run.config.footprint) return;
	log('footprint: npm pack --dry-run, require() of every built file');
	const pack = packDryRun();
	run.results.footprint = { pack, require: [requireTiming(run.install.nodeBin), requireTiming(process.execPath)] };
}
