/**
 * Issue 6: the Argyle Trigger in n8n 2.41.1 QUEUE MODE against the Argyle simulator.
 * One main (`n8n start`), two webhook processors (`n8n webhook`), two workers (`n8n worker`), Redis and
 * PostgreSQL, all on loopback (test/queue/cluster.ts). One cluster for the whole file; the tests run in
 * order and build on each other:
 *   1. activation on the main process → exactly one subscription at Argyle, for WEBHOOK_URL (processor 1)
 *   2. 1,000 signed deliveries, half to each webhook processor → exactly 1,000 successful executions,
 *      run by the workers (counted per worker from each worker's own log, cross-checked with the DB)
 *   3. forged deliveries to either processor → 401, no execution
 *   4. restart of the main process and of webhook processor 1 → still one subscription, deliveries verified
 *   5. API key rotated in the credential → deliveries signed with the registered secret still run
 *   6. deactivation on the main process → the subscription is gone, deliveries 404
 *
 * Run: npm run test:queue   (needs `bash scripts/install-queue-deps.sh` once: redis-server, postgresql)
 * Smaller development run: ARGYLE_QUEUE_DELIVERIES=100 npm run test:queue
 * n8n 2.41's default activation (publication outbox) instead of sync activation: ARGYLE_QUEUE_ACTIVATION=outbox
 */
import { randomBytes } from 'node:crypto';

import { ArgyleSimulator, type WebhookSubscription } from '../../simulator';
import { envelope, postJson } from '../../simulator/delivery';
import { N8N_VERSION } from '../e2e/harness/install';
import type { ActivationMode, Execution, N8nInstance } from '../e2e/harness/n8n';
import { BAD_SIGNATURE_MESSAGE, CREDENTIAL_TYPE, SIGNATURE_HEADER, simulatorCredentialData, sleep, triggerItem, triggerWorkflowJson, waitUntil } from '../e2e/support/argyle-e2e';
import { finishedExecutionIds, QueueCluster, shutdownWaits, startedExecutionIds } from './cluster';

const DELIVERIES = Number(process.env.ARGYLE_QUEUE_DELIVERIES ?? 1000);
const ACTIVATION: ActivationMode = process.env.ARGYLE_QUEUE_ACTIVATION === 'outbox' ? 'outbox' : 'sync';
/** requests in flight at once, over both webhook processors */
const CONCURRENCY = 10;
/** hard bounds of the load phase: sending, then draining the queue */
const SEND_BUDGET_MS = 240_000;
const DRAIN_BUDGET_MS = 240_000;
const EVENTS = ['accounts.added', 'accounts.connected'] as const;

interface Sent {
	seq: number;
	processor: number;
	status: number;
	ms: number;
	error?: string;
}

