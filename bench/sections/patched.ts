/**
 * Item 3 (--patched), "what n8n could gain": a runtime patch of n8n (bench/preload/upstream-patch.cjs,
 * nothing on disk changes; see bench/UPSTREAM.md) measured against the unpatched code in the same
 * boot, variants interleaved and rotated each round, default engine, small body.
 */
import * as fs from 'node:fs';

import { cells, findCell, round2, type Cell } from '../lib/cells';
import type { LiveBench } from '../lib/context';
import { PATCH_OFF, writePatchFlags, type PatchFlags } from '../lib/files';
import { functionalCheck } from '../lib/functional';
import { sleep } from '../lib/n8n-bench';
import { measureRound, rotate, warmUp, type RoundResult } from '../lib/rounds';
import type { WorkflowKey } from '../lib/workflows';

export interface PatchedResult {
	description: string;
	cells: Cell[];
	/** what the patch preload counted (its stats file), if it wrote one */
	stats?: unknown;
	/** req/s of the patched variant / req/s unpatched */
	gain?: Record<string, number | undefined>;
}

const DESCRIPTION =
	'PATCHED n8n (bench only, runtime preload, nothing on disk): webhook-phase = LiveWebhooks.webhookPhaseNeedsIsolate lets any static, natively resolvable, non-typeVersion-1 start node skip the eager webhook-phase isolate (lazy scope instead); credentials = CredentialsHelper.applyDefaultsAndOverwrites opens a lazy scope instead of an eager isolate. Same boot, interleaved with the unpatched code.';

const VARIANTS: Array<{ name: string; flags: PatchFlags; workflows: WorkflowKey[] }> = [
	{ name: 'unpatched', flags: PATCH_OFF, workflows: ['A', 'A0', 'C'] },
	{ name: 'webhook-phase', flags: { webhookPhase: true, credentials: false }, workflows: ['A', 'A0'] },
	{ name: 'webhook-phase+credentials', flags: { webhookPhase: true, credentials: true }, workflows: ['A'] },
];

async function measureVariants(live: LiveBench): Promise<RoundResult[]> {
	const { config, ctx } = live;
	const rounds: RoundResult[] = [];
	for (let round = 1; round <= config.rounds; round++) {
		for (const variant of rotate(VARIANTS, round - 1)) {
			writePatchFlags(live.files, variant.flags);
			// the preload polls the flags file every 50 ms: the new flags are in force before the first request
			await sleep(300);
			for (const key of variant.workflows) {
				rounds.push(await measureRound(ctx, key, 'small', round, { requests: config.patchedRequests, concurrency: config.concurrency, label: 'patched', variant: variant.name }));
			}
		}
	}
	writePatchFlags(live.files, PATCH_OFF);
	return rounds;
}

function gains(patchedCells: Cell[]): Record<string, number | undefined> {
	const gain = (key: WorkflowKey, variant: string) => {
		const base = findCell(patchedCells, 'patched', 'small', key, 'unpatched');
		const treated = findCell(patchedCells, 'patched', 'small', key, variant);
		return base && treated ? round2(treated.reqPerSec / base.reqPerSec) : undefined;
	};
	return {
		A_webhookPhase: gain('A', 'webhook-phase'),
		A_webhookPhaseAndCredentials: gain('A', 'webhook-phase+credentials'),
		A0_webhookPhase: gain('A0', 'webhook-phase'),
	};
}

function readStats(file: string): unknown {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

export async function runPatched(live: LiveBench): Promise<void> {
	const { config, ctx } = live;
	if (!config.patched) return;
	await live.restart('defaults + upstream patch preload + isolate counter (PATCHED n8n, bench only)', 'defaults', { counter: true, patch: true });
	await functionalCheck(ctx, false);
	for (const key of ['A', 'A0', 'C'] as WorkflowKey[]) await warmUp(ctx, key, 'small', config.warmup, config.concurrency);
	const rounds = await measureVariants(live);
	live.results.rounds.push(...rounds);
	const patchedCells = cells(rounds);
	live.results.patched = { description: DESCRIPTION, cells: patchedCells, stats: readStats(live.files.patchStats), gain: gains(patchedCells) };
}
