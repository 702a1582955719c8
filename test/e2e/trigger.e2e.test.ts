/**
 * The Argyle Trigger in a REAL n8n 2.41.1 (sync activation) against the Argyle simulator: issue 3,
 * scenarios 1-9, paging, and API key rotation (10). One n8n for the whole file; every test builds its
 * own workflows (unique webhookIds) and afterEach deactivates them and resets the simulator, so each
 * test starts from an empty Argyle. The default outbox activation is covered by outbox-smoke.e2e.test.ts.
 *
 * Run: npm run build && npx jest --selectProjects e2e -- test/e2e/trigger.e2e.test.ts
 */
import { randomBytes } from 'node:crypto';

import { deriveWebhookSecret } from '../../nodes/ArgyleTrigger/signature';
import type { WebhookSubscription } from '../../simulator';
import { N8N_VERSION } from './harness/install';
import {
	ALL_ACCOUNT_EVENTS,
	BAD_SIGNATURE_MESSAGE,
	CREDENTIAL_TYPE,
	useArgyleE2e,
	SIGNATURE_HEADER,
	sleep,
	triggerItem,
	waitUntil,
	type TriggerWorkflow,
} from './support/argyle-e2e';

const HEX64 = /^[0-9a-f]{64}$/;
const OWN_CREDENTIAL_MESSAGE = 'Argyle rejected the API key';