function percentile(values: number[], p: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function say(text: string): void {
	console.log(`[queue n8n ${N8N_VERSION}] ${text}`);
}

describe(`Argyle Trigger in n8n ${N8N_VERSION} queue mode (main, 2 webhook processors, 2 workers, Redis, PostgreSQL; ${ACTIVATION} activation)`, () => {
	const cluster = new QueueCluster({ activation: ACTIVATION, webhookProcessors: 2, workers: 2, workerConcurrency: 10 });
	let sim: ArgyleSimulator;
	let workflow: { id: string; webhookId: string; nodeId: string; name: string };
	/** production webhook URL on each webhook processor (same path, other port); [0] is WEBHOOK_URL's */
	let urls: string[] = [];
	let subscription: WebhookSubscription;
	/** seq numbers of every valid delivery sent so far (each must produce exactly one execution) */
	const expectedSeqs = new Set<number>();
	const summary: string[] = [];
	let nextSeq = 0;

	const main = () => cluster.main;

	beforeAll(async () => {
		const t0 = Date.now();
		// deliveries wait for n8n's answer; on a loaded 2-core machine that can take seconds
		sim = await ArgyleSimulator.start({ deliveryTimeoutMs: 30_000 });
		await cluster.start();
		const credential = await main().createCredential(CREDENTIAL_TYPE, 'Argyle simulator', simulatorCredentialData(sim));
		const { nodeId, webhookId, ...json } = triggerWorkflowJson('Argyle queue mode', credential, { events: [...EVENTS] });
		const saved = await main().createWorkflow(json);
		workflow = { id: saved.id, webhookId, nodeId, name: saved.name };
		urls = cluster.webhooks.map((processor) => processor.webhookUrl(webhookId, 'webhook'));
		const t = cluster.timings;
		summary.push(`${ACTIVATION} activation; boot: Redis + PostgreSQL ${t.services} ms, main (migrations) ${t.mainBoot} ms, 2 webhook processors + 2 workers in parallel ${t.processorsBoot} ms; setup total ${Date.now() - t0} ms`);
		say(`${summary[0]}; main ${main().baseUrl}, webhook processors ${cluster.webhooks.map((w) => w.baseUrl).join(' ')}, workers (health) ${cluster.workers.map((w) => w.baseUrl).join(' ')}, simulator ${sim.baseUrl}`);
	}, 420_000);

	afterAll(async () => {
		const marks = cluster.webhooks.map((processor) => processor.logMark());
		const t0 = Date.now();
		try {
			await cluster.stop();
			const waits = cluster.webhooks.map((processor, index) => shutdownWaits(processor, marks[index]));
			summary.push(
				`teardown (every process stopped by pid, temporary folders removed): ${Date.now() - t0} ms; the webhook processors' shutdowns waited for ${waits.map((w) => w.waitedFor).join(' and ')} executions the workers had finished` +
					`${waits.some((w) => w.timedOut) ? " (n8n's 30 s graceful-shutdown timeout)" : ''}`,
			);
		} finally {
			await sim?.stop();
			if (summary.length) say(`what this run proved:\n  ${summary.join('\n  ')}`);
		}
	}, 120_000);

	/** Fails with every process's log tail: what went wrong is usually in one of them. */
	function logTails(lines = 25): string {
		const named: Array<[string, N8nInstance]> = [['main', main()], ...cluster.webhooks.map((w, i): [string, N8nInstance] => [`webhook ${i + 1}`, w]), ...cluster.workers.map((w, i): [string, N8nInstance] => [`worker ${i + 1}`, w])];
		return named.map(([name, instance]) => `----- ${name} -----\n${instance.logTail(lines)}`).join('\n');
	}

	function newDelivery(event: string = EVENTS[nextSeq % EVENTS.length]): { seq: number; event: string; data: Record<string, unknown> } {
		const seq = nextSeq++;
		return { seq, event, data: { account: `acc_queue_${seq}_${randomBytes(4).toString('hex')}`, user: `usr_queue_${seq}`, delivery: seq } };
	}

	/**
	 * One valid delivery. To processor 1 (the subscription's URL) the simulator itself delivers it, signed
	 * with the secret it holds; to processor 2 we play the load balancer in front of the processors: the
	 * same envelope, signed with the same secret, posted to processor 2's production URL.
	 */
	async function deliverValid(processor: number): Promise<Sent> {
		const { seq, event, data } = newDelivery();
		const t0 = Date.now();
		let status: number;
		let error: string | undefined;
		if (processor === 0) {
			const results = await sim.deliver(event, data);
			if (results.length !== 1) throw new Error(`the simulator delivered to ${results.length} subscriptions, expected 1`);
			status = results[0].status;
			error = results[0].error ?? (status === 200 ? undefined : results[0].responseBody);
		} else {
			const body = envelope(event, subscription.name, data);
			const result = await postJson(urls[processor], body, { [SIGNATURE_HEADER]: sim.sign(body, subscription.secret!) }, 30_000);
			status = result.status;
			error = result.error ?? (status === 200 ? undefined : result.responseBody);
		}
		if (status === 200) expectedSeqs.add(seq);
		return { seq, processor, status, ms: Date.now() - t0, ...(error ? { error } : {}) };
	}

	/** Forged deliveries to one processor: wrong secret, no header, tampered body, malformed signature. */
	async function deliverForged(processor: number): Promise<Array<{ kind: string; status: number; body: string }>> {
		const { event, data } = newDelivery();
		const body = envelope(event, subscription.name, data);
		const goodSignature = sim.sign(body, subscription.secret!);
		const tampered = envelope(event, subscription.name, { ...data, account: 'acc_attacker' });
		const cases: Array<[string, string, Record<string, string>]> = [
			['wrong secret', body, { [SIGNATURE_HEADER]: sim.sign(body, `${subscription.secret}x`) }],
			['no signature', body, {}],
			['tampered body', tampered, { [SIGNATURE_HEADER]: goodSignature }],
			['uppercase hex', body, { [SIGNATURE_HEADER]: goodSignature.toUpperCase() }],
			['truncated', body, { [SIGNATURE_HEADER]: goodSignature.slice(0, 64) }],
		];
		const results = [];
		for (const [kind, payload, headers] of cases) {
			const result = await postJson(urls[processor], payload, headers, 30_000);
			results.push({ kind, status: result.status, body: result.responseBody });
		}
		return results;
	}

	async function finishedExecutions(count: number, timeoutMs: number): Promise<Execution[]> {
		try {
			return await main().waitForExecutions(workflow.id, count, timeoutMs);
		} catch (error) {
			throw new Error(`${(error as Error).message.split('\n')[0]}\n${logTails()}`);
		}
	}

	/** Executions with their data; checks every one ran the trigger with a delivery we sent, once. */
	async function checkExecutions(expected: number): Promise<Execution[]> {
		const executions = await main().executions(workflow.id, { includeData: true });
		expect(executions).toHaveLength(expected);
		const statuses = new Map<string, number>();
		for (const execution of executions) statuses.set(`${execution.mode}/${execution.status}`, (statuses.get(`${execution.mode}/${execution.status}`) ?? 0) + 1);
		expect(Object.fromEntries(statuses)).toEqual({ 'webhook/success': expected });
		const seqs = executions.map((execution) => triggerItem(execution)?.delivery);
		expect(seqs.every((seq) => typeof seq === 'number')).toBe(true);
		// none twice, none lost, nothing we did not send as a valid delivery
		expect(new Set(seqs).size).toBe(expected);
		expect(new Set(seqs)).toEqual(expectedSeqs);
		for (const execution of executions) {
			const item = triggerItem(execution)!;
			expect(item.name).toBe(subscription.name);
			expect(EVENTS).toContain(item.event);
			expect(item.account).toEqual(expect.stringMatching(new RegExp(`^acc_queue_${item.delivery as number}_`)));
		}
		return executions;
	}

	/** Which worker ran which execution, from each worker's log; checks they add up to the DB's executions. */
	function workerShares(executions: Execution[]): number[] {
		const perWorker = cluster.workers.map((worker) => finishedExecutionIds(worker));
		const all = perWorker.flat();
		// every execution in the DB was finished by exactly one worker, and no worker finished anything else
		expect(new Set(all).size).toBe(all.length);
		expect(new Set(all)).toEqual(new Set(executions.map((execution) => String(execution.id))));
		// ... and the main process and the webhook processors ran none
		for (const instance of [main(), ...cluster.webhooks]) expect(startedExecutionIds(instance)).toEqual([]);
		return perWorker.map((ids) => ids.length);
	}

	test('activation on the main process creates exactly one subscription, for WEBHOOK_URL (webhook processor 1)', async () => {
		const t0 = Date.now();
		const result = await main().activate(workflow.id);
		expect({ status: result.status, message: result.message }).toEqual({ status: 200, message: undefined });
		if (ACTIVATION === 'outbox') expect((await main().waitPublished(workflow.id)).status).toBe('published');
		const subscriptions = sim.webhooks('v2');
		expect(subscriptions).toHaveLength(1);
		subscription = subscriptions[0];
		expect(subscription.url).toBe(urls[0]);
		expect(subscription.url.startsWith(`${cluster.webhooks[0].baseUrl}/webhook/`)).toBe(true);
		expect([...subscription.events].sort()).toEqual([...EVENTS].sort());
		expect(subscription.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(sim.calls.filter((call) => call.method === 'POST' && call.path === '/v2/webhooks')).toHaveLength(1);
		expect(sim.webhooks('v1')).toHaveLength(0);
		// what the webhook processors read from PostgreSQL on every request: the trigger's static data
		// (written by create() on the main: subscription id and registered URL, never the secret) and the
		// credential (encrypted with the N8N_ENCRYPTION_KEY every process shares)
		const staticData = JSON.parse(cluster.pg!.psql(`SELECT "staticData" FROM workflow_entity WHERE id = '${workflow.id}'`, cluster.pg!.database).trim()) as Record<string, Record<string, unknown>>;
		expect(staticData).toEqual({ 'node:Argyle Trigger': { argyleSubscription: { id: subscription.id, url: subscription.url, events: [...EVENTS].sort(), apiVersion: 'v2' } } });
		expect(JSON.stringify(staticData)).not.toContain(subscription.secret);
		// every worker runs up to 10 jobs at once (N8N_CONCURRENCY_PRODUCTION_LIMIT)
		for (const worker of cluster.workers) expect(worker.logs()).toContain(' * Concurrency: 10');
		// both webhook processors serve the production URL (same path, their own port)
		for (const [index, processor] of cluster.webhooks.entries()) {
			await processor.waitWebhookRegistered(urls[index], true, 15_000);
		}
		summary.push(`activation on the main: 1 subscription ${subscription.id} -> ${subscription.url} (${Date.now() - t0} ms)`);
	});

	test(`${DELIVERIES} signed deliveries, half to each webhook processor: exactly ${DELIVERIES} executions, run by the workers, none lost, none twice`, async () => {
		expect(subscription).toBeDefined();
		const sent: Sent[] = [];
		const callMark = sim.calls.length;
		const t0 = Date.now();
		const deadline = t0 + SEND_BUDGET_MS;
		let next = 0;
		const lane = async () => {
			while (next < DELIVERIES && Date.now() < deadline) {
				const index = next++;
				sent.push(await deliverValid(index % 2));
			}
		};
		await Promise.all(Array.from({ length: CONCURRENCY }, lane));
		const sendMs = Date.now() - t0;
		const failed = sent.filter((s) => s.status !== 200);
		expect({ sent: sent.length, failed: failed.slice(0, 5) }).toEqual({ sent: DELIVERIES, failed: [] });
		const perProcessor = [0, 1].map((processor) => sent.filter((s) => s.processor === processor));
		expect(perProcessor.map((list) => list.length)).toEqual([Math.ceil(DELIVERIES / 2), Math.floor(DELIVERIES / 2)]);

		const t1 = Date.now();
		await finishedExecutions(DELIVERIES, DRAIN_BUDGET_MS);
		const drainMs = Date.now() - t1;
		const executions = await checkExecutions(DELIVERIES);
		const shares = workerShares(executions);
		// verifying and running deliveries never called Argyle's API (the secret is derived, not fetched)
		expect(sim.calls.slice(callMark).map((call) => `${call.method} ${call.path}`)).toEqual([]);
		// both workers took part (Bull hands jobs to whichever worker asks; with 10 slots each both get work)
		expect(shares.every((count) => count > 0)).toBe(true);
		expect(shares.reduce((a, b) => a + b, 0)).toBe(DELIVERIES);

		const latency = perProcessor.map((list) => list.map((s) => s.ms));
		summary.push(
			`${DELIVERIES} signed deliveries (${CONCURRENCY} in flight; ${perProcessor[0].length} by the simulator to processor 1, ${perProcessor[1].length} to processor 2): all HTTP 200 in ${sendMs} ms (${((DELIVERIES * 1000) / sendMs).toFixed(1)} req/s); ` +
				`latency p50/p99 processor 1 ${percentile(latency[0], 50)}/${percentile(latency[0], 99)} ms, processor 2 ${percentile(latency[1], 50)}/${percentile(latency[1], 99)} ms; ` +
				`queue drained ${drainMs} ms after the last answer`,
		);
		summary.push(`${executions.length} executions, all mode webhook / status success, ${executions.length} distinct deliveries, none missing, 0 calls to the Argyle API meanwhile; workers (from their logs, matched 1:1 to the DB's execution ids): worker 1 ran ${shares[0]}, worker 2 ran ${shares[1]}; main and webhook processors ran 0`);
		say(summary[summary.length - 2]);
		say(summary[summary.length - 1]);
	}, SEND_BUDGET_MS + DRAIN_BUDGET_MS + 60_000);

	test('forged deliveries to either webhook processor: 401 and no execution', async () => {
		expect(subscription).toBeDefined();
		const before = (await main().executions(workflow.id)).length;
		const finishedBefore = cluster.workers.map((worker) => finishedExecutionIds(worker).length);
		const callMark = sim.calls.length;
		for (const processor of [0, 1]) {
			const results = await deliverForged(processor);
			for (const result of results) {
				expect({ processor: processor + 1, kind: result.kind, status: result.status, body: result.body }).toEqual({
					processor: processor + 1,
					kind: result.kind,
					status: 401,
					body: JSON.stringify({ message: BAD_SIGNATURE_MESSAGE }),
				});
			}
		}
		await sleep(3_000);
		expect((await main().executions(workflow.id)).length).toBe(before);
		expect(cluster.workers.map((worker) => finishedExecutionIds(worker).length)).toEqual(finishedBefore);
		// A signature-shaped header that does not verify makes webhook() read the subscription's secret back
		// from Argyle (the key-rotation fallback, recordedSecret.ts): once per process (memory only, 5 min),
		// so here exactly one authorized GET from each webhook processor, none for the other forgeries.
		const calls = sim.calls.slice(callMark).map((call) => `${call.method} ${call.path} ${call.authorized ? 'authorized' : 'unauthorized'}`);
		expect(calls).toEqual([0, 1].map(() => `GET /v2/webhooks/${subscription.id} authorized`));
		summary.push(
			`forged deliveries (wrong secret, no header, tampered body, uppercase hex, truncated) x 2 processors: all 401 "${BAD_SIGNATURE_MESSAGE}", executions stayed ${before}; ` +
				`the webhook processors made ${calls.length} Argyle API calls for them (one read-back of the subscription's secret each, then memory)`,
		);
	});

	test('restarting the main process and webhook processor 1 keeps exactly one subscription; deliveries are still verified', async () => {
		expect(subscription).toBeDefined();
		const callMark = sim.calls.length;
		const logMark = cluster.webhooks[0].logMark();
		let t0 = Date.now();
		await main().restart();
		const mainRestartMs = Date.now() - t0;
		t0 = Date.now();
		await cluster.webhooks[0].restart();
		const webhookRestartMs = Date.now() - t0;
		const waits = shutdownWaits(cluster.webhooks[0], logMark);

		// at boot the main ran checkExists (sync activation: ActiveWorkflowManager.init) and kept the subscription
		const subscriptions = sim.webhooks('v2');
		expect(subscriptions.map((s) => ({ id: s.id, url: s.url, secret: s.secret }))).toEqual([{ id: subscription.id, url: subscription.url, secret: subscription.secret }]);
		const calls = sim.calls.slice(callMark).filter((call) => call.path.startsWith('/v2/webhooks'));
		expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
		// sync activation: ActiveWorkflowManager.init ran checkExists, which listed the subscriptions
		if (ACTIVATION === 'sync') expect(calls.filter((call) => call.method === 'GET').length).toBeGreaterThanOrEqual(1);
		await cluster.webhooks[0].waitWebhookRegistered(urls[0], true, 15_000);

		const before = (await main().executions(workflow.id)).length;
		const perProcessor = 10;
		const sent: Sent[] = [];
		for (let i = 0; i < 2 * perProcessor; i++) sent.push(await deliverValid(i % 2));
		expect(sent.filter((s) => s.status !== 200)).toEqual([]);
		for (const processor of [0, 1]) {
			const forged = await deliverForged(processor);
			expect(forged.map((f) => f.status)).toEqual(forged.map(() => 401));
		}
		await finishedExecutions(before + 2 * perProcessor, 120_000);
		await sleep(2_000);
		const executions = await checkExecutions(before + 2 * perProcessor);
		const shares = workerShares(executions);
		summary.push(
			`restart: main ${mainRestartMs} ms, webhook processor 1 ${webhookRestartMs} ms (its shutdown waited for ${waits.waitedFor} executions the workers had finished${waits.timedOut ? ', until n8n\'s 30 s graceful-shutdown timeout' : ''}); still 1 subscription (${subscription.id}, ${calls.length} list call(s), no create/delete); ` +
				`${2 * perProcessor} more signed deliveries -> 200 and executions, 10 forged -> 401; total ${executions.length} executions (worker 1 ${shares[0]}, worker 2 ${shares[1]})`,
		);
	});

	test("API key rotation in the credential: the webhook processors keep verifying Argyle's deliveries (signed with the registered secret)", async () => {
		expect(subscription).toBeDefined();
		const rotated = { apiKeyId: 'sim_key_rotated_queue', apiKeySecret: randomBytes(16).toString('hex') };
		sim.addApiKey(rotated.apiKeyId, rotated.apiKeySecret);
		const credentialId = (await main().getWorkflow(workflow.id)).nodes[0].credentials?.[CREDENTIAL_TYPE]?.id;
		expect(credentialId).toBeDefined();
		const patched = await main().rest.patch(`/rest/credentials/${credentialId}`, {
			name: 'Argyle simulator',
			type: CREDENTIAL_TYPE,
			data: { environment: 'custom', baseUrl: sim.baseUrl, ...rotated },
		});
		expect(patched.status).toBe(200);
		const before = (await main().executions(workflow.id)).length;
		const callMark = sim.calls.length;
		const sent: Sent[] = [];
		for (let i = 0; i < 10; i++) sent.push(await deliverValid(i % 2));
		expect(sent.filter((s) => s.status !== 200)).toEqual([]);
		await finishedExecutions(before + sent.length, 120_000);
		await sleep(2_000);
		const executions = await checkExecutions(before + sent.length);
		// any read-back is the subscription itself, with the rotated key (each processor may still hold the secret in memory)
		const calls = sim.calls.slice(callMark);
		expect(calls.filter((call) => !(call.method === 'GET' && call.path === `/v2/webhooks/${subscription.id}` && call.authorized))).toEqual([]);
		summary.push(`API key rotated in the credential: 10 deliveries signed with the registered secret -> 200 and executions on both processors (${calls.length} read-back call(s)); total ${executions.length}`);
	});

	test('deactivation on the main process deletes the subscription; deliveries then find no webhook', async () => {
		expect(subscription).toBeDefined();
		const before = (await main().executions(workflow.id)).length;
		const result = await main().deactivate(workflow.id);
		expect(result.status).toBe(200);
		// sync activation: delete() ran before the answer; outbox: shortly after
		await waitUntil(() => sim.webhooks('v2').length === 0, 'the subscription to be deleted', ACTIVATION === 'sync' ? 0 : 30_000, () => JSON.stringify(sim.webhooks('v2')));
		expect(sim.calls.filter((call) => call.method === 'DELETE' && call.path === `/v2/webhooks/${subscription.id}`)).toHaveLength(1);
		// both processors stop serving the URL (n8n removes the webhook rows and their Redis cache entries)
		for (const [index, processor] of cluster.webhooks.entries()) {
			await processor.waitWebhookRegistered(urls[index], false, 15_000);
			const body = envelope('accounts.added', subscription.name, { account: 'acc_after', user: 'usr_after', delivery: -1 });
			const late = await postJson(urls[index], body, { [SIGNATURE_HEADER]: sim.sign(body, subscription.secret!) }, 30_000);
			expect({ processor: index + 1, status: late.status }).toEqual({ processor: index + 1, status: 404 });
		}
		await sleep(2_000);
		expect((await main().executions(workflow.id)).length).toBe(before);
		summary.push(`deactivation on the main: subscription ${subscription.id} deleted at Argyle (0 left); signed deliveries to both processors -> 404, executions stayed ${before}`);
	});
});
