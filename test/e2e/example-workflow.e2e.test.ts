/**
 * Issue 4 end to end: the shipped example workflow (examples/delete-failed-accounts.json), imported
 * unchanged into a real n8n, deletes an account whose connection failed for good and leaves a
 * retryable failure alone. The simulator is the Argyle API and records the DELETE.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { N8nInstance } from './harness/n8n';
import { REPO_ROOT } from './harness/install';
import { ArgyleSimulator } from '../../simulator';
import { asImportedByTheEditor, simulatorCredentialData, triggerWorkflowJson, waitUntil } from './support/argyle-e2e';

const example = asImportedByTheEditor(
	JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', 'delete-failed-accounts.json'), 'utf8')) as {
		name: string;
		nodes: Array<{ name: string; type: string; webhookId?: string }>;
	},
);

const log = (n8n: N8nInstance, message: string) =>
	process.stdout.write(`[e2e n8n ${n8n.version}] example workflow: ${message}\n`);

describe('example workflow: delete accounts that failed for good', () => {
	let simulator: ArgyleSimulator;
	let n8n: N8nInstance;
	let workflowId: string;
	let removedWorkflowId: string;

	beforeAll(async () => {
		simulator = await ArgyleSimulator.start();
		n8n = new N8nInstance({ activation: 'sync' });
		await n8n.start();
		// The example refers to its credential by name ("Argyle API"), as an imported workflow would.
		const credential = await n8n.createCredential('argyleApi', 'Argyle API', simulatorCredentialData(simulator));
		const created = await n8n.createWorkflow(example as never);
		workflowId = created.id;
		const activation = await n8n.activate(workflowId);
		expect({ status: activation.status, message: activation.message }).toEqual({ status: 200, message: undefined });
		log(n8n, `imported as the editor does (unchanged but for a fresh webhookId) and activated as ${workflowId}`);
		// A second workflow listens for accounts.removed, which Argyle sends after a deletion.
		const removed = await n8n.createWorkflow(
			triggerWorkflowJson('Removed accounts', credential, { events: ['accounts.removed'] }),
		);
		removedWorkflowId = removed.id;
		expect((await n8n.activate(removedWorkflowId)).status).toBe(200);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await simulator?.stop();
	});

	test('registers exactly one accounts.failed subscription for the imported workflow', () => {
		const webhookId = example.nodes.find((node) => node.type === 'n8n-nodes-argyle.argyleTrigger')?.webhookId;
		const subscriptions = simulator.webhooks('v2').filter((s) => s.events.includes('accounts.failed'));
		expect(simulator.webhooks('v2')).toHaveLength(2);
		expect(subscriptions).toHaveLength(1);
		expect(subscriptions[0]).toMatchObject({
			events: ['accounts.failed'],
			url: n8n.webhookUrl(webhookId!, 'webhook'),
			name: `n8n: ${example.name}`,
		});
	});

	test('a failure no retry can fix deletes the account, and Argyle then reports it removed', async () => {
		const account = simulator.addAccount();
		const results = await simulator.fireAccountEvent('accounts.failed', account.id, {
			error_code: 'unsupported_auth_type',
		});
		expect(results.map((result) => result.status)).toEqual([200]);

		const deletion = await waitUntil(
			() => simulator.calls.find((call) => call.method === 'DELETE' && call.path === `/v2/accounts/${account.id}`),
			'the DELETE of the account',
			20_000,
		);
		expect(deletion.status).toBe(204);
		expect(deletion.authorized).toBe(true);
		expect(simulator.account(account.id)).toBeUndefined();
		await simulator.idle();
		const removals = await n8n.waitForExecutions(removedWorkflowId, 1, 30_000, { includeData: true });
		const removal = (removals[0].data?.resultData.runData as Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>>)['Argyle Trigger'][0].data.main[0][0].json;
		expect(removal).toMatchObject({ event: 'accounts.removed', account: account.id, user: account.user });
		const executions = await n8n.waitForExecutions(workflowId, 1, 30_000, { includeData: true });
		const run = executions[0].data?.resultData.runData as Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>>;
		expect(executions[0].status).toBe('success');
		expect(run['Delete failed account'][0].data.main[0][0].json).toEqual({ id: account.id, deleted: true });
		log(n8n, `unsupported_auth_type → DELETE /v2/accounts/${account.id} → 204`);
	});

	test('a retryable failure goes to the notification branch and deletes nothing', async () => {
		const before = (await n8n.executions(workflowId)).length;
		const account = simulator.addAccount();
		await simulator.fireAccountEvent('accounts.failed', account.id, { error_code: 'invalid_mfa' });
		const executions = await n8n.waitForExecutions(workflowId, before + 1, 30_000, { includeData: true });
		const latest = executions.find((execution) => {
			const runData = execution.data?.resultData.runData as Record<string, unknown> | undefined;
			return runData && 'Notify someone (replace me)' in runData;
		});
		expect(latest).toBeDefined();
		const runData = latest!.data!.resultData.runData as Record<string, unknown>;
		expect(runData['Delete failed account']).toBeUndefined();
		expect(simulator.calls.filter((call) => call.method === 'DELETE' && call.path.startsWith('/v2/accounts/'))).toHaveLength(1);
		expect(simulator.account(account.id)).toBeDefined();
		log(n8n, 'invalid_mfa → Retryable branch, no DELETE');
	});

	test('a repeated delivery for an account already deleted still succeeds', async () => {
		const account = simulator.addAccount();
		await simulator.fireAccountEvent('accounts.failed', account.id, { error_code: 'platform_unavailable' });
		await waitUntil(
			() => simulator.calls.find((call) => call.method === 'DELETE' && call.path === `/v2/accounts/${account.id}`),
			'the first DELETE',
			20_000,
		);
		const before = (await n8n.executions(workflowId)).length;
		// Argyle may deliver the same event twice; the account is gone by then.
		await simulator.deliver('accounts.failed', {
			account: account.id,
			user: account.user,
			error_code: 'platform_unavailable',
			error_message: 'The platform is unavailable.',
		});
		const executions = await n8n.waitForExecutions(workflowId, before + 1, 30_000, { includeData: true });
		const newest = executions.sort((a, b) => Number(b.id) - Number(a.id))[0];
		expect(newest.status).toBe('success');
		const runData = newest.data!.resultData.runData as Record<string, Array<{ data: { main: Array<Array<{ json: unknown }>> } }>>;
		expect(runData['Delete failed account'][0].data.main[0][0].json).toEqual({
			id: account.id,
			deleted: false,
			alreadyDeleted: true,
		});
	});
});
