/**
 * Item 1 (ingestion): closed-loop rounds against the workflows on one n8n, each followed by a drain
 * (wait until every execution the round started has finished), with n8n's CPU time and, when the
 * counter preload is loaded, the isolates n8n took during the round.
 */
import { machineBusyMs, runningN8nCount, treeCpuMs } from '../lib/proc';
import { runClosedLoop, type LoadResult } from '../lib/load';
import { drain, executionCounts, hookDelta, requestHook, type HookState } from '../lib/n8n-bench';
import type { BenchContext, BodyKey } from '../lib/context';
import type { WorkflowKey } from '../lib/workflows';

export interface RoundResult {
	label: string;
	workflow: WorkflowKey;
	variant?: string;
	body: BodyKey;
	round: number;
	requests: number;
	concurrency: number;
	ok2xx: number;
	statuses: Record<string, number>;
	errors: number;
	firstErrors: string[];
	reqPerSec: number;
	p50: number;
	p90: number;
	p99: number;
	maxMs: number;
	durationMs: number;
	drainMs: number;
	/** executions started in this round that finished with success / error */
	execSuccess: number;
	execError: number;
	/** successful executions / (newest execution's stoppedAt - first request) */
	execPerSec: number | undefined;
	/** n8n main process + task runner CPU between the first request and the end of the drain */
	cpuMsPerReq: number;
	cpuPctOfCore: number;
	/** CPU used on the machine by anything but n8n and this bench process, as % of one core */
	otherCpuPct: number;
	/** other n8n main processes (not ours) running at the end of the round */
	otherN8n: number;
	/** how long the round waited for other processes to calm down before it started */
	quietWaitMs: number;
	isolates?: { bridgesPerReq: number; scopesPerReq: number; sites: Record<string, number> };
}

function headersFor(signature: string): Record<string, string> {
	return { 'content-type': 'application/json', 'x-argyle-signature': signature };
}

/** Sends `count` deliveries (concurrency up to 10) without measuring, then drains. */
export async function warmUp(ctx: BenchContext, key: WorkflowKey, body: BodyKey, count: number, concurrency: number): Promise<void> {
	const workflow = ctx.workflows[key]!;
	if (count <= 0) return;
	const result = await runClosedLoop(
		{ url: workflow.url, body: ctx.bodies[body], headers: headersFor(workflow.signatures[body]) },
		{ requests: count, concurrency },
	);
	if (result.ok2xx !== count) throw new Error(`warm-up ${key}/${body}: ${result.ok2xx}/${count} 2xx ${JSON.stringify(result.statuses)} ${result.firstErrors.join(' | ')}`);
	workflow.expectedExecutions += result.ok2xx;
	await drain(ctx.n8n, workflow.id, workflow.expectedExecutions);
}

/**
 * Other engineers' tests share this machine: before a round, measure for 0.5 s what everything but
 * n8n and this process uses, and wait (5 s steps, bounded per round and per run) while it exceeds
 * the threshold.
 */
async function waitForQuiet(ctx: BenchContext, pid: number): Promise<number> {
	const started = Date.now();
	for (;;) {
		const machine0 = machineBusyMs();
		const n8n0 = treeCpuMs(pid).totalMs;
		const self0 = process.cpuUsage();
		await new Promise((resolve) => setTimeout(resolve, 500));
		const self = process.cpuUsage(self0);
		const otherPct = ((machineBusyMs() - machine0 - (treeCpuMs(pid).totalMs - n8n0) - (self.user + self.system) / 1000) / 500) * 100;
		const waited = Date.now() - started;
		if (otherPct <= ctx.quiet.thresholdPct || waited >= ctx.quiet.maxWaitPerRoundMs || ctx.quiet.waitedMs + waited >= ctx.quiet.budgetMs) {
			ctx.quiet.waitedMs += waited;
			return waited;
		}
		if (waited < 1_000) ctx.log(`  other processes use ${otherPct.toFixed(0)}% of a core; waiting (up to ${ctx.quiet.maxWaitPerRoundMs / 1000} s) before the round`);
		await new Promise((resolve) => setTimeout(resolve, 4_000));
	}
}

