/** Aggregation of measured rounds: a cell is the median of the rounds of one setting, body and workflow; ratios compare cells. */
import type { DeliveryKey } from './context';
import type { RoundResult } from './rounds';
import type { WorkflowKey } from './workflows';

export function median(values: number[]): number {
	const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
	if (!finite.length) return NaN;
	const mid = Math.floor(finite.length / 2);
	return finite.length % 2 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
}

export interface Cell {
	label: string;
	body: DeliveryKey;
	workflow: WorkflowKey;
	variant?: string;
	rounds: number;
	requests: number;
	ok2xx: number;
	errors: number;
	reqPerSec: number;
	reqPerSecRange: [number, number];
	p50: number;
	p90: number;
	p99: number;
	execPerSec: number;
	execSuccess: number;
	execError: number;
	cpuMsPerReq: number;
	cpuPctOfCore: number;
	maxOtherCpuPct: number;
	maxOtherN8n: number;
	isolatesPerReq?: number;
	scopesPerReq?: number;
	isolateSites?: Record<string, number>;
}

export function cells(rounds: RoundResult[]): Cell[] {
	const groups = new Map<string, RoundResult[]>();
	for (const round of rounds) {
		const key = [round.label, round.body, round.workflow, round.variant ?? ''].join('|');
		groups.set(key, [...(groups.get(key) ?? []), round]);
	}
	return [...groups.values()].map((list) => {
		const first = list[0];
		const sites: Record<string, number> = {};
		let total2xx = 0;
		for (const round of list) {
			total2xx += round.ok2xx;
			for (const [site, count] of Object.entries(round.isolates?.sites ?? {})) sites[site] = (sites[site] ?? 0) + count;
		}
		for (const site of Object.keys(sites)) sites[site] = round2(sites[site] / Math.max(1, total2xx));
		const rps = list.map((round) => round.reqPerSec);
		return {
			label: first.label,
			body: first.body,
			workflow: first.workflow,
			variant: first.variant,
			rounds: list.length,
			requests: list.reduce((sum, round) => sum + round.requests, 0),
			ok2xx: total2xx,
			errors: list.reduce((sum, round) => sum + round.errors, 0),
			reqPerSec: median(rps),
			reqPerSecRange: [Math.min(...rps), Math.max(...rps)],
			p50: median(list.map((round) => round.p50)),
			p90: median(list.map((round) => round.p90)),
			p99: median(list.map((round) => round.p99)),
			execPerSec: median(list.map((round) => round.execPerSec ?? NaN)),
			execSuccess: list.reduce((sum, round) => sum + round.execSuccess, 0),
			execError: list.reduce((sum, round) => sum + round.execError, 0),
			cpuMsPerReq: median(list.map((round) => round.cpuMsPerReq)),
			cpuPctOfCore: median(list.map((round) => round.cpuPctOfCore)),
			maxOtherCpuPct: Math.max(...list.map((round) => round.otherCpuPct)),
			maxOtherN8n: Math.max(...list.map((round) => round.otherN8n ?? 0)),
			isolatesPerReq: list[0].isolates ? median(list.map((round) => round.isolates!.bridgesPerReq)) : undefined,
			scopesPerReq: list[0].isolates ? median(list.map((round) => round.isolates!.scopesPerReq)) : undefined,
			isolateSites: list[0].isolates ? sites : undefined,
		};
	});
}

export function findCell(all: Cell[], label: string, body: string, workflow: WorkflowKey, variant?: string): Cell | undefined {
	return all.find((cell) => cell.label === label && cell.body === body && cell.workflow === workflow && (cell.variant ?? '') === (variant ?? ''));
}

export interface Ratio {
	label: string;
	body: string;
	/** throughput ratios (above 1: A is faster) */
	rpsAB?: number;
	rpsAC?: number;
	rpsAA0?: number;
	/** p99 ratios (below 1: A is better) */
	p99AB?: number;
	p99AC?: number;
	/**
	 * The same comparisons from n8n's CPU-ms per request (other / A): what the throughput ratio is
	 * when n8n is CPU-bound, and far less sensitive to other load on the machine than req/s
	 */
	cpuAB?: number;
	cpuAC?: number;
	cpuAA0?: number;
}

/** A cell's rounds saw noticeable CPU use by other processes (more than this share of one core). */
export const INTERFERENCE_PCT = 25;

export function ratios(all: Cell[], labels: string[], bodies: string[]): Ratio[] {
	const out: Ratio[] = [];
	for (const label of labels) {
		for (const body of bodies) {
			const a = findCell(all, label, body, 'A');
			if (!a) continue;
			const b = findCell(all, label, body, 'B');
			const c = findCell(all, label, body, 'C');
			const a0 = findCell(all, label, body, 'A0');
			out.push({
				label,
				body,
				rpsAB: b ? round2(a.reqPerSec / b.reqPerSec) : undefined,
				rpsAC: c ? round2(a.reqPerSec / c.reqPerSec) : undefined,
				rpsAA0: a0 ? round2(a.reqPerSec / a0.reqPerSec) : undefined,
				p99AB: b ? round2(a.p99 / b.p99) : undefined,
				p99AC: c ? round2(a.p99 / c.p99) : undefined,
				cpuAB: b ? round2(b.cpuMsPerReq / a.cpuMsPerReq) : undefined,
				cpuAC: c ? round2(c.cpuMsPerReq / a.cpuMsPerReq) : undefined,
				cpuAA0: a0 ? round2(a0.cpuMsPerReq / a.cpuMsPerReq) : undefined,
			});
		}
	}
	return out;
}

export function round2(value: number): number {
	return Math.round(value * 100) / 100;
}
