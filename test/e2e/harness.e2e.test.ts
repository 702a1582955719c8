/**
 * Smoke test of the e2e harness itself, independent of our nodes: a real n8n 2.41.1 runs a workflow
 * with n8n's built-in Webhook node (v2) -> No Operation, then restarts on the same database.
 * Run: npx jest --selectProjects e2e test/e2e/harness.e2e.test.ts
 */
import { randomUUID } from 'node:crypto';

import { N8N_VERSION } from './harness/install';
import { N8nInstance, type WorkflowInput } from './harness/n8n';

jest.setTimeout(300_000);

describe('e2e harness: a real n8n', () => {
	const n8n = new N8nInstance({ activation: 'sync' });
	const path = `harness-smoke-${randomUUID().slice(0, 8)}`;
	let workflowId = '';

	afterAll(async () => {
		await n8n.dispose();
	});

	it(`boots n8n ${N8N_VERSION} on Node 24 and logs in`, async () => {
		const t0 = Date.now();
		await n8n.start();
		const bootMs = Date.now() - t0;
		console.log(`n8n version ${n8n.version} at ${n8n.baseUrl}, boot ${bootMs} ms, rss ${Math.round((n8n.rss() ?? 0) / 2 ** 20)} MiB, node ${n8n.install?.nodeBin}`);
		expect(n8n.version).toBe(N8N_VERSION);
		expect(n8n.running).toBe(true);
		expect(n8n.rss()).toBeGreaterThan(100 * 2 ** 20);
		const types = await n8n.nodeTypes();
		expect(types.some((t) => t.name === 'n8n-nodes-base.webhook')).toBe(true);
		expect(n8n.logs()).toContain('Editor is now accessible');
	});

	it('runs a built-in Webhook -> No Operation workflow once, read back through the public API', async () => {
		const workflow: WorkflowInput = {
			name: 'harness smoke: built-in webhook',
			nodes: [
				{
					id: randomUUID(),
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: randomUUID(),
					parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
				},
				{ id: randomUUID(), name: 'No Operation', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			],
			connections: { Webhook: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		};
		const created = await n8n.createWorkflow(workflow);
		workflowId = created.id;
		expect(created.active).toBe(false);

		const activation = await n8n.activate(workflowId);
		expect(activation.status).toBe(200);
		expect((activation.body as { data: { active: boolean } }).data.active).toBe(true);
		await n8n.waitWebhookRegistered(n8n.webhookUrl(path), true);

		const response = await n8n.sendWebhook(n8n.webhookUrl(path), { body: { hello: 'argyle', n: 1 } });
		expect(response.status).toBe(200);
		expect(response.body).toEqual({ message: 'Workflow was started' });

		const executions = await n8n.waitForExecutions(workflowId, 1, 30_000, { includeData: true });
		expect(executions).toHaveLength(1);
		const [execution] = executions;
		expect(execution.status).toBe('success');
		expect(execution.mode).toBe('webhook');
		const out = execution.data?.resultData.runData['No Operation']?.[0]?.data?.main?.[0]?.[0]?.json;
		expect(out).toMatchObject({ body: { hello: 'argyle', n: 1 } });

		const deactivation = await n8n.deactivate(workflowId);
		expect(deactivation.status).toBe(200);
		expect(await n8n.isWebhookRegistered(n8n.webhookUrl(path))).toBe(false);
		expect((await n8n.sendWebhook(n8n.webhookUrl(path), { body: {} })).status).toBe(404);
	});

	it("saves like the editor and runs the built-in Webhook once through 'Listen for test event'", async () => {
		const before = await n8n.getWorkflow(workflowId);
		const saved = await n8n.updateWorkflow(workflowId, { name: 'harness smoke: renamed', nodes: before.nodes, connections: before.connections });
		expect(saved.name).toBe('harness smoke: renamed');

		const testUrl = n8n.testWebhookUrl(path);
		expect(await n8n.isWebhookRegistered(testUrl)).toBe(false);
		const listen = await n8n.listenForTestEvent(workflowId, 'Webhook');
		expect(listen).toMatchObject({ status: 200, waitingForWebhook: true });
		expect(await n8n.isWebhookRegistered(testUrl)).toBe(true);

		const response = await n8n.sendWebhook(testUrl, { body: { test: true } });
		expect(response.status).toBe(200);
		const executions = await n8n.waitForExecutions(workflowId, 2, 30_000);
		expect(executions.map((e) => `${e.mode}:${e.status}`).sort()).toEqual(['manual:success', 'webhook:success']);
		await n8n.waitWebhookRegistered(testUrl, false); // n8n removes a test webhook after one call
		expect((await n8n.sendWebhook(testUrl, { body: {} })).status).toBe(404);
	});

	it('restarts on the same user folder, logs in again and still has the data', async () => {
		const pidBefore = n8n.pid;
		const t0 = Date.now();
		await n8n.restart();
		console.log(`n8n restarted in ${Date.now() - t0} ms (pid ${pidBefore} -> ${n8n.pid})`);
		expect(n8n.pid).not.toBe(pidBefore);
		expect(n8n.version).toBe(N8N_VERSION);
		const workflow = await n8n.getWorkflow(workflowId); // cookie from the new login
		expect(workflow.active).toBe(false);
		expect(await n8n.executions(workflowId)).toHaveLength(2); // API key survived in the DB
		await n8n.stop();
		expect(n8n.running).toBe(false);
		expect(n8n.logs()).toMatch(/exited: code/);
	});
});
