/**
 * Isolates per request: how many isolates (and scopes) n8n's expression engine took per request of
 * each workflow in each setting, counted by the preload in n8n (bench/preload/isolate-counter.cjs)
 * during the ingestion rounds of the first body. The isolates are what the default engine costs.
 */
import { findCell } from '../lib/cells';
import type { BenchRun } from '../lib/context';

export interface IsolateCount {
	setting: string;
	workflow: string;
	isolatesPerReq?: number;
	scopesPerReq?: number;
	/** per request, by the call site that took the isolate */
	sites?: Record<string, number>;
}

export function countIsolates(run: BenchRun): void {
	const { config, results } = run;
	for (const setting of config.settings) {
		for (const key of config.workflows) {
			const cell = findCell(results.cells, setting, config.bodies[0], key);
			if (cell) results.isolates.push({ setting, workflow: key, isolatesPerReq: cell.isolatesPerReq, scopesPerReq: cell.scopesPerReq, sites: cell.isolateSites });
		}
	}
}
