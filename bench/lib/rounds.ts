/**
 * Closed-loop rounds against the workflows on one n8n, each followed by a drain (wait until every
 * execution the round started has finished), with n8n's CPU time and, when the counter preload is
 * loaded, the isolates n8n took during the round. Used by the ingestion, profile and patched sections.
 */
import { machineBusyMs, runningN8nCount, treeCpuMs } from './proc';
import { loadCounts, runClosedLoop, type LoadCounts, type LoadResult } from './load';
import { drain, executionCounts, hookDelta, requestHook } from './n8n-bench';
import type { BenchContext, DeliveryKey } from './context';
import type { WorkflowKey } from './workflows';

export interface RoundResult extends LoadCounts {
	label: string;
	workflow: WorkflowKey;
	variant?: string;
	body: DeliveryKey;
	round: number;
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

export interface RoundOptions {
	requests: number;
	concurrency: number;
	/** the n8n setting (or the section) the round belongs to: rounds of one label form a cell */
	label: string;
	variant?: string;
}

/**
 * `items` starting at position `by` (mod length), wrapping around. Rounds rotate their order: a
 * periodic n8n task (pruning, insights flush) or the previous cell's drain would otherwise always
 * land on the same workflow.
 */
export function rotate<T>(items: readonly T[], by: number): T[] {
	const start = items.length ? by % items.length : 0;
	return [...items.slice(start), ...items.slice(0, start)];
}

function headersFor(signature: string): Record<string, string> {
	return { 'content-type': 'application/json', 'x-argyle-signature': signature };
}

/** Sends `count` deliveries without measuring, then drains. */
export async function warmUp(ctx: BenchContext, key: WorkflowKey, body: DeliveryKey, count: number, concurrency: number): Promise<void> {
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

/** CPU counters read at the start and at the end of a round's window. */
interface CpuSnapshot {
	n8nMs: number;
	machineMs: number;
	self: NodeJS.CpuUsage;
}

function cpuSnapshot(pid: number): CpuSnapshot {
	return { n8nMs: treeCpuMs(pid).totalMs, machineMs: machineBusyMs(), self: process.cpuUsage() };
}

/** n8n's CPU-ms in the window, and what everything else on the machine used (bench process excluded). */
function cpuUsedSince(before: CpuSnapshot, pid: number): { n8nMs: number; otherMs: number } {
	const n8nMs = treeCpuMs(pid).totalMs - before.n8nMs;
	const machineMs = machineBusyMs() - before.machineMs;
	const self = process.cpuUsage(before.self);
	return { n8nMs, otherMs: Math.max(0, machineMs - n8nMs - (self.user + self.system) / 1000) };
}

export async function measureRound(ctx: BenchContext, key: WorkflowKey, body: DeliveryKey, round: number, options: RoundOptions): Promise<RoundResult> {
	const workflow = ctx.workflows[key]!;
	const pid = ctx.n8n.pid;
	if (pid === undefined) throw new Error('n8n is not running');
	const quietWaitMs = ctx.quiet.maxWaitPerRoundMs > 0 ? await waitForQuiet(ctx, pid) : 0;
	const hookBefore = await requestHook(ctx.hookFile, pid);
	const countsBefore = await executionCounts(ctx.n8n, workflow.id);
	const cpuBefore = cpuSnapshot(pid);
	const load: LoadResult = await runClosedLoop(
		{ url: workflow.url, body: ctx.bodies[body], headers: headersFor(workflow.signatures[body]) },
		{ requests: options.requests, concurrency: options.concurrency },
	);
	workflow.expectedExecutions += load.ok2xx;
	const drained = await drain(ctx.n8n, workflow.id, workflow.expectedExecutions);
	const cpu = cpuUsedSince(cpuBefore, pid);
	const windowMs = Math.max(1, Date.now() - load.startedAtMs);
	const hookAfter = await requestHook(ctx.hookFile, pid);

	const newest = drained.counts.newestStoppedAtMs;
	const delta = hookDelta(hookBefore, hookAfter);
	const result: RoundResult = {
		label: options.label,
		workflow: key,
		variant: options.variant,
		body,
		round,
		...loadCounts(load),
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
		cpuMsPerReq: cpu.n8nMs / Math.max(1, load.ok2xx),
		cpuPctOfCore: (cpu.n8nMs / windowMs) * 100,
		otherCpuPct: (cpu.otherMs / windowMs) * 100,
		otherN8n: Math.max(0, runningN8nCount() - 1),
		quietWaitMs,
		isolates: delta
			? { bridgesPerReq: delta.bridges / Math.max(1, load.ok2xx), scopesPerReq: delta.scopes / Math.max(1, load.ok2xx), sites: delta.sites }
			: undefined,
	};
	ctx.log(describeRound(result));
	return result;
}

function describeRound(result: RoundResult): string {
	return (
		`  ${result.label} ${result.workflow}${result.variant ? `[${result.variant}]` : ''} ${result.body} r${result.round}: ${result.reqPerSec.toFixed(1)} req/s, p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms, ` +
		`${result.ok2xx}/${result.requests} 2xx, drain ${result.drainMs} ms, n8n ${result.cpuMsPerReq.toFixed(1)} CPU-ms/req` +
		(result.isolates ? `, ${result.isolates.bridgesPerReq.toFixed(2)} isolates/req` : '') +
		(result.otherCpuPct > 15 ? `, other load ${result.otherCpuPct.toFixed(0)}% of a core` : '') +
		(result.otherN8n ? `, ${result.otherN8n} other n8n running` : '')
	);
}
