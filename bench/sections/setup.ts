/**
 * Before anything is measured: n8n installed, the machine free of other n8n runs (bounded wait),
 * and what the results must say about the run: machine, versions, commit, the n8n settings.
 */
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ensureN8nInstalled, N8N_VERSION, REPO_ROOT, type N8nInstall } from '../../test/e2e/harness/install';
import { largeBody, SMALL_BODY, bodyOfSize } from '../lib/bodies';
import { INTERFERENCE_PCT } from '../lib/cells';
import type { BenchOptions } from '../lib/config';
import type { BenchRun, DeliveryKey } from '../lib/context';
import { makeBenchFiles } from '../lib/files';
import { log } from '../lib/log';
import { gitCommit, machineInfo, waitForIdle, type IdleWait, type MachineInfo } from '../lib/machine';
import { loadAverage } from '../lib/proc';
import { DESCRIPTIONS } from '../lib/workflows';

export interface RunMeta {
	date: string;
	machine: MachineInfo;
	n8n: string;
	n8nPinned: string;
	nodeForN8n: string;
	nodeForBench: string;
	package: string;
	commit: string;
	loadAverageAtStart: string;
	otherN8nAtStart: number;
	waitedForIdleS: number;
	otherN8nStillRunning: boolean;
	activation: string;
	n8nSettings: string;
	loadGenerator: string;
	/** the version the booted n8n reports */
	n8nRunning?: string;
	/** the end of the run (sections/report.ts) */
	loadAverageAtEnd?: string;
	waitedForQuietS?: number;
	maxOtherN8nDuringRounds?: number;
	maxOtherCpuPctDuringRounds?: number;
	durationS?: number;
}

function runMeta(install: N8nInstall, idle: IdleWait): RunMeta {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
	return {
		date: new Date().toISOString(),
		machine: machineInfo(),
		n8n: install.n8nVersion,
		n8nPinned: N8N_VERSION,
		nodeForN8n: execSync(`"${install.nodeBin}" --version`, { encoding: 'utf8' }).trim(),
		nodeForBench: process.version,
		package: `${pkg.name}@${pkg.version}`,
		commit: gitCommit(),
		loadAverageAtStart: loadAverage(),
		otherN8nAtStart: idle.otherN8nAtStart,
		waitedForIdleS: idle.waitedS,
		otherN8nStillRunning: idle.gaveUp,
		activation: 'outbox (n8n 2.41 default) for every ingestion boot',
		n8nSettings:
			'regular mode, SQLite, every execution saved (EXECUTIONS_DATA_SAVE_ON_SUCCESS=all), N8N_LOG_LEVEL=info, internal task runner, NODE_FUNCTION_ALLOW_BUILTIN=crypto (needed by B)',
		loadGenerator: 'in-process closed loop (bench/lib/load.ts), keep-alive, 127.0.0.1',
	};
}

function deliveryBodies(): Record<DeliveryKey, Buffer> {
	return { small: Buffer.from(SMALL_BODY, 'utf8'), large: Buffer.from(largeBody(), 'utf8'), xl: Buffer.from(bodyOfSize(65536), 'utf8') };
}

export async function prepareRun(config: BenchOptions): Promise<BenchRun> {
	const install = await ensureN8nInstalled();
	const idle = await waitForIdle(config.waitIdleMinutes);
	const bodies = deliveryBodies();
	const run: BenchRun = {
		config,
		install,
		files: makeBenchFiles(),
		bodies,
		quiet: { thresholdPct: INTERFERENCE_PCT, maxWaitPerRoundMs: config.quietWaitS * 1000, budgetMs: config.quietBudgetS * 1000, waitedMs: 0 },
		results: {
			meta: runMeta(install, idle),
			config,
			workflows: Object.fromEntries(config.workflows.map((key) => [key, DESCRIPTIONS[key]])),
			bodies: { small: bodies.small.length, large: bodies.large.length, xl: bodies.xl.length },
			functional: [],
			rounds: [],
			cells: [],
			ratios: [],
			isolates: [],
			lifecycle: [],
			targets: [],
		},
	};
	const shown = { rounds: config.rounds, requests: config.requests, concurrency: config.concurrency, settings: config.settings, bodies: config.bodies, workflows: config.workflows };
	log(`n8n ${install.n8nVersion} on Node ${run.results.meta.nodeForN8n}; ${JSON.stringify(shown)}`);
	return run;
}