export async function measureRound(
	ctx: BenchContext,
	key: WorkflowKey,
	body: BodyKey,
	round: number,
	options: { requests: number; concurrency: number; label: string; variant?: string },
): Promise<RoundResult> {
	const workflow = ctx.workflows[key]!;
	const pid = ctx.n8n.pid;
	if (pid === undefined) throw new Error('n8n is not running');
	const quietWaitMs = ctx.quiet.maxWaitPerRoundMs > 0 ? await waitForQuiet(ctx, pid) : 0;
	const hookBefore: HookState | undefined = await requestHook(ctx.hookFile, pid);
	const countsBefore = await executionCounts(ctx.n8n, workflow.id);
	const cpuBefore = treeCpuMs(pid);
	const machineBefore = machineBusyMs();
	const selfBefore = process.cpuUsage();
	const load: LoadResult = await runClosedLoop(
		{ url: workflow.url, body: ctx.bodies[body], headers: headersFor(workflow.signatures[body]) },
		{ requests: options.requests, concurrency: options.concurrency },
	);
	workflow.expectedExecutions += load.ok2xx;
	const drained = await drain(ctx.n8n, workflow.id, workflow.expectedExecutions);
	const cpuAfter = treeCpuMs(pid);
	const machineAfter = machineBusyMs();
	const windowEndMs = Date.now();
	const self = process.cpuUsage(selfBefore);
	const hookAfter = await requestHook(ctx.hookFile, pid);

	const windowMs = Math.max(1, windowEndMs - load.startedAtMs);
	const n8nCpu = cpuAfter.totalMs - cpuBefore.totalMs;
	const selfMs = (self.user + self.system) / 1000;
	const otherMs = Math.max(0, machineAfter - machineBefore - n8nCpu - selfMs);
	const newest = drained.counts.newestStoppedAtMs;
	const delta = hookDelta(hookBefore, hookAfter);
	const result: RoundResult = {
		label: options.label,
		workflow: key,
		variant: options.variant,
		body,
		round,
		requests: options.requests,
		concurrency: options.concurrency,
		ok2xx: load.ok2xx,
		statuses: load.statuses,
		errors: load.errors,
		firstErrors: load.firstErrors,
		reqPerSec: load.reqPerSec,
		p50: load.latencyMs.p50,
		p90: load.latencyMs.p90,
		p99: load.latencyMs.p99,
		maxMs: load.latencyMs.max,
		durationMs: load.durationMs,
		drainMs: drained.waitedMs,
		execSuccess: drained.counts.success - countsBefore.success,
		execError: drained.counts.error - countsBefore.error,
		execPerSec: newest && newest > load.startedAtMs ? load.ok2xx / ((newest - load.startedAtMs) / 1000) : undefined,
		cpuMsPerReq: n8nCpu / Math.max(1, load.ok2xx),
		cpuPctOfCore: (n8nCpu / windowMs) * 100,
		otherCpuPct: (otherMs / windowMs) * 100,
		otherN8n: Math.max(0, runningN8nCount() - 1),
		quietWaitMs,
		isolates: delta
			? { bridgesPerReq: delta.bridges / Math.max(1, load.ok2xx), scopesPerReq: delta.scopes / Math.max(1, load.ok2xx), sites: delta.sites }
			: undefined,
	};
	ctx.log(
		`  ${options.label} ${key}${options.variant ? `[${options.variant}]` : ''} ${body} r${round}: ${result.reqPerSec.toFixed(1)} req/s, p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms, ` +
			`${load.ok2xx}/${options.requests} 2xx, drain ${drained.waitedMs} ms, n8n ${result.cpuMsPerReq.toFixed(1)} CPU-ms/req` +
			(result.isolates ? `, ${result.isolates.bridgesPerReq.toFixed(2)} isolates/req` : '') +
			(result.otherCpuPct > 15 ? `, other load ${result.otherCpuPct.toFixed(0)}% of a core` : '') +
			(result.otherN8n ? `, ${result.otherN8n} other n8n running` : ''),
	);
	return result;
}
