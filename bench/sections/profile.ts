/**
 * Item 2: where n8n's main thread spends its time while A runs (default engine), from a boot under
 * --cpu-prof; beside it the process CPU from /proc, whose surplus is what runs on other threads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO_ROOT } from '../../test/e2e/harness/install';
import { round2 } from '../lib/cells';
import type { BenchRun, LiveBench } from '../lib/context';
import { fmt } from '../lib/format';
import { functionalCheck } from '../lib/functional';
import { log } from '../lib/log';
import { summariseProfile, type ProfileSummary } from '../lib/profile';
import { measureRound, warmUp, type RoundResult } from '../lib/rounds';

export interface ProfileResult {
	requests: number;
	summary?: ProfileSummary;
	perRequestMs?: Record<string, number>;
	processCpuMsPerReq?: number;
	mainThreadBusyMsPerReq?: number;
	/** process CPU - main-thread busy time: isolated-vm's isolate threads, GC helper threads, libuv pool */
	offMainThreadMsPerReq?: number;
	isolatesPerReq?: number;
	file?: string;
	error?: string;
}

interface ProfiledRound {
	/** process.hrtime in µs, to compare with the .cpuprofile's sample timestamps (both monotonic) */
	window: { fromUs: number; toUs: number };
	round: RoundResult;
}

const isOurs = (url: string) => url.includes('/n8n-nodes-argyle/dist/') || url.includes(`${path.join(REPO_ROOT, 'dist')}/`);

function analyse(run: BenchRun, { window, round }: ProfiledRound): ProfileResult {
	const dir = run.files.profileDir;
	const all = fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith('.cpuprofile')) : [];
	// one file per thread: CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; the main thread is thread 0
	const mainThread = all.filter((file) => file.split('.')[4] === '0');
	if (!mainThread.length) return { requests: run.config.profileRequests, error: `no main-thread .cpuprofile in ${dir} (${all.join(', ') || 'none'})` };
	const file = path.join(dir, mainThread.sort().pop()!);
	const summary = summariseProfile(file, isOurs, window);
	const requests = round.ok2xx;
	const perRequestMs: Record<string, number> = {};
	for (const [bucket, value] of Object.entries(summary.buckets)) perRequestMs[bucket] = round2(value.ms / Math.max(1, requests));
	log(`profile: ${summary.sampleCount} samples in the window, busy ${summary.busyMs} ms, engine ${fmt.pct(summary.buckets.engine.share)}, ours ${fmt.pct(summary.buckets.ours.share, 2)}`);
	return {
		requests,
		summary,
		perRequestMs,
		processCpuMsPerReq: round2(round.cpuMsPerReq),
		mainThreadBusyMsPerReq: round2(summary.busyMs / Math.max(1, requests)),
		offMainThreadMsPerReq: round2(Math.max(0, round.cpuMsPerReq - summary.busyMs / Math.max(1, requests))),
		isolatesPerReq: round.isolates?.bridgesPerReq,
		file,
	};
}

export async function runProfile(live: LiveBench): Promise<void> {
	const { config, ctx, files } = live;
	if (!config.profile) return;
	fs.mkdirSync(files.profileDir, { recursive: true });
	await live.restart('defaults + --cpu-prof + isolate counter (profile boot)', 'defaults', {
		counter: true,
		nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${files.profileDir}`],
	});
	await functionalCheck(ctx, false);
	await warmUp(ctx, 'A', 'small', config.warmup, config.concurrency);
	const fromUs = Number(process.hrtime.bigint() / 1000n);
	const round = await measureRound(ctx, 'A', 'small', 1, { requests: config.profileRequests, concurrency: config.concurrency, label: 'profile' });
	const toUs = Number(process.hrtime.bigint() / 1000n);
	live.results.rounds.push(round);
	// V8 writes the profile when n8n's process exits: at the next restart or at the end
	live.afterThisBoot(() => {
		live.results.profile = analyse(live, { window: { fromUs, toUs }, round });
	});
}
