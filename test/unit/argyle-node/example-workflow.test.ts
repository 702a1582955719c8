/**
 * examples/delete-failed-accounts.json: the workflow the README points users at. Its node types
 * must exist in this package, its Switch must only send codes where a retry cannot help to the
 * delete, and its delete node must really delete the trigger item's account.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { Argyle } from '../../../nodes/Argyle/Argyle.node';
import { ArgyleTrigger } from '../../../nodes/ArgyleTrigger/ArgyleTrigger.node';
import { EVENTS } from '../../../nodes/shared/catalogue';
import { CONNECTION_ERROR_CODES } from '../../../nodes/shared/errorCodes';
import packageJson from '../../../package.json';
import { argyleApi, runArgyle, useNock } from './harness';

interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: IDataObject;
	webhookId?: string;
	credentials?: Record<string, { id: string | null; name: string }>;
}

interface Connection {
	node: string;
	type: string;
	index: number;
}

interface Workflow {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Connection[][] }>;
	settings: IDataObject;
}

interface SwitchCondition {
	leftValue: string;
	rightValue: string;
	operator: { type: string; operation: string };
}

const workflow = JSON.parse(
	readFileSync(join(__dirname, '../../../examples/delete-failed-accounts.json'), 'utf8'),
) as Workflow;

const nodeOfType = (type: string) => {
	const matches = workflow.nodes.filter((node) => node.type === type);
	expect(matches).toHaveLength(1);
	return matches[0];
};
const targets = (from: string, output: number) =>
	(workflow.connections[from]?.main[output] ?? []).map((connection) => connection.node);

const trigger = nodeOfType(`${packageJson.name}.${new ArgyleTrigger().description.name}`);
const router = nodeOfType('n8n-nodes-base.switch');
const deleter = nodeOfType(`${packageJson.name}.${new Argyle().description.name}`);
const notify = nodeOfType('n8n-nodes-base.noOp');
const rule = (router.parameters.rules as { values: IDataObject[] }).values;
const conditions = (rule[0].conditions as { conditions: SwitchCondition[]; combinator: string })
	.conditions;
const deleteCodes = conditions.map((condition) => condition.rightValue);

describe('example workflow: delete failed accounts', () => {
	it('is an importable workflow with only our nodes and n8n core nodes', () => {
		expect(Object.keys(workflow).sort()).toEqual(['connections', 'name', 'nodes', 'settings']);
		expect(workflow.settings).toEqual({ executionOrder: 'v1' });
		expect(workflow.nodes).toHaveLength(4);
		for (const node of workflow.nodes) {
			expect(node.type.startsWith(`${packageJson.name}.`) || node.type.startsWith('n8n-nodes-base.')).toBe(
				true,
			);
		}
		expect(new Set(workflow.nodes.map((node) => node.name)).size).toBe(4);
		expect(new Set(workflow.nodes.map((node) => node.id)).size).toBe(4);
	});

	it('uses node types this package registers, at their current versions', () => {
		expect(packageJson.n8n.nodes).toEqual(
			expect.arrayContaining([
				'dist/nodes/Argyle/Argyle.node.js',
				'dist/nodes/ArgyleTrigger/ArgyleTrigger.node.js',
			]),
		);
		expect(trigger.typeVersion).toBe(new ArgyleTrigger().description.defaultVersion);
		expect(deleter.typeVersion).toBe(new Argyle().description.version);
	});

	it('references the credential by name only, never by a real ID', () => {
		for (const node of [trigger, deleter]) {
			expect(node.credentials).toEqual({ argyleApi: { id: null, name: 'Argyle API' } });
		}
		expect(JSON.stringify(workflow)).not.toMatch(/secret|apiKey/i);
	});

	it('starts on accounts.failed, with no webhook ID of its own, so importing it twice gives two webhooks', () => {
		expect(trigger.parameters).toEqual({ events: ['accounts.failed'] });
		expect(Object.keys(EVENTS)).toContain('accounts.failed');
		expect(JSON.stringify(workflow)).not.toContain('webhookId');
		expect(targets(trigger.name, 0)).toEqual([router.name]);
	});

	it('routes on $json.error_code: one "Delete" rule, everything else to the "Retryable" fallback', () => {
		expect(router.typeVersion).toBe(3.2);
		expect(router.parameters.mode).toBe('rules');
		expect(rule).toHaveLength(1);
		expect(rule[0]).toMatchObject({ renameOutput: true, outputKey: 'Delete' });
		expect(rule[0].conditions).toMatchObject({ combinator: 'or', options: { version: 2 } });
		for (const condition of conditions) {
			expect(condition.leftValue).toBe('={{ $json.error_code }}');
			expect(condition.operator).toEqual({ type: 'string', operation: 'equals' });
		}
		expect(router.parameters.options).toEqual({
			fallbackOutput: 'extra',
			renameFallbackOutput: 'Retryable',
		});
		expect(targets(router.name, 0)).toEqual([deleter.name]);
		expect(targets(router.name, 1)).toEqual([notify.name]);
		expect(notify.name).toBe('Notify someone (replace me)');
	});

	it('deletes only for known codes where retrying cannot help', () => {
		expect(deleteCodes.length).toBeGreaterThan(0);
		expect(new Set(deleteCodes).size).toBe(deleteCodes.length);
		for (const code of deleteCodes) expect(Object.keys(CONNECTION_ERROR_CODES)).toContain(code);
		// A user can fix these (retry, wait), or the cause is on the client's side. invalid_account_type
		// is deleted: a login with the right kind of account makes a new account, this one stays useless.
		const retryable = [
			'invalid_credentials',
			'invalid_mfa',
			'mfa_timeout',
			'auth_required',
			'platform_temporarily_unavailable',
			'system_error',
			'existing_account_found',
			'trial_period_expired',
			'trial_connections_exhausted',
		];
		for (const code of retryable) expect(deleteCodes).not.toContain(code);
		expect(deleteCodes.sort()).toEqual(
			[
				'credentials_managed_by_organization',
				'insufficient_account_data',
				'invalid_account_type',
				'multi_driver_account',
				'physical_mfa_unsupported',
				'platform_unavailable',
				'unsupported_auth_type',
				'unsupported_business_account',
			].sort(),
		);
	});

	it('deletes the account from the trigger item, tolerating a repeated delivery', () => {
		expect(deleter.parameters).toEqual({
			resource: 'account',
			operation: 'delete',
			accountId: '={{ $json.account }}',
			options: { ignoreAlreadyDeleted: true },
		});
		// Every parameter the example sets is one the node really has.
		const known = new Map(new Argyle().description.properties.map((p) => [p.name, p] as const));
		for (const name of Object.keys(deleter.parameters)) expect(known.has(name)).toBe(true);
		const options = known.get('options') as INodeProperties;
		expect((options.options as INodeProperties[]).map((o) => o.name)).toContain('ignoreAlreadyDeleted');
	});

	describe('running the delete node as configured', () => {
		useNock();

		it('deletes the failed account of each trigger item, and a repeat is not an error', async () => {
			const items = [
				{ json: { event: 'accounts.failed', account: 'acc-1', user: 'u-1', error_code: 'unsupported_auth_type' } },
				{ json: { event: 'accounts.failed', account: 'acc-1', user: 'u-1', error_code: 'unsupported_auth_type' } },
			];
			argyleApi().delete('/v2/accounts/acc-1').reply(204);
			argyleApi().delete('/v2/accounts/acc-1').reply(404, { detail: 'Not found.' });
			// The only expression in the example, evaluated the way n8n would for each item.
			const parameters: IDataObject = {
				...deleter.parameters,
				accountId: (itemIndex: number) => {
					expect(deleter.parameters.accountId).toBe('={{ $json.account }}');
					return items[itemIndex].json.account;
				},
			};

			const { output } = await runArgyle(parameters, { items });

			expect(output).toEqual([
				{ json: { id: 'acc-1', deleted: true }, pairedItem: { item: 0 } },
				{ json: { id: 'acc-1', deleted: false, alreadyDeleted: true }, pairedItem: { item: 1 } },
			]);
		});
	});
});
