/**
 * The Argyle Trigger in a real n8n 2.41.1 in its DEFAULT activation mode (the workflow publication
 * outbox: activate answers at once, triggers are published in the background, failures show up in
 * publication-status only). Smoke level: the detailed behaviour is in trigger.e2e.test.ts (sync mode).
 *
 * Run: npm run build && npx jest --selectProjects e2e -- test/e2e/outbox-smoke.e2e.test.ts
 */
import { N8N_VERSION } from './harness/install';
import { BAD_SIGNATURE_MESSAGE, CREDENTIAL_TYPE, useArgyleE2e, SIGNATURE_HEADER, triggerItem, waitUntil } from './support/argyle-e2e';

describe(`Argyle Trigger in a real n8n ${N8N_VERSION} (default outbox activation)`, () => {
	const suite = useArgyleE2e({ activation: 'outbox', label: 'outbox' });
	const { n8n, credentialData } = suite;

	test('outbox: activate -> published -> exactly one subscription -> a signed delivery runs, a forged one gets 401 -> deactivate removes the subscription', async () => {
		const scenario = 'outbox smoke';
		const workflow = await suite.e2e.createTriggerWorkflow('E2E outbox smoke', { events: ['accounts.failed', 'accounts.added'] });
		const activation = await n8n.activate(workflow.id);
		expect(activation.status).toBe(200);
		const publication = await n8n.waitPublished(workflow.id);
		suite.e2e.say(scenario, `publication ${JSON.stringify(publication)}`);
		expect(publication.status).toBe('published');

		const subscription = suite.e2e.onlySubscription(workflow.url);
		expect(suite.sim.webhooks()).toHaveLength(1);
		expect(subscription).toMatchObject({ events: ['accounts.added', 'accounts.failed'], name: 'n8n: E2E outbox smoke' });
		expect(subscription.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(suite.e2e.calls('POST')).toHaveLength(1);

		const account = suite.sim.addAccount();
		const delivered = await suite.sim.fireAccountEvent('accounts.failed', account.id, { error_code: 'invalid_mfa' });
		suite.e2e.say(scenario, `signed delivery -> ${delivered.map((r) => r.status).join(',')}`);
		expect(delivered.map((r) => r.status)).toEqual([200]);
		const [execution] = await suite.e2e.expectExecutions(workflow.id, 1);
		expect(execution.mode).toBe('webhook');
		expect(triggerItem(execution)).toMatchObject({ event: 'accounts.failed', account: account.id, user: account.user, error_code: 'invalid_mfa' });

		const forged = await n8n.sendWebhook(workflow.url, { body: JSON.parse(delivered[0].body), headers: { [SIGNATURE_HEADER]: '0'.repeat(128) } });
		expect(forged.status).toBe(401);
		expect(forged.body).toEqual({ message: BAD_SIGNATURE_MESSAGE });
		expect(await suite.e2e.settledCounts([workflow.id])).toEqual([1]);

		const deactivation = await n8n.deactivate(workflow.id);
		expect(deactivation.status).toBe(200);
		await waitUntil(() => suite.sim.webhooks().length === 0, 'the subscription to be deleted after deactivation', 20_000, () => JSON.stringify(suite.sim.webhooks()));
		suite.e2e.say(scenario, `deactivated: DELETE ${suite.e2e.calls('DELETE').map((c) => `${c.path} ${c.status}`).join(', ')}`);
		expect(suite.e2e.calls('DELETE').map((c) => c.path)).toEqual([`/v2/webhooks/${subscription.id}`]);
		await n8n.waitWebhookRegistered(workflow.url, false);
	});

	test('outbox: activation with a wrong API key ends in publication-status failed with our message, leaves no subscription, and deactivates cleanly', async () => {
		const scenario = 'outbox wrong key';
		const badCredential = await n8n.createCredential(CREDENTIAL_TYPE, 'Argyle simulator, wrong secret', credentialData({ apiKeySecret: 'not-the-secret' }));
		const workflow = await suite.e2e.createTriggerWorkflow('E2E outbox wrong key', { events: ['accounts.added'] }, badCredential);
		const activation = await n8n.activate(workflow.id);
		expect(activation.status).toBe(200); // the outbox answers before the trigger runs
		const t0 = Date.now();
		const publication = await n8n.waitPublished(workflow.id, 90_000);
		suite.e2e.say(scenario, `publication after ${Date.now() - t0} ms: ${JSON.stringify(publication)}`);
		expect(publication.status).toBe('failed');
		const trigger = publication.triggers?.find((t) => t.nodeId === workflow.nodeId);
		expect(trigger).toBeDefined();
		expect(trigger!.errorMessage).toContain('Argyle rejected the API key (401)');
		expect(suite.sim.webhooks()).toHaveLength(0);
		expect(suite.sim.calls.every((c) => !c.authorized && c.status === 401)).toBe(true);

		const deactivation = await n8n.deactivate(workflow.id);
		suite.e2e.say(scenario, `deactivate -> ${deactivation.status} ${deactivation.message ?? ''}`);
		expect(deactivation.status).toBe(200);
		expect((await n8n.getWorkflow(workflow.id)).active).toBe(false);
		expect(suite.sim.webhooks()).toHaveLength(0);
		expect(await n8n.isWebhookRegistered(workflow.url)).toBe(false);
	});
});