describe(`Argyle Trigger in a real n8n ${N8N_VERSION} (sync activation)`, () => {
	const suite = useArgyleE2e({ activation: 'sync', label: 'setup' });
	const { n8n, credentialData } = suite;

	/** The secret the trigger derives for this workflow and URL (HMAC-SHA256 of the API key secret). */
	function expectedSecret(workflow: TriggerWorkflow, url = workflow.url): string {
		return deriveWebhookSecret(suite.sim.apiKeySecret, workflow.id, workflow.nodeId, url);
	}

	function envelope(event: string, name: string, data: Record<string, unknown>): string {
		return JSON.stringify({ event, name, data });
	}

	async function post(url: string, body: string, signature?: string) {
		return await n8n.sendWebhook(url, {
			body,
			headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { [SIGNATURE_HEADER]: signature }) },
		});
	}

	test('scenario 1: the credential test in n8n passes with the right keys and fails with our 401 message for a wrong secret', async () => {
		const scenario = 'scenario 1';
		const right = await n8n.testCredential({ id: suite.e2e.credential.id, name: suite.e2e.credential.name, type: CREDENTIAL_TYPE, data: credentialData() });
		suite.e2e.say(scenario, `right keys -> ${right.status}: ${right.message}`);
		expect(right.httpStatus).toBe(200);
		expect(right.status).toBe('OK');
		const usersCalls = suite.sim.calls.filter((call) => call.method === 'GET' && call.path === '/v2/users');
		expect(usersCalls.length).toBeGreaterThanOrEqual(1);
		expect(usersCalls.every((call) => call.authorized)).toBe(true);

		suite.sim.clearCalls();
		const wrong = await n8n.testCredential({
			id: suite.e2e.credential.id,
			name: suite.e2e.credential.name,
			type: CREDENTIAL_TYPE,
			data: credentialData({ apiKeySecret: `wrong-${randomBytes(8).toString('hex')}` }),
		});
		suite.e2e.say(scenario, `wrong secret -> ${wrong.status}: ${wrong.message}`);
		expect(wrong.httpStatus).toBe(200);
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toContain(OWN_CREDENTIAL_MESSAGE);
		// the simulator really saw the wrong key and answered 401
		expect(suite.sim.calls.some((call) => call.path === '/v2/users' && !call.authorized && call.status === 401)).toBe(true);

		const wrongBase = await n8n.testCredential({
			id: suite.e2e.credential.id,
			name: suite.e2e.credential.name,
			type: CREDENTIAL_TYPE,
			data: credentialData({ baseUrl: `${suite.sim.baseUrl}/v2` }),
		});
		suite.e2e.say(scenario, `base URL with /v2 -> ${wrongBase.status}: ${wrongBase.message}`);
		expect(wrongBase.status).toBe('Error');
		expect(wrongBase.message).toContain(`No Argyle API at ${suite.sim.baseUrl}/v2 (404 for /v2/users)`);
	});

	test('scenario 2: activation leaves exactly one v2 subscription with the sorted events, the production URL, a derived 64-hex secret, the name and config', async () => {
		const scenario = 'scenario 2';
		const withResource = await suite.e2e.createTriggerWorkflow('E2E scenario 2 with resource', {
			events: ['accounts.removed', 'accounts.added', 'accounts.failed'],
			options: { includeResource: true },
		});
		const named = await suite.e2e.createTriggerWorkflow('E2E scenario 2 named', {
			events: ['accounts.updated', 'accounts.connected'],
			options: { subscriptionName: 'Payroll alerts' },
		});

		const activation = await n8n.activate(withResource.id);
		expect(activation.status).toBe(200);
		expect((activation.body as { data: { active: boolean } }).data.active).toBe(true);

		expect(suite.sim.webhooks('v1')).toHaveLength(0);
		const all = suite.sim.webhooks('v2');
		expect(all).toHaveLength(1);
		const [subscription] = all;
		suite.e2e.say(scenario, `subscription ${subscription.id} ${subscription.url} events ${subscription.events.join(',')} config ${JSON.stringify(subscription.config)}`);
		expect(subscription.url).toBe(withResource.url);
		expect(subscription.url).toBe(`${n8n.baseUrl}/webhook/${withResource.webhookId}/webhook`);
		expect(subscription.events).toEqual(['accounts.added', 'accounts.failed', 'accounts.removed']);
		expect(subscription.name).toBe('n8n: E2E scenario 2 with resource');
		expect(subscription.config).toEqual({ include_resource: true });
		expect(subscription.secret).toMatch(HEX64);
		expect(subscription.secret).toBe(expectedSecret(withResource));
		// exactly one create, with the documented body
		const posts = suite.e2e.calls('POST');
		expect(posts).toHaveLength(1);
		expect(posts[0].body).toEqual({
			events: ['accounts.added', 'accounts.failed', 'accounts.removed'],
			name: 'n8n: E2E scenario 2 with resource',
			url: withResource.url,
			secret: subscription.secret,
			config: { include_resource: true },
		});
		expect(await n8n.isWebhookRegistered(withResource.url)).toBe(true);

		// the secret is derived, never stored in n8n's static data
		const saved = await n8n.getWorkflow(withResource.id);
		expect(saved.active).toBe(true);
		expect(JSON.stringify(saved.staticData ?? {})).not.toContain(subscription.secret!);

		expect((await n8n.activate(named.id)).status).toBe(200);
		expect(suite.sim.webhooks('v2')).toHaveLength(2);
		const second = suite.e2e.onlySubscription(named.url);
		suite.e2e.say(scenario, `named subscription ${second.id} "${second.name}" events ${second.events.join(',')} config ${JSON.stringify(second.config)}`);
		expect(second.name).toBe('Payroll alerts');
		expect(second.events).toEqual(['accounts.connected', 'accounts.updated']);
		expect(second.config.include_resource).not.toBe(true);
		expect(second.secret).toMatch(HEX64);
		expect(second.secret).toBe(expectedSecret(named));
		expect(second.secret).not.toBe(subscription.secret);
		expect(suite.e2e.calls('POST')[1].body).not.toHaveProperty('config');
		// the first subscription was not touched by the second activation
		expect(suite.e2e.onlySubscription(withResource.url)).toEqual(subscription);
	});

	test('scenario 3: each of the five events runs exactly one execution with the item shape (with and without the account object); filters drop the rest', async () => {
		const scenario = 'scenario 3';
		const withResource = await suite.e2e.createTriggerWorkflow('E2E scenario 3 with resource', {
			events: [...ALL_ACCOUNT_EVENTS],
			options: { includeResource: true },
		});
		const plain = await suite.e2e.createTriggerWorkflow('E2E scenario 3 plain', {
			events: [...ALL_ACCOUNT_EVENTS],
			options: { errorCodes: ['invalid_mfa'] },
		});
		const disconnected = await suite.e2e.createTriggerWorkflow('E2E scenario 3 disconnected only', {
			events: ['accounts.updated'],
			options: { disconnectedOnly: true },
		});
		for (const workflow of [withResource, plain, disconnected]) await suite.e2e.activateOk(workflow);
		expect(suite.e2e.onlySubscription(disconnected.url)).toMatchObject({ events: ['accounts.updated'], config: { include_resource: true } });
		expect(suite.e2e.onlySubscription(plain.url).config.include_resource).not.toBe(true);

		const account = suite.sim.addAccount();
		const expected = { withResource: 0, plain: 0, disconnected: 0 };
		const ids = [withResource.id, plain.id, disconnected.id];

		/** Fires the event, checks the HTTP answers n8n gave the simulator, waits for the new executions. */
		async function fire(
			event: string,
			extra: { error_code?: string },
			runs: { withResource: boolean; plain: boolean; disconnected: boolean | 'ignored' | 'not subscribed' },
		) {
			const results = await suite.sim.fireAccountEvent(event, account.id, extra);
			const byUrl = new Map(results.map((result) => [result.url, result]));
			const summary = results.map((r) => `${r.url === withResource.url ? 'resource' : r.url === plain.url ? 'plain' : 'disconnected'}=${r.status}${r.responseBody ? ` ${r.responseBody}` : ''}`);
			suite.e2e.say(scenario, `${event} ${JSON.stringify(extra)} -> ${summary.join('; ')}`);
			for (const result of results) expect(result.status).toBe(200);
			expect(byUrl.get(withResource.url)).toBeDefined();
			expect(byUrl.get(plain.url)).toBeDefined();
			if (runs.disconnected === 'not subscribed') expect(byUrl.get(disconnected.url)).toBeUndefined();
			else expect(byUrl.get(disconnected.url)).toBeDefined();
			if (!runs.plain) expect(byUrl.get(plain.url)!.responseBody).toContain('Ignored');
			if (runs.disconnected === 'ignored') expect(byUrl.get(disconnected.url)!.responseBody).toContain('Ignored');
			if (runs.withResource) expected.withResource += 1;
			if (runs.plain) expected.plain += 1;
			if (runs.disconnected === true) expected.disconnected += 1;
			const [resourceRuns, plainRuns, disconnectedRuns] = await Promise.all([
				suite.e2e.expectExecutions(withResource.id, expected.withResource),
				suite.e2e.expectExecutions(plain.id, expected.plain),
				suite.e2e.expectExecutions(disconnected.id, expected.disconnected),
			]);
			return {
				resource: runs.withResource ? resourceRuns[0] : undefined,
				plain: runs.plain ? plainRuns[0] : undefined,
				disconnected: runs.disconnected === true ? disconnectedRuns[0] : undefined,
			};
		}

		const accountRef = { account: account.id, user: account.user };
		const resourceName = 'n8n: E2E scenario 3 with resource';
		const plainName = 'n8n: E2E scenario 3 plain';

		// accounts.added
		let runs = await fire('accounts.added', {}, { withResource: true, plain: true, disconnected: 'not subscribed' });
		for (const execution of [runs.resource!, runs.plain!]) {
			expect(execution.status).toBe('success');
			expect(execution.mode).toBe('webhook');
		}
		let item = triggerItem(runs.resource!);
		expect(item).toMatchObject({ event: 'accounts.added', name: resourceName, ...accountRef, resource: { id: account.id, user: account.user } });
		expect(item).not.toHaveProperty('data');
		expect(triggerItem(runs.plain!)).toEqual({ event: 'accounts.added', name: plainName, ...accountRef });

		// accounts.connected
		runs = await fire('accounts.connected', {}, { withResource: true, plain: true, disconnected: 'not subscribed' });
		expect(triggerItem(runs.resource!)).toMatchObject({ event: 'accounts.connected', ...accountRef, resource: { id: account.id, connection: { status: 'connected' } } });
		expect(triggerItem(runs.plain!)).toEqual({ event: 'accounts.connected', name: plainName, ...accountRef });

		// accounts.updated while connected: Account Disconnected Only answers 200 "Ignored" and does not run
		runs = await fire('accounts.updated', {}, { withResource: true, plain: true, disconnected: 'ignored' });
		expect(triggerItem(runs.resource!)).toMatchObject({ event: 'accounts.updated', resource: { connection: { status: 'connected' } } });
		expect(triggerItem(runs.plain!)).toEqual({ event: 'accounts.updated', name: plainName, ...accountRef });

		// accounts.failed with a code in the plain workflow's Error Codes filter
		runs = await fire('accounts.failed', { error_code: 'invalid_mfa' }, { withResource: true, plain: true, disconnected: 'not subscribed' });
		const mfaMessage = suite.sim.account(account.id)!.connection.error_message;
		expect(triggerItem(runs.plain!)).toEqual({ event: 'accounts.failed', name: plainName, ...accountRef, error_code: 'invalid_mfa', error_message: mfaMessage });
		expect(triggerItem(runs.resource!)).toMatchObject({
			event: 'accounts.failed',
			error_code: 'invalid_mfa',
			error_message: mfaMessage,
			resource: { connection: { status: 'error', error_code: 'invalid_mfa' } },
		});

		// accounts.updated for a disconnected account: now Account Disconnected Only fires
		runs = await fire('accounts.updated', { error_code: 'auth_required' }, { withResource: true, plain: true, disconnected: true });
		expect(triggerItem(runs.disconnected!)).toMatchObject({
			event: 'accounts.updated',
			name: 'n8n: E2E scenario 3 disconnected only',
			...accountRef,
			resource: { id: account.id, connection: { status: 'error', error_code: 'auth_required' } },
		});

		// accounts.failed with a code outside the filter: 200 Ignored for the plain workflow, no execution
		runs = await fire('accounts.failed', { error_code: 'invalid_credentials' }, { withResource: true, plain: false, disconnected: 'not subscribed' });
		expect(triggerItem(runs.resource!)).toMatchObject({ event: 'accounts.failed', error_code: 'invalid_credentials' });

		// accounts.removed: the account is gone, so no resource even with Include Account Object
		runs = await fire('accounts.removed', {}, { withResource: true, plain: true, disconnected: 'not subscribed' });
		expect(triggerItem(runs.resource!)).toEqual({ event: 'accounts.removed', name: resourceName, ...accountRef });
		expect(triggerItem(runs.plain!)).toEqual({ event: 'accounts.removed', name: plainName, ...accountRef });

		// nothing more ran afterwards: exactly one execution per delivered and selected event
		const counts = await suite.e2e.settledCounts(ids);
		suite.e2e.say(scenario, `executions: with resource ${counts[0]}, plain ${counts[1]}, disconnected only ${counts[2]}`);
		expect(counts).toEqual([7, 6, 1]);
		const events = async (id: string) => (await suite.e2e.executions(id, true)).map((execution) => triggerItem(execution)?.event).sort();
		expect(await events(withResource.id)).toEqual([
			'accounts.added',
			'accounts.connected',
			'accounts.failed',
			'accounts.failed',
			'accounts.removed',
			'accounts.updated',
			'accounts.updated',
		]);
		expect(await events(plain.id)).toEqual(['accounts.added', 'accounts.connected', 'accounts.failed', 'accounts.removed', 'accounts.updated', 'accounts.updated']);
		expect(await events(disconnected.id)).toEqual(['accounts.updated']);
	});

	test('scenario 4: forged deliveries straight to n8n (no, wrong, stale or foreign signature) get 401, signed non-deliveries 400, and none starts anything', async () => {
		const scenario = 'scenario 4';
		const target = await suite.e2e.createTriggerWorkflow('E2E scenario 4 target', { events: ['accounts.added', 'accounts.failed'] });
		const other = await suite.e2e.createTriggerWorkflow('E2E scenario 4 other', { events: ['accounts.added', 'accounts.failed'] });
		await suite.e2e.activateOk(target);
		await suite.e2e.activateOk(other);
		const ours = suite.e2e.onlySubscription(target.url);
		const foreign = suite.e2e.onlySubscription(other.url);
		expect(ours.secret).not.toBe(foreign.secret);

		const account = suite.sim.addAccount();
		const body = envelope('accounts.added', ours.name, { account: account.id, user: account.user });

		// control: the same body signed with the subscription's secret runs once
		const genuine = await post(target.url, body, suite.sim.sign(body, ours.secret!));
		suite.e2e.say(scenario, `genuine signature -> ${genuine.status} ${genuine.text}`);
		expect(genuine.status).toBe(200);
		await suite.e2e.expectExecutions(target.id, 1);

		const tampered = body.replace(account.id, suite.sim.addAccount().id);
		expect(tampered).not.toBe(body);
		const forgeries: Array<[string, string, string | undefined]> = [
			['no signature', body, undefined],
			['empty signature', body, ''],
			['random signature', body, randomBytes(64).toString('hex')],
			['body changed after signing', tampered, suite.sim.sign(body, ours.secret!)],
			["another subscription's secret", body, suite.sim.sign(body, foreign.secret!)],
			['the API key secret as the secret', body, suite.sim.sign(body, suite.sim.apiKeySecret)],
		];
		for (const [label, payload, signature] of forgeries) {
			const response = await post(target.url, payload, signature);
			suite.e2e.say(scenario, `${label} -> ${response.status} ${response.text}`);
			expect({ label, status: response.status, body: response.body }).toEqual({ label, status: 401, body: { message: BAD_SIGNATURE_MESSAGE } });
		}
		// a delivery signed for the other workflow is valid there, and only there
		const forOther = envelope('accounts.added', foreign.name, { account: account.id, user: account.user });
		expect((await post(target.url, forOther, suite.sim.sign(forOther, foreign.secret!))).status).toBe(401);

		// correctly signed but not a delivery: rejected before anything runs
		const noEvent = JSON.stringify({ name: ours.name, data: { account: account.id } });
		const noEventResponse = await post(target.url, noEvent, suite.sim.sign(noEvent, ours.secret!));
		suite.e2e.say(scenario, `signed body without "event" -> ${noEventResponse.status} ${noEventResponse.text}`);
		expect(noEventResponse.status).toBe(400);
		expect(noEventResponse.body).toEqual({ message: 'The body has no "event"' });
		const broken = '{"event": "accounts.added", "data": ';
		const brokenText = await n8n.sendWebhook(target.url, { body: broken, headers: { 'content-type': 'text/plain', [SIGNATURE_HEADER]: suite.sim.sign(broken, ours.secret!) } });
		suite.e2e.say(scenario, `signed malformed JSON as text/plain -> ${brokenText.status} ${brokenText.text}`);
		expect(brokenText.status).toBe(400);
		expect(brokenText.body).toEqual({ message: 'The body is not valid JSON' });
		// as application/json n8n itself rejects it (422) before the node runs (N8N-FACTS.md i)
		expect((await post(target.url, broken, suite.sim.sign(broken, ours.secret!))).status).toBe(422);

		const [targetRuns, otherRuns] = await suite.e2e.settledCounts([target.id, other.id]);
		suite.e2e.say(scenario, `executions after ${forgeries.length + 1} forgeries and 3 malformed bodies: target ${targetRuns}, other ${otherRuns}`);
		expect(targetRuns).toBe(1);
		expect(otherRuns).toBe(0);
	});

	test('scenario 5: changing the events (or the API version) and publishing again replaces the subscription with exactly one for the new selection', async () => {
		const scenario = 'scenario 5';
		const workflow = await suite.e2e.createTriggerWorkflow('E2E scenario 5', { events: ['accounts.added'] });
		await suite.e2e.activateOk(workflow);
		const before = suite.e2e.onlySubscription(workflow.url);
		expect(before.events).toEqual(['accounts.added']);
		suite.e2e.say(scenario, `before: ${before.id} ${before.events.join(',')}`);

		suite.sim.clearCalls();
		const saved = await suite.e2e.saveAndPublish(workflow, {
			events: ['accounts.removed', 'accounts.connected'],
			options: { includeResource: true },
		});
		const after = suite.e2e.onlySubscription(workflow.url);
		suite.e2e.say(scenario, `after save + publish: ${after.id} ${after.events.join(',')} ${JSON.stringify(after.config)}; calls ${suite.sim.calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(', ')}`);
		expect(suite.sim.webhooks('v2').map((s) => s.id)).not.toContain(before.id);
		expect(after.id).not.toBe(before.id);
		expect(after.events).toEqual(['accounts.connected', 'accounts.removed']);
		expect(after.config).toEqual({ include_resource: true });
		expect(after.secret).toBe(expectedSecret(workflow));
		expect(suite.e2e.calls('POST')).toHaveLength(1);
		expect(suite.e2e.calls('DELETE').map((c) => c.path)).toContain(`/v2/webhooks/${before.id}`);
		const current = await n8n.getWorkflow(workflow.id);
		expect(current.active).toBe(true);
		expect(current.activeVersionId).toBe(saved.versionId);

		// the new selection is what runs now
		const account = suite.sim.addAccount();
		const none = await suite.sim.fireAccountEvent('accounts.added', account.id);
		expect(none).toHaveLength(0); // Argyle no longer sends it
		const connected = await suite.sim.fireAccountEvent('accounts.connected', account.id);
		expect(connected.map((r) => r.status)).toEqual([200]);
		const [execution] = await suite.e2e.expectExecutions(workflow.id, 1);
		expect(triggerItem(execution)).toMatchObject({ event: 'accounts.connected', account: account.id, resource: { id: account.id } });
		// a correctly signed delivery for the old event is acknowledged but ignored
		const old = envelope('accounts.added', after.name, { account: account.id, user: account.user });
		const ignored = await post(workflow.url, old, suite.sim.sign(old, after.secret!));
		expect(ignored.status).toBe(200);
		expect(ignored.body).toEqual({ message: expect.stringContaining('Ignored') });
		expect(await suite.e2e.settledCounts([workflow.id])).toEqual([1]);

		// switching the API version moves the subscription from /v2/webhooks to /v1/webhooks
		await suite.e2e.saveAndPublish(workflow, { apiVersion: 'v1', events: ['accounts.connected'] });
		const v1 = suite.e2e.subscriptionsFor(workflow.url, 'v1');
		suite.e2e.say(scenario, `after switching to v1: v2 ${suite.e2e.subscriptionsFor(workflow.url).length}, v1 ${v1.map((x) => `${x.id} ${x.events.join(',')}`).join('; ')}`);
		expect(suite.e2e.subscriptionsFor(workflow.url)).toHaveLength(0);
		expect(v1).toHaveLength(1);
		expect(v1[0]).toMatchObject({ events: ['accounts.connected'], secret: after.secret });
		expect((await suite.sim.fireAccountEvent('accounts.connected', account.id)).map((r) => r.status)).toEqual([200]);
		await suite.e2e.expectExecutions(workflow.id, 2);
	});

	test('scenario 6: after an n8n restart the active trigger keeps its one subscription (at most one list call, no create) and still verifies deliveries', async () => {
		const scenario = 'scenario 6';
		const workflow = await suite.e2e.createTriggerWorkflow('E2E scenario 6', { events: ['accounts.added', 'accounts.failed'] });
		await suite.e2e.activateOk(workflow);
		const before = suite.e2e.onlySubscription(workflow.url);
		expect(suite.sim.webhooks('v2')).toHaveLength(1);

		suite.sim.clearCalls();
		const t0 = Date.now();
		const mark = n8n.logMark();
		await n8n.restart();
		// n8n answers readiness before ActiveWorkflowManager.init() has run the triggers' checkExists;
		// it prints the editor URL right after init (commands/start.js)
		await n8n.waitForLog('Editor is now accessible', 60_000, mark);
		await n8n.waitWebhookRegistered(workflow.url, true);
		await suite.sim.idle();
		const calls = suite.sim.calls.map((c) => `${c.method} ${c.path}${Object.keys(c.query).length ? `?${new URLSearchParams(c.query)}` : ''} ${c.status}`);
		suite.e2e.say(scenario, `restarted in ${Date.now() - t0} ms; Argyle saw: ${calls.join(', ') || 'nothing'}`);
		expect(n8n.version).toBe(N8N_VERSION);
		expect((await n8n.getWorkflow(workflow.id)).active).toBe(true);
		expect(suite.sim.webhooks('v2')).toEqual([before]);
		expect(suite.e2e.calls('GET').length).toBeLessThanOrEqual(1);
		expect(suite.e2e.calls('POST')).toHaveLength(0);
		expect(suite.e2e.calls('DELETE')).toHaveLength(0);

		const account = suite.sim.addAccount();
		const delivered = await suite.sim.fireAccountEvent('accounts.failed', account.id, { error_code: 'expired_credentials' });
		expect(delivered.map((r) => r.status)).toEqual([200]);
		const [execution] = await suite.e2e.expectExecutions(workflow.id, 1);
		expect(triggerItem(execution)).toMatchObject({ event: 'accounts.failed', account: account.id, error_code: 'expired_credentials' });

		const body = envelope('accounts.added', before.name, { account: account.id, user: account.user });
		const forged = await post(workflow.url, body, randomBytes(64).toString('hex'));
		suite.e2e.say(scenario, `after restart: genuine delivery ran, forged one -> ${forged.status}`);
		expect(forged.status).toBe(401);
		expect(await suite.e2e.settledCounts([workflow.id])).toEqual([1]);
	});

	test('scenario 7: deactivation deletes the subscription, tolerates one deleted behind its back, and the next activation folds planted duplicates into one', async () => {
		const scenario = 'scenario 7';
		const events = ['accounts.connected', 'accounts.failed'];
		const workflow = await suite.e2e.createTriggerWorkflow('E2E scenario 7', { events });
		await suite.e2e.activateOk(workflow);
		const first = suite.e2e.onlySubscription(workflow.url);

		// plain deactivation
		let result = await n8n.deactivate(workflow.id);
		suite.e2e.say(scenario, `deactivate -> ${result.status}; DELETE calls ${suite.e2e.calls('DELETE').map((c) => `${c.path} ${c.status}`).join(', ')}`);
		expect(result.status).toBe(200);
		expect(suite.e2e.subscriptionsFor(workflow.url)).toHaveLength(0);
		expect(suite.e2e.calls('DELETE').some((c) => c.path === `/v2/webhooks/${first.id}` && c.status === 204)).toBe(true);
		expect(await n8n.isWebhookRegistered(workflow.url)).toBe(false);

		// the subscription was deleted at Argyle first: deactivation still succeeds quietly
		await suite.e2e.activateOk(workflow);
		const second = suite.e2e.onlySubscription(workflow.url);
		expect(suite.sim.removeWebhook(second.id)).toBe(true);
		const mark = n8n.logMark();
		suite.sim.clearCalls();
		result = await n8n.deactivate(workflow.id);
		suite.e2e.say(scenario, `deactivate after removal at Argyle -> ${result.status} ${result.message ?? ''}; DELETE ${suite.e2e.calls('DELETE').map((c) => `${c.path} ${c.status}`).join(', ')}`);
		expect(result.status).toBe(200);
		expect(result.message).toBeUndefined();
		expect((await n8n.getWorkflow(workflow.id)).active).toBe(false);
		expect(suite.e2e.calls('DELETE').map((c) => c.status)).toEqual([404]);
		expect(n8n.logs(mark)).not.toMatch(/could not delete the webhook subscription/i);

		// Argyle fails every DELETE: deactivation still succeeds (after brief retries) and only logs a warning
		await suite.e2e.activateOk(workflow);
		const survivor = suite.e2e.onlySubscription(workflow.url);
		suite.sim.injectFault({ method: 'DELETE', path: '/v2/webhooks/', status: 500, times: Infinity });
		const failMark = n8n.logMark();
		suite.sim.clearCalls();
		const t0 = Date.now();
		result = await n8n.deactivate(workflow.id);
		suite.e2e.say(scenario, `deactivate while Argyle answers 500 -> ${result.status} in ${Date.now() - t0} ms; DELETE ${suite.e2e.calls('DELETE').map((c) => c.status).join(',')}`);
		expect(result.status).toBe(200);
		expect((await n8n.getWorkflow(workflow.id)).active).toBe(false);
		expect(suite.e2e.calls('DELETE').length).toBeGreaterThanOrEqual(1);
		expect(Date.now() - t0).toBeLessThan(15_000);
		await n8n.waitForLog(/could not delete the webhook subscription/i, 5_000, failMark);
		suite.sim.clearFaults();
		// the next activation adopts the leftover instead of creating a second one
		suite.sim.clearCalls();
		await suite.e2e.activateOk(workflow);
		expect(suite.e2e.onlySubscription(workflow.url).id).toBe(survivor.id);
		expect(suite.e2e.calls('POST')).toHaveLength(0);
		expect((await n8n.deactivate(workflow.id)).status).toBe(200);
		expect(suite.e2e.subscriptionsFor(workflow.url)).toHaveLength(0);

		// duplicates with our URL (same events/name/secret/config) and a stale one, plus a foreign subscription
		const same = { url: workflow.url, events: second.events, name: second.name, secret: second.secret, config: second.config };
		const dupA = suite.sim.plantWebhook(same);
		const dupB = suite.sim.plantWebhook(same);
		const stale = suite.sim.plantWebhook({ ...same, events: ['accounts.added'] });
		const foreign = suite.sim.plantWebhook({ url: `${n8n.baseUrl}/webhook/someone-else/webhook`, events, secret: 'f'.repeat(64), name: 'someone else' });
		suite.sim.clearCalls();
		await suite.e2e.activateOk(workflow);
		const kept = suite.e2e.onlySubscription(workflow.url);
		suite.e2e.say(scenario, `planted ${dupA.id}, ${dupB.id} (duplicates), ${stale.id} (stale); kept ${kept.id}; calls ${suite.sim.calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(', ')}`);
		expect([dupA.id, dupB.id]).toContain(kept.id);
		expect(kept.events).toEqual([...events].sort());
		expect(suite.e2e.calls('POST')).toHaveLength(0); // a planted duplicate was adopted
		expect(suite.sim.webhooks('v2').map((s) => s.id).sort()).toEqual([kept.id, foreign.id].sort());

		const account = suite.sim.addAccount();
		const delivered = await suite.sim.fireAccountEvent('accounts.connected', account.id);
		expect(delivered.filter((r) => r.url === workflow.url).map((r) => r.status)).toEqual([200]);
		await suite.e2e.expectExecutions(workflow.id, 1);

		// a duplicate appears while active (e.g. a crash elsewhere): the next Save + publish folds it again
		const dupC = suite.sim.plantWebhook({ ...same, secret: kept.secret });
		expect(suite.e2e.subscriptionsFor(workflow.url)).toHaveLength(2);
		await suite.e2e.saveAndPublish(workflow, { events });
		const keptAgain = suite.e2e.onlySubscription(workflow.url);
		suite.e2e.say(scenario, `planted ${dupC.id} while active; after publish kept ${keptAgain.id}`);
		expect(keptAgain).toMatchObject({ events: [...events].sort(), secret: kept.secret, name: kept.name });
		await suite.sim.fireAccountEvent('accounts.failed', account.id);
		const runs = await suite.e2e.expectExecutions(workflow.id, 2);
		expect(triggerItem(runs[0])).toMatchObject({ event: 'accounts.failed', account: account.id });
		expect(await suite.e2e.settledCounts([workflow.id])).toEqual([2]);
	});

	test("scenario 8: 'Listen for test event' adds a test subscription next to the production one, runs a manual execution from a signed delivery, then removes it", async () => {
		const scenario = 'scenario 8';
		const workflow = await suite.e2e.createTriggerWorkflow('E2E scenario 8', { events: ['accounts.connected'], options: { includeResource: true } });
		await suite.e2e.activateOk(workflow);
		const production = suite.e2e.onlySubscription(workflow.url);

		const listen = await n8n.listenForTestEvent(workflow.id, 'Argyle Trigger');
		suite.e2e.say(scenario, `listen -> ${listen.status} waitingForWebhook ${listen.waitingForWebhook}`);
		expect(listen).toMatchObject({ status: 200, waitingForWebhook: true });
		const testSub = await waitUntil(() => suite.e2e.subscriptionsFor(workflow.testUrl)[0], 'the test subscription');
		suite.e2e.say(scenario, `test subscription ${testSub.id} ${testSub.url}`);
		expect(suite.e2e.subscriptionsFor(workflow.testUrl)).toHaveLength(1);
		expect(testSub.url).toBe(`${n8n.baseUrl}/webhook-test/${workflow.webhookId}/webhook`);
		expect(testSub.events).toEqual(['accounts.connected']);
		expect(testSub.config).toEqual({ include_resource: true });
		expect(testSub.secret).toMatch(HEX64);
		expect(testSub.secret).toBe(expectedSecret(workflow, workflow.testUrl));
		expect(testSub.secret).not.toBe(production.secret);
		expect(suite.e2e.onlySubscription(workflow.url)).toEqual(production); // production untouched
		expect(suite.sim.webhooks('v2')).toHaveLength(2);

		// a forged request to the test URL is refused and does not end the listening
		const account = suite.sim.addAccount();
		const forgedBody = envelope('accounts.connected', testSub.name, { account: account.id, user: account.user });
		const forged = await post(workflow.testUrl, forgedBody, suite.sim.sign(forgedBody, production.secret!));
		suite.e2e.say(scenario, `forged (production secret) to the test URL -> ${forged.status}`);
		expect(forged.status).toBe(401);
		expect(await n8n.isWebhookRegistered(workflow.testUrl)).toBe(true);
		expect(suite.e2e.subscriptionsFor(workflow.testUrl)).toHaveLength(1);

		const delivered = await suite.sim.fireAccountEvent('accounts.connected', account.id, {}, { only: testSub.id });
		suite.e2e.say(scenario, `delivery to the test subscription -> ${delivered.map((r) => `${r.status} ${r.responseBody}`).join(', ')}`);
		expect(delivered.map((r) => [r.url, r.status])).toEqual([[workflow.testUrl, 200]]);
		const [execution] = await suite.e2e.expectExecutions(workflow.id, 1);
		expect(execution.mode).toBe('manual');
		expect(execution.status).toBe('success');
		expect(triggerItem(execution)).toMatchObject({
			event: 'accounts.connected',
			name: 'n8n: E2E scenario 8',
			account: account.id,
			user: account.user,
			resource: { id: account.id, connection: { status: 'connected' } },
		});

		await waitUntil(() => suite.e2e.subscriptionsFor(workflow.testUrl).length === 0, 'the test subscription to be deleted', 15_000, () => JSON.stringify(suite.sim.webhooks()));
		suite.e2e.say(scenario, 'test subscription removed; production subscription still there');
		expect(suite.e2e.onlySubscription(workflow.url)).toEqual(production);
		expect(await n8n.isWebhookRegistered(workflow.testUrl)).toBe(false);

		// production keeps working
		const live = await suite.sim.fireAccountEvent('accounts.connected', account.id);
		expect(live.map((r) => [r.url, r.status])).toEqual([[workflow.url, 200]]);
		const runs = await suite.e2e.expectExecutions(workflow.id, 2);
		expect(runs.map((r) => r.mode).sort()).toEqual(['manual', 'webhook']);
	});

	test("scenario 8b: 'Listen for test event' on an inactive workflow, stopped without a delivery, leaves no subscription", async () => {
		const scenario = 'scenario 8b';
		const workflow = await suite.e2e.createTriggerWorkflow('E2E scenario 8b', { events: ['accounts.added'] });
		const listen = await n8n.listenForTestEvent(workflow.id, 'Argyle Trigger');
		expect(listen).toMatchObject({ status: 200, waitingForWebhook: true });
		const testSub = await waitUntil(() => suite.e2e.subscriptionsFor(workflow.testUrl)[0], 'the test subscription');
		expect(suite.sim.webhooks('v2')).toEqual([testSub]);
		const stopped = await n8n.stopListening(workflow.id);
		suite.e2e.say(scenario, `stop listening -> ${stopped.status}`);
		expect(stopped.ok).toBe(true);
		await waitUntil(() => suite.sim.webhooks('v2').length === 0, 'the test subscription to be deleted after Stop listening', 15_000, () => JSON.stringify(suite.sim.webhooks()));
		expect(await suite.e2e.settledCounts([workflow.id], 200)).toEqual([0]);
	});

	test('scenario 9a: activation with a wrong API key fails with our 401 message, leaves no subscription, and the workflow stays inactive', async () => {
		const scenario = 'scenario 9a';
		const badCredential = await n8n.createCredential(CREDENTIAL_TYPE, 'Argyle simulator, wrong secret', credentialData({ apiKeySecret: 'not-the-secret' }));
		const workflow = await suite.e2e.createTriggerWorkflow('E2E scenario 9a', { events: ['accounts.added'] }, badCredential);
		const result = await n8n.activate(workflow.id);
		suite.e2e.say(scenario, `activate -> ${result.status} ${result.message}`);
		expect(result.status).toBe(400);
		// n8n 2.x answers our error's message (its description beside it); 1.x only its description
		if (n8n.line.activationApiErrorText === 'message') expect(result.message).toContain('Argyle rejected the API key (401)');
		else expect(result.message).toMatch(/^Check the API key ID and secret in the Argyle API credential.*Argyle said: "Invalid username\/password\."/);
		expect(suite.sim.webhooks()).toHaveLength(0);
		expect(suite.sim.calls.length).toBeGreaterThan(0);
		expect(suite.sim.calls.every((c) => !c.authorized && c.status === 401)).toBe(true);
		expect((await n8n.getWorkflow(workflow.id)).active).toBe(false);
		expect(await n8n.isWebhookRegistered(workflow.url)).toBe(false);
	});

	test('scenario 9b: activation while Argyle answers 500 fails after 5 attempts with our message, leaves no subscription, and the workflow stays inactive', async () => {
		const scenario = 'scenario 9b';
		const workflow = await suite.e2e.createTriggerWorkflow('E2E scenario 9b', { events: ['accounts.added'] });
		suite.sim.injectFault({ method: 'POST', path: '/v2/webhooks', status: 500, times: Infinity });
		const t0 = Date.now();
		const result = await n8n.activate(workflow.id);
		const ms = Date.now() - t0;
		suite.e2e.say(scenario, `activate -> ${result.status} after ${ms} ms: ${result.message}`);
		expect(result.status).toBe(400);
		if (n8n.line.activationApiErrorText === 'message') expect(result.message).toContain('Argyle failed (HTTP 500) to create the webhook subscription after 5 attempts');
		else expect(result.message).toBe('Argyle\'s API is having trouble; try again later. Argyle said: "Simulated failure.".');
		expect(suite.e2e.calls('POST')).toHaveLength(5);
		expect(ms).toBeGreaterThanOrEqual(14_000); // 1 + 2 + 4 + 8 s of backoff
		expect(suite.sim.webhooks()).toHaveLength(0);
		expect((await n8n.getWorkflow(workflow.id)).active).toBe(false);
		expect(await n8n.isWebhookRegistered(workflow.url)).toBe(false);

		// once Argyle recovers the same workflow activates normally
		suite.sim.clearFaults();
		await suite.e2e.activateOk(workflow);
		expect(suite.e2e.onlySubscription(workflow.url).events).toEqual(['accounts.added']);
	});

	describe('scenario 10: API key rotation (the credential gets a new key while the trigger is active)', () => {
		const rotatedKey = { apiKeyId: 'sim_key_rotated', apiKeySecret: randomBytes(16).toString('hex') };

		async function activeWorkflowWithOwnCredential(name: string) {
			const credential = await n8n.createCredential(CREDENTIAL_TYPE, `Argyle simulator (${name})`, credentialData());
			const workflow = await suite.e2e.createTriggerWorkflow(name, { events: ['accounts.added'] }, credential);
			await suite.e2e.activateOk(workflow);
			const before = suite.e2e.onlySubscription(workflow.url);
			const account = suite.sim.addAccount();
			expect((await suite.sim.fireAccountEvent('accounts.added', account.id)).map((r) => r.status)).toEqual([200]);
			await suite.e2e.expectExecutions(workflow.id, 1);
			// Argyle Console: a new key is created (the old one keeps working until it is revoked) ...
			suite.sim.addApiKey(rotatedKey.apiKeyId, rotatedKey.apiKeySecret);
			// ... and the user puts it into the n8n credential and saves it
			await suite.e2e.updateCredential(credential, credentialData(rotatedKey));
			return { workflow, before, account };
		}

		// Fails with n8n-nodes-argyle 0.1.0: webhook() derives the signing secret from the credential's
		// CURRENT apiKeySecret, while Argyle keeps signing with the secret registered at activation, and
		// n8n does not re-run checkExists/create when a credential is saved. Every genuine delivery gets
		// 401 until the workflow is published again (10b) or n8n restarts.
		test("scenario 10a: Argyle's genuine deliveries still run after the credential's key was rotated", async () => {
			const scenario = 'scenario 10a';
			const { workflow, before, account } = await activeWorkflowWithOwnCredential('E2E scenario 10a');
			// nothing changed at Argyle: the subscription and its secret are the same
			expect(suite.e2e.onlySubscription(workflow.url)).toMatchObject({ id: before.id, secret: before.secret });
			const delivered = await suite.sim.fireAccountEvent('accounts.added', account.id);
			suite.e2e.say(scenario, `delivery after the key rotation -> ${delivered.map((r) => `${r.status} ${r.responseBody}`).join(', ')}`);
			expect(delivered.map((r) => ({ status: r.status, body: r.responseBody }))).toEqual([{ status: 200, body: '' }]);
			await suite.e2e.expectExecutions(workflow.id, 2);
		});

		test('scenario 10b: publishing again after a key rotation moves the subscription to the new derived secret', async () => {
			const scenario = 'scenario 10b';
			const { workflow, before, account } = await activeWorkflowWithOwnCredential('E2E scenario 10b');
			suite.sim.clearCalls();
			await suite.e2e.saveAndPublish(workflow, { events: ['accounts.added'] });
			const after = suite.e2e.onlySubscription(workflow.url);
			suite.e2e.say(scenario, `re-published: ${before.id} -> ${after.id}; calls ${suite.sim.calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(', ')}`);
			expect(suite.sim.calls.every((c) => c.authorized)).toBe(true);
			expect(after.secret).toBe(deriveWebhookSecret(rotatedKey.apiKeySecret, workflow.id, workflow.nodeId, workflow.url));
			expect(after.secret).not.toBe(before.secret);
			expect(suite.sim.webhooks('v2').map((s) => s.id)).toEqual([after.id]);
			expect((await suite.sim.fireAccountEvent('accounts.added', account.id)).map((r) => r.status)).toEqual([200]);
			await suite.e2e.expectExecutions(workflow.id, 2);
		});
	});

	test('paging: with 2 subscriptions per page and 5 foreign ones, activation walks every page (cursor), creates ours once, and finds it on the last page later', async () => {
		const scenario = 'paging';
		suite.sim.setPageSize(2);
		const foreign: WebhookSubscription[] = [];
		for (let i = 0; i < 5; i++) {
			foreign.push(suite.sim.plantWebhook({ url: `https://elsewhere.example.com/hooks/${i}`, events: ['accounts.added'], name: `foreign ${i}`, secret: randomBytes(32).toString('hex') }));
		}
		const workflow = await suite.e2e.createTriggerWorkflow('E2E paging', { events: ['accounts.added', 'accounts.removed'] });
		await suite.e2e.activateOk(workflow);
		const lists = suite.e2e.calls('GET');
		suite.e2e.say(scenario, `list calls: ${lists.map((c) => JSON.stringify(c.query)).join(' ')}`);
		expect(lists.length).toBeGreaterThanOrEqual(3);
		expect(lists[0].query.cursor).toBeUndefined();
		expect(lists.slice(1).every((c) => typeof c.query.cursor === 'string' && c.query.cursor.length > 0)).toBe(true);
		expect(new Set(lists.slice(1).map((c) => c.query.cursor)).size).toBe(lists.length - 1);
		expect(suite.e2e.calls('POST')).toHaveLength(1);
		const ours = suite.e2e.onlySubscription(workflow.url);
		expect(suite.sim.webhooks('v2')).toHaveLength(6);

		// deactivate; then ours sits behind the foreign ones (page 4) with a stale twin on page 1
		expect((await n8n.deactivate(workflow.id)).status).toBe(200);
		expect(suite.sim.webhooks('v2').map((s) => s.id).sort()).toEqual(foreign.map((s) => s.id).sort());
		suite.sim.reset();
		suite.sim.setPageSize(2);
		const stale = suite.sim.plantWebhook({ url: workflow.url, events: ['accounts.removed'], name: ours.name, secret: ours.secret });
		for (let i = 0; i < 5; i++) suite.sim.plantWebhook({ url: `https://elsewhere.example.com/hooks/${i}`, events: ['accounts.added'], name: `foreign ${i}` });
		const planted = suite.sim.plantWebhook({ url: workflow.url, events: ours.events, name: ours.name, secret: ours.secret, config: ours.config });
		await suite.e2e.activateOk(workflow);
		const kept = suite.e2e.onlySubscription(workflow.url);
		suite.e2e.say(scenario, `second activation: ${suite.e2e.calls('GET').length} list calls, kept ${kept.id} (planted ${planted.id}), stale ${stale.id} removed`);
		expect(kept.id).toBe(planted.id);
		expect(suite.e2e.calls('POST')).toHaveLength(0);
		expect(suite.e2e.calls('GET').length).toBeGreaterThanOrEqual(4);
		expect(suite.e2e.calls('DELETE').map((c) => c.path)).toEqual([`/v2/webhooks/${stale.id}`]);
		expect(suite.sim.webhooks('v2')).toHaveLength(6);

		const account = suite.sim.addAccount();
		await suite.sim.fireAccountEvent('accounts.added', account.id);
		await suite.e2e.expectExecutions(workflow.id, 1);
		expect(await suite.e2e.settledCounts([workflow.id], 300)).toEqual([1]);
	});

	test('n8n is still up and logged no unhandled promise rejections during the scenarios', async () => {
		await sleep(200);
		expect(n8n.running).toBe(true);
		expect(n8n.logs()).not.toMatch(/unhandledRejection|UnhandledPromiseRejection/);
	});
});
