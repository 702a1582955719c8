/**
 * Workflows saved with 0.1.0 (test/fixtures/saved-0.1.0-workflows.json: trigger typeVersion 2, account
 * events with every option set, and a legacy V1 trigger) open and run unchanged in a real n8n: the
 * same subscription as 0.1.0 registered, the same filters applied, the same items emitted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT, N8N_VERSION } from './harness/install';
import type { WorkflowInput } from './harness/n8n';
import { CREDENTIAL_TYPE, triggerItem, TRIGGER_NAME, useArgyleE2e } from './support/argyle-e2e';

const saved = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'saved-0.1.0-workflows.json'), 'utf8')) as WorkflowInput[];

describe(`workflows saved with 0.1.0 in a real n8n ${N8N_VERSION}`, () => {
	const suite = useArgyleE2e({ activation: 'sync', label: 'saved 0.1.0' });
	const { n8n } = suite;

	/** Imports a saved workflow as it is, with the suite's credential chosen in its Argyle nodes. */
	async function importSaved(index: number) {
		const json = structuredClone(saved[index]);
		for (const node of json.nodes) {
			if (node.credentials?.[CREDENTIAL_TYPE]) node.credentials = { [CREDENTIAL_TYPE]: suite.e2e.credential };
		}
		const workflow = await n8n.createWorkflow(json);
		const trigger = json.nodes.find((node) => node.name === TRIGGER_NAME)!;
		return { id: workflow.id, url: n8n.webhookUrl(trigger.webhookId!, 'webhook'), parameters: trigger.parameters };
	}

	test('the account-events workflow registers what 0.1.0 registered and filters as it did', async () => {
		const scenario = 'saved v2';
		const workflow = await importSaved(0);
		expect((await n8n.activate(workflow.id)).status).toBe(200);
		const subscription = suite.e2e.onlySubscription(workflow.url);
		expect(subscription).toMatchObject({
			name: 'Payroll alerts (saved with 0.1.0)',
			events: ['accounts.connected', 'accounts.failed', 'accounts.updated'],
			config: { include_resource: true },
		});
		// n8n kept every saved parameter, Account Disconnected Only included
		const stored = (await n8n.getWorkflow(workflow.id)).nodes.find((node) => node.name === TRIGGER_NAME)!;
		expect(stored.parameters).toEqual(workflow.parameters);

		const account = suite.sim.addAccount();
		const answers: string[] = [];
		const fire = async (event: string, error_code?: string) => {
			const [result] = await suite.sim.fireAccountEvent(event, account.id, error_code ? { error_code } : {});
			answers.push(`${event}${error_code ? `/${error_code}` : ''} -> ${result.status} ${result.responseBody}`);
			return result;
		};
		// (the simulator keeps the account's state: a failure leaves it in error until it connects again)
		expect((await fire('accounts.updated')).responseBody).toContain('Ignored: the account is not disconnected');
		expect((await fire('accounts.failed', 'invalid_credentials')).responseBody).toContain('Ignored: error code invalid_credentials is not selected');
		await fire('accounts.failed', 'invalid_mfa');
		await fire('accounts.updated', 'auth_required');
		await fire('accounts.connected');
		suite.e2e.say(scenario, answers.join('; '));

		const items = (await suite.e2e.expectExecutions(workflow.id, 3)).map((execution) => triggerItem(execution)!).reverse();
		expect(items.map((item) => item.event)).toEqual(['accounts.failed', 'accounts.updated', 'accounts.connected']);
		expect(items[0]).toMatchObject({ error_code: 'invalid_mfa', resource: { id: account.id } });
		expect(items[1]).toMatchObject({ resource: { connection: { status: 'error', error_code: 'auth_required' } } });
		expect(items[2]).toMatchObject({ account: account.id, user: account.user, resource: { connection: { status: 'connected' } } });
	});

	test('the legacy V1 workflow subscribes at /v1/webhooks and runs its pay distribution event', async () => {
		const workflow = await importSaved(1);
		expect((await n8n.activate(workflow.id)).status).toBe(200);
		expect(suite.sim.webhooks('v2')).toHaveLength(0);
		const [subscription] = suite.sim.webhooks('v1').filter((candidate) => candidate.url === workflow.url);
		expect(subscription).toMatchObject({ events: ['accounts.added', 'accounts.pay_distribution_failed'], config: {} });
		const account = suite.sim.addAccount();
		await suite.sim.deliver('accounts.pay_distribution_failed', { account: account.id, user: account.user });
		const [execution] = await suite.e2e.expectExecutions(workflow.id, 1);
		expect(triggerItem(execution)).toEqual({
			event: 'accounts.pay_distribution_failed',
			name: subscription.name,
			account: account.id,
			user: account.user,
		});
		expect((await n8n.deactivate(workflow.id)).status).toBe(200);
		expect(suite.sim.webhooks('v1')).toHaveLength(0);
	});
});
