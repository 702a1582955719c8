/**
 * The Argyle node in a real n8n against the simulator (issue 13): every resource and operation runs
 * in one workflow, each output conforms to its output schema, downloads carry the file as binary
 * data and the storage host never saw the credential; and the second example workflow
 * (examples/fully-synced-paystub-summary.json) runs unchanged from a users.fully_synced delivery.
 *
 * Run: npm run build && npx jest --selectProjects e2e -- test/e2e/argyle-node.e2e.test.ts
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { RESOURCES } from '../../nodes/Argyle/resources';
import { schemaViolations } from '../../scripts/schema/conformance';
import { operationSchema } from '../../scripts/schema/outputSchemas';
import { N8N_VERSION, REPO_ROOT } from './harness/install';
import type { WorkflowInput, WorkflowNode } from './harness/n8n';
import { asImportedByTheEditor, CREDENTIAL_TYPE, useArgyleE2e } from './support/argyle-e2e';
import { operationCases, type OperationCase } from './support/operation-cases';

const ARGYLE_NODE = 'n8n-nodes-argyle.argyle';

describe(`the Argyle node in a real n8n ${N8N_VERSION}`, () => {
	const suite = useArgyleE2e({ activation: 'sync', label: 'argyle node' });
	const { n8n } = suite;

	/** A workflow whose Webhook node hands the same item (the IDs to work on) to one Argyle node per case. */
	function workflowFor(cases: OperationCase[], webhookPath: string): WorkflowInput {
		const credentials = { [CREDENTIAL_TYPE]: suite.e2e.credential };
		const nodes: WorkflowNode[] = [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
			},
			...cases.map((operationCase, index): WorkflowNode => ({
				id: randomUUID(),
				name: operationCase.name,
				type: ARGYLE_NODE,
				typeVersion: 1,
				position: [300, index * 120],
				parameters: { resource: operationCase.resource, operation: operationCase.operation, ...operationCase.parameters },
				credentials,
			})),
		];
		const targets = cases.map((operationCase) => ({ node: operationCase.name, type: 'main', index: 0 }));
		return { name: 'E2E every Argyle operation', nodes, connections: { Webhook: { main: [targets] } }, settings: { executionOrder: 'v1' } };
	}

	test('every resource and operation runs against the simulator; each output conforms to its schema', async () => {
		const scenario = 'operations';
		const { cases, body } = await operationCases(suite.sim);
		const declared = RESOURCES.flatMap((resource) => Object.keys(resource.operations).map((operation) => `${resource.resource}/${operation}`));
		expect(cases.map((operationCase) => `${operationCase.resource}/${operationCase.operation}`).sort()).toEqual(declared.sort());

		const webhookPath = `argyle-operations-${randomUUID()}`;
		const workflow = await n8n.createWorkflow(workflowFor(cases, webhookPath));
		expect((await n8n.activate(workflow.id)).status).toBe(200);
		const answer = await n8n.sendWebhook(n8n.webhookUrl(webhookPath), { body });
		expect(answer.status).toBe(200);
		const [execution] = await n8n.waitForExecutions(workflow.id, 1, 120_000, { includeData: true });
		const runData = execution.data!.resultData.runData;
		expect([execution.status, execution.data?.resultData.error?.message]).toEqual(['success', undefined]);

		for (const operationCase of cases) {
			const run = runData[operationCase.name]?.[0];
			expect([operationCase.name, run?.error]).toEqual([operationCase.name, undefined]);
			const items = run!.data!.main![0]!;
			expect([operationCase.name, items.length > 0]).toEqual([operationCase.name, true]);
			const schema = operationSchema(operationCase.resource, operationCase.operation);
			for (const item of items) expect([operationCase.name, schemaViolations(item.json, schema)]).toEqual([operationCase.name, []]);
			operationCase.check?.(items);
		}
		await suite.sim.idle();
		expect(suite.sim.storageRequests.length).toBeGreaterThanOrEqual(3);
		expect(suite.sim.storageRequests.filter((request) => request.headers.authorization !== undefined)).toEqual([]);
		suite.e2e.say(scenario, `${cases.length} operations ran in one execution; ${suite.sim.storageRequests.length} file downloads reached storage without the credential`);
	});

	test('the paystub summary example runs unchanged when Argyle reports a user fully synced', async () => {
		const example = asImportedByTheEditor(
			JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', 'fully-synced-paystub-summary.json'), 'utf8')) as WorkflowInput,
		);
		for (const node of example.nodes) if (node.credentials?.[CREDENTIAL_TYPE]) node.credentials = { [CREDENTIAL_TYPE]: suite.e2e.credential };
		const workflow = await n8n.createWorkflow(example);
		expect((await n8n.activate(workflow.id)).status).toBe(200);

		const account = suite.sim.addAccount({ kind: 'employer' });
		const since = Date.now() - 90 * 86_400_000;
		const recent = suite.sim.objects('paystubs', { user: account.user }).filter((paystub) => Date.parse(String(paystub.paystub_date)) >= since);
		expect(recent.length).toBeGreaterThan(0);
		await suite.sim.fireEvent('users.fully_synced', { account: account.id });

		const [execution] = await n8n.waitForExecutions(workflow.id, 1, 60_000, { includeData: true });
		expect(execution.status).toBe('success');
		const summary = execution.data!.resultData.runData.Summary[0].data!.main![0]![0].json;
		const total = (field: string) => recent.reduce((sum, paystub) => sum + Number(paystub[field]), 0).toFixed(2);
		expect(summary).toEqual({
			user: account.user,
			employers: suite.sim.user(account.user)!.employers_connected.join(', '),
			paystubs: recent.length,
			newest_paystub_date: recent.map((paystub) => String(paystub.paystub_date)).sort().pop(),
			gross_pay_total: total('gross_pay'),
			net_pay_total: total('net_pay'),
		});
		suite.e2e.say('example 2', `users.fully_synced -> ${recent.length} paystubs -> ${JSON.stringify(summary)}`);
	});
});
