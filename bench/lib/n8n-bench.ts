/** Helpers around the e2e harness's N8nInstance for the bench: settings, preloads, execution counts, drains. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { N8nInstance } from '../../test/e2e/harness/n8n';
import type { ArgyleSimulator } from '../../simulator';

export type SettingKey = 'defaults' | 'lazy' | 'legacy';
export const ALL_SETTINGS: SettingKey[] = ['defaults', 'lazy', 'legacy'];

export const SETTING_ENV: Record<SettingKey, Record<string, string | undefined>> = {
	defaults: { N8N_EXPRESSION_ENGINE: undefined, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: undefined },
	lazy: { N8N_EXPRESSION_ENGINE: undefined, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
	legacy: { N8N_EXPRESSION_ENGINE: 'legacy', N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: undefined },
};

export const SETTING_LABEL: Record<SettingKey, string> = {
	defaults: 'defaults (vm engine, eager isolates)',
	lazy: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true',
	legacy: 'N8N_EXPRESSION_ENGINE=legacy',
};

export const PRELOAD_DIR = path.resolve(__dirname, '..', 'preload');
export const COUNTER_PRELOAD = path.join(PRELOAD_DIR, 'isolate-counter.cjs');
export const PATCH_PRELOAD = path.join(PRELOAD_DIR, 'upstream-patch.cjs');

/** NODE_OPTIONS for n8n's main process: preloads (in this order) and extra node arguments. */
export function nodeOptions(preloads: string[], extraArgs: string[] = []): string | undefined {
	const parts = [...preloads.map((file) => `--require=${JSON.stringify(file)}`), ...extraArgs];
	return parts.length ? parts.join(' ') : undefined;
}

/** An Argyle credential (custom environment) whose API calls go to `sim`. */
export async function createSimulatorCredential(n8n: N8nInstance, sim: ArgyleSimulator, name: string): Promise<{ id: string; name: string }> {
	return await n8n.createCredential('argyleApi', name, {
		environment: 'custom',
		baseUrl: sim.baseUrl,
		apiKeyId: sim.apiKeyId,
		apiKeySecret: sim.apiKeySecret,
	});
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface ExecutionCounts {
	total: number;
	finished: number;
	success: number;
	error: number;
	newestStoppedAtMs: number | undefined;
}

interface ListBody {
	data?: { count?: number; results?: Array<{ stoppedAt?: string | null }> };
}

async function countWith(n8n: N8nInstance, filter: Record<string, unknown>): Promise<{ count: number; newestStoppedAtMs?: number }> {
	const query = `/rest/executions?limit=1&filter=${encodeURIComponent(JSON.stringify(filter))}`;
	const result = await n8n.rest.get<ListBody>(query);
	if (!result.ok || typeof result.body?.data?.count !== 'number') {
		throw new Error(`GET ${query}: HTTP ${result.status} ${result.text.slice(0, 300)}`);
	}
	const stopped = result.body.data.results?.[0]?.stoppedAt;
	return { count: result.body.data.count, newestStoppedAtMs: stopped ? Date.parse(stopped) : undefined };
}

/** Execution counts of one workflow from n8n's REST list (exact counts on SQLite). */
export async function executionCounts(n8n: N8nInstance, workflowId: string): Promise<ExecutionCounts> {
	const [all, success, error, open] = await Promise.all([
		countWith(n8n, { workflowId }),
		countWith(n8n, { workflowId, status: ['success'] }),
		countWith(n8n, { workflowId, status: ['error', 'crashed', 'canceled'] }),
		countWith(n8n, { workflowId, status: ['new', 'running', 'waiting'] }),
	]);
	return {
		total: all.count,
		finished: all.count - open.count,
		success: success.count,
		error: error.count,
		newestStoppedAtMs: all.newestStoppedAtMs,
	};
}

/**
 * Waits until the workflow has `expectedTotal` executions and none is still open (the baseline's
 * drain: no backlog leaks into the next round). Returns the counts and how long it took.
 */
export async function drain(n8n: N8nInstance, workflowId: string, expectedTotal: number, timeoutMs = 120_000): Promise<{ counts: ExecutionCounts; waitedMs: number }> {
	const started = Date.now();
	for (;;) {
		const counts = await executionCounts(n8n, workflowId);
		if (counts.total >= expectedTotal && counts.finished === counts.total) return { counts, waitedMs: Date.now() - started };
		if (Date.now() - started > timeoutMs) {
			throw new Error(`workflow ${workflowId}: ${counts.finished}/${counts.total} finished, expected ${expectedTotal}, after ${timeoutMs} ms`);
		}
		await sleep(100);
	}
}

export interface HookState {
	scopes: number;
	bridges: number;
	eagerBridges: number;
	lazyBridges: number;
	engineLazy: boolean | null;
	sites: Record<string, number>;
	sampleStacks: Record<string, string[]>;
	seq: number;
}

export function readHook(file: string | undefined): HookState | undefined {
	if (!file) return undefined;
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as HookState;
	} catch {
		return undefined;
	}
}

/**
 * Asks the counter preload in n8n's main process for a fresh dump (SIGUSR2) and reads it. Nothing
 * is written while requests run, so reading costs n8n nothing during a round.
 */
export async function requestHook(file: string | undefined, pid: number | undefined): Promise<HookState | undefined> {
	if (!file || pid === undefined) return undefined;
	const previous = readHook(file)?.seq ?? -1;
	process.kill(pid, 'SIGUSR2');
	const deadline = Date.now() + 5_000;
	while (Date.now() < deadline) {
		await sleep(20);
		const state = readHook(file);
		if (state && state.seq > previous) return state;
	}
	throw new Error(`the isolate counter in n8n (pid ${pid}) did not answer SIGUSR2 within 5 s (${file})`);
}

export function hookDelta(before: HookState | undefined, after: HookState | undefined) {
	if (!before || !after) return undefined;
	const sites: Record<string, number> = {};
	for (const [key, value] of Object.entries(after.sites)) {
		const delta = value - (before.sites[key] ?? 0);
		if (delta) sites[key] = delta;
	}
	return { scopes: after.scopes - before.scopes, bridges: after.bridges - before.bridges, sites };
}
