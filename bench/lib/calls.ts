/** Argyle API calls from a simulator's call log: how many of each kind a lifecycle step made. */
import type { ArgyleSimulator, CallRecord } from '../../simulator';
import { sleep } from './n8n-bench';

export interface CallSummary {
	list: number;
	create: number;
	delete: number;
	other: number;
	total: number;
	calls: string[];
}

export function summariseCalls(calls: CallRecord[]): CallSummary {
	const summary: CallSummary = { list: 0, create: 0, delete: 0, other: 0, total: calls.length, calls: [] };
	for (const call of calls) {
		summary.calls.push(`${call.method} ${call.path} -> ${call.status}`);
		if (call.method === 'GET' && /^\/v[12]\/webhooks$/.test(call.path)) summary.list++;
		else if (call.method === 'POST' && /^\/v[12]\/webhooks$/.test(call.path)) summary.create++;
		else if (call.method === 'DELETE' && /^\/v[12]\/webhooks\/[^/]+$/.test(call.path)) summary.delete++;
		else summary.other++;
	}
	return summary;
}

/**
 * Waits until the simulator's call log has not grown for `quietMs` (at most `maxMs`): n8n answers
 * an activation before the trigger's calls to Argyle have all been made.
 */
export async function settleCalls(sim: ArgyleSimulator, quietMs = 2_000, maxMs = 15_000): Promise<void> {
	const deadline = Date.now() + maxMs;
	let last = sim.calls.length;
	let since = Date.now();
	while (Date.now() < deadline) {
		await sleep(200);
		await sim.idle();
		if (sim.calls.length !== last) {
			last = sim.calls.length;
			since = Date.now();
		} else if (Date.now() - since >= quietMs) return;
	}
}

/** Runs `step`, lets the calls it caused settle, and returns them with the step's own value. */
export async function callsDuring<T>(sim: ArgyleSimulator, step: () => Promise<T>, quietMs?: number): Promise<{ value: T; calls: CallRecord[] }> {
	const mark = sim.calls.length;
	const value = await step();
	await settleCalls(sim, quietMs);
	return { value, calls: sim.calls.slice(mark) };
}
