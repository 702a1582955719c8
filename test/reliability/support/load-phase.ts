/**
 * Phase 2: N distinct deliveries, each signed by the simulator (Argyle's side) with the subscription's
 * secret and carrying a unique `data.account`, at a fixed concurrency, then every execution read back
 * through n8n's public API (includeData, paginated by nextCursor).
 */
import { setMaxListeners } from 'node:events';

import { triggerItem, type TriggerWorkflow } from '../../e2e/support/argyle-e2e';
import type { Execution } from '../../e2e/harness/n8n';
import { rawSend } from './raw-client';
import { N8N_ENV, sleep, type ReliabilityRun } from './run';

export interface LoadResult {
	workflow: TriggerWorkflow;
	sent: number;
	statuses: Map<number, number>;
	transportErrors: string[];
	executions: Execution[];
	accounts: string[];
	successful: number;
	distinct: number;
	lost: string[];
	duplicates: string[];
	unexpected: number;
	sendMs: number;
	drainMs: number;
	readBackMs: number;
	rssBefore: number;
	rssAfter: number;
	abortedReason?: string;
	comparison?: { ours: number[]; builtIn: number[]; summary: string };
}

const MiB = 1024 * 1024;

export async function runLoad(run: ReliabilityRun, count: number, concurrency: number, budgetMs = 10 * 60_000): Promise<LoadResult> {
	const { n8n, sim } = run;
	setMaxListeners(concurrency * 4); // the simulator adds an abort listener per delivery in flight
	const rng = run.rng.fork('load');
	const workflow = await run.createWorkflow('Reliability load', ['accounts.added']);
	await run.e2e.activateOk(workflow);
	const subscription = run.e2e.onlySubscription(workflow.url);
	run.noteSecrets();

	const accounts = Array.from({ length: count }, () => rng.uuid());
	if (new Set(accounts).size !== count) throw new Error('generated account ids are not distinct');
	const statuses = new Map<number, number>();
	const transportErrors: string[] = [];
	const rssBefore = n8n.rss() ?? 0;
	const t0 = Date.now();
	const deadline = t0 + budgetMs;
	let abortedReason: string | undefined;
	let next = 0;
	run.say('load', `${count} signed deliveries at concurrency ${concurrency} to ${workflow.url} (settings: ${Object.entries(N8N_ENV).map(([k, v]) => `${k}=${v}`).join(' ')}); n8n main RSS before ${(rssBefore / MiB).toFixed(0)} MiB`);
	const worker = async () => {
		for (;;) {
			if (abortedReason) return;
			const index = next++;
			if (index >= count) return;
			if (Date.now() > deadline) {
				abortedReason ??= `sending did not finish within ${budgetMs / 1000} s (${index}/${count} sent)`;
				return;
			}
			const results = await sim.deliver('accounts.added', { account: accounts[index], user: accounts[(index * 7 + 3) % count], seq: index }, { only: subscription.id });
			for (const result of results) {
				statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
				if (result.status !== 200 && transportErrors.length < 20) transportErrors.push(`#${index}: ${result.status} ${result.error ?? result.responseBody.slice(0, 200)}`);
			}
			if (results.length !== 1 && transportErrors.length < 20) transportErrors.push(`#${index}: ${results.length} deliveries instead of 1`);
			if ((index + 1) % 1000 === 0) run.say('load', `${index + 1}/${count} delivered in ${((Date.now() - t0) / 1000).toFixed(0)} s, RSS ${((n8n.rss() ?? 0) / MiB).toFixed(0)} MiB`);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const sendMs = Date.now() - t0;

	// drain: every execution finished (or the budget is gone)
	const t1 = Date.now();
	let finished = 0;
	while (!abortedReason) {
		const listed = await n8n.executions(workflow.id);
		finished = listed.filter((execution) => !['new', 'running', 'waiting'].includes(execution.status)).length;
		if (finished >= count) break;
		if (Date.now() > deadline) {
			abortedReason = `only ${finished}/${count} executions finished within ${budgetMs / 1000} s`;
			break;
		}
		await sleep(3_000);
	}
	await sleep(2_000); // anything that would come twice comes now
	const drainMs = Date.now() - t1;

	const t2 = Date.now();
	const executions = await n8n.executions(workflow.id, { includeData: true });
	const readBackMs = Date.now() - t2;
	const rssAfter = n8n.rss() ?? 0;

	const expected = new Set(accounts);
	const seen = new Map<string, number>();
	let unexpected = 0;
	let successful = 0;
	for (const execution of executions) {
		if (execution.status === 'success') successful++;
		const account = triggerItem(execution)?.account;
		if (typeof account !== 'string' || !expected.has(account)) {
			unexpected++;
			continue;
		}
		seen.set(account, (seen.get(account) ?? 0) + 1);
	}
	const lost = accounts.filter((account) => !seen.has(account));
	const duplicates = [...seen.entries()].filter(([, times]) => times > 1).map(([account, times]) => `${account}×${times}`);
	run.say(
		'load',
		`sent ${count} in ${(sendMs / 1000).toFixed(1)} s (${((count / sendMs) * 1000).toFixed(1)}/s), answers ${JSON.stringify([...statuses])}; ${executions.length} executions read back in ${(readBackMs / 1000).toFixed(1)} s; lost ${lost.length}, duplicates ${duplicates.length}, unexpected ${unexpected}; RSS ${(rssBefore / MiB).toFixed(0)} -> ${(rssAfter / MiB).toFixed(0)} MiB`,
	);

	const result: LoadResult = {
		workflow,
		sent: count,
		statuses,
		transportErrors,
		executions,
		accounts,
		successful,
		distinct: seen.size,
		lost,
		duplicates,
		unexpected,
		sendMs,
		drainMs,
		readBackMs,
		rssBefore,
		rssAfter,
		...(abortedReason ? { abortedReason } : {}),
	};
	return result;
}

/**
 * Whether deriving the secret (and reading the credential) on every delivery costs throughput: the
 * same n8n, the same client and concurrency, interleaved rounds against our trigger and against n8n's
 * built-in Webhook node (which verifies nothing). Both answer on receipt and run a one-node workflow.
 */
export async function compareWithBuiltInWebhook(run: ReliabilityRun, ours: TriggerWorkflow, rounds = 3, perRound = 300, concurrency = 10): Promise<{ ours: number[]; builtIn: number[]; summary: string }> {
	const { n8n } = run;
	const secret = run.e2e.onlySubscription(ours.url).secret ?? '';
	const path = `reliability-builtin-${run.seed}`;
	const builtIn = await n8n.createWorkflow({
		name: 'Reliability built-in Webhook (comparison)',
		nodes: [{ name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `${path}-id`, parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } }],
		connections: {},
	});
	const activated = await n8n.activate(builtIn.id);
	if (activated.status !== 200) throw new Error(`activating the built-in Webhook failed: ${JSON.stringify(activated.body)}`);
	const builtInUrl = n8n.webhookUrl(path);
	const rng = run.rng.fork('compare');
	const round = async (url: string): Promise<number> => {
		let next = 0;
		const start = Date.now();
		let failures = 0;
		await Promise.all(
			Array.from({ length: concurrency }, async () => {
				while (next < perRound) {
					next++;
					const body = Buffer.from(JSON.stringify({ event: 'accounts.added', name: 'compare', data: { account: rng.uuid(), user: rng.uuid() } }));
					const answer = await rawSend(url, { headers: [['Content-Type', 'application/json'], ['X-Argyle-Signature', run.sign(body, secret)]], body });
					if (answer.status !== 200) failures++;
				}
			}),
		);
		if (failures) throw new Error(`${failures} comparison requests to ${url} failed`);
		return (perRound / (Date.now() - start)) * 1000;
	};
	const oursRates: number[] = [];
	const builtInRates: number[] = [];
	for (let i = 0; i < rounds; i++) {
		oursRates.push(await round(ours.url));
		builtInRates.push(await round(builtInUrl));
	}
	await n8n.deactivate(builtIn.id);
	const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
	const summary = `Argyle Trigger ${median(oursRates).toFixed(1)} req/s vs built-in Webhook ${median(builtInRates).toFixed(1)} req/s (same n8n, ${rounds}×${perRound} requests each, interleaved, c=${concurrency}; ratio ${(median(oursRates) / median(builtInRates)).toFixed(2)})`;
	run.say('load', `comparison: ${summary}`);
	return { ours: oursRates, builtIn: builtInRates, summary };
}
