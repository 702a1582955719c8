/**
 * The node's description is its public contract: parameter names and values are what saved
 * workflows (and the end-to-end tests) rely on, so they are pinned here.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { Argyle } from '../../../nodes/Argyle/Argyle.node';
import codex from '../../../nodes/Argyle/Argyle.node.json';
import packageJson from '../../../package.json';
import saved from '../../fixtures/argyle-node-0.1.0-parameters.json';
import { savedParameters } from './saved-parameters';

const description = new Argyle().description;
const properties = description.properties;

/** The properties n8n shows for a resource/operation pair. */
function visibleFor(resource: string, operation: string): INodeProperties[] {
	return properties.filter((property) => {
		const show = property.displayOptions?.show;
		if (!show) return true;
		const resourceOk = !show.resource || (show.resource as string[]).includes(resource);
		const operationOk = !show.operation || (show.operation as string[]).includes(operation);
		return resourceOk && operationOk;
	});
}

function operationsOf(resource: string): string[] {
	const operation = visibleFor(resource, '').find((property) => property.name === 'operation');
	return ((operation?.options ?? []) as INodePropertyOptions[]).map((option) => String(option.value));
}

describe('Argyle node description', () => {
	it('is the regular, tool-usable Argyle node with the argyleApi credential', () => {
		expect(description).toMatchObject({
			displayName: 'Argyle',
			name: 'argyle',
			version: 1,
			usableAsTool: true,
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'argyleApi', required: true }],
			icon: { light: 'file:../../icons/argyle.svg', dark: 'file:../../icons/argyle.dark.svg' },
		});
	});

	it('says in its subtitle what it does, in words', () => {
		const expression = String(description.subtitle).replace(/^=\{\{|\}\}$/g, '');
		const subtitle = (resource: string, operation: string) =>
			// eslint-disable-next-line @typescript-eslint/no-implied-eval
			new Function('$parameter', `return (${expression});`)({ resource, operation }) as string;
		expect(subtitle('account', 'delete')).toBe('Delete Account');
		expect(subtitle('account', 'getAll')).toBe('Get Many Accounts');
		expect(subtitle('user', 'get')).toBe('Get User');
		expect(subtitle('webhookSubscription', 'getAll')).toBe('Get Many Webhook Subscriptions');
		expect(subtitle('account', 'nothing')).toBe('');
	});

	it('keeps every parameter, default, option value and collection option that 0.1.0 saved workflows rely on', () => {
		const current = savedParameters(description, 1);
		for (const [pair, defaults] of Object.entries(saved.defaults)) {
			expect([pair, current.defaults[pair]]).toEqual([pair, expect.objectContaining(defaults)]);
		}
		for (const [path, values] of Object.entries(saved.optionValues)) {
			expect([path, current.optionValues[path]]).toEqual([path, expect.arrayContaining(values)]);
		}
	});

	it('is registered in package.json and has a codex with its package-scoped id', () => {
		expect(packageJson.n8n.nodes).toContain('dist/nodes/Argyle/Argyle.node.js');
		expect(codex.node).toBe(`${packageJson.name}.${description.name}`);
	});

	it('offers exactly the resources and operations of the issue', () => {
		const resource = properties.find((property) => property.name === 'resource');
		expect(((resource?.options ?? []) as INodePropertyOptions[]).map((option) => option.value)).toEqual([
			'account',
			'report',
			'user',
			'userToken',
			'webhookSubscription',
		]);
		expect(operationsOf('account')).toEqual(['delete', 'disableOngoingRefresh', 'get', 'getAll', 'periodicScan']);
		expect(operationsOf('report')).toEqual(['delete', 'download', 'generate', 'get', 'getAll']);
		expect(operationsOf('user')).toEqual(['create', 'delete', 'get', 'getAll', 'update']);
		expect(operationsOf('userToken')).toEqual(['create']);
		expect(operationsOf('webhookSubscription')).toEqual(['delete', 'getAll']);
	});

	it.each([
		['account', 'delete', ['accountId', 'options']],
		['account', 'get', ['accountId']],
		['account', 'getAll', ['returnAll', 'limit', 'filters']],
		['user', 'delete', ['userId', 'deleteUserNotice', 'options']],
		['user', 'get', ['userId']],
		['user', 'getAll', ['returnAll', 'limit', 'filters']],
		['webhookSubscription', 'delete', ['webhookSubscriptionId', 'options']],
		['webhookSubscription', 'getAll', ['returnAll', 'limit']],
	])('%s / %s shows the parameters %j', (resource, operation, expected) => {
		const names = visibleFor(resource, operation)
			.map((property) => property.name)
			.filter((name) => name !== 'resource' && name !== 'operation');
		expect(names).toEqual(expected);
	});

	it('Ignore Already Deleted is an off-by-default boolean that starts with "Whether"', () => {
		for (const resource of ['account', 'user', 'webhookSubscription']) {
			const options = visibleFor(resource, 'delete').find((property) => property.name === 'options');
			const option = (options?.options as INodeProperties[]).find(
				(candidate) => candidate.name === 'ignoreAlreadyDeleted',
			);
			expect(option).toMatchObject({ type: 'boolean', default: false });
			expect(option?.description).toMatch(/^Whether/);
		}
	});

	it('Limit defaults to 50, at least 1, and is hidden by Return All', () => {
		const limit = visibleFor('account', 'getAll').find((property) => property.name === 'limit');
		expect(limit).toMatchObject({ default: 50, typeOptions: { minValue: 1 } });
		expect(limit?.displayOptions?.show?.returnAll).toEqual([false]);
	});

	it('Account filters map to user, item and ongoing_refresh_status values', () => {
		const filters = visibleFor('account', 'getAll').find((property) => property.name === 'filters');
		const byName = Object.fromEntries(
			(filters?.options as INodeProperties[]).map((option) => [option.name, option]),
		);
		expect(Object.keys(byName).sort()).toEqual(['item', 'ongoingRefreshStatus', 'user']);
		expect((byName.ongoingRefreshStatus.options as INodePropertyOptions[]).map((o) => o.value)).toEqual([
			'disabled',
			'enabled',
			'idle',
		]);
	});

	it('warns that deleting a user removes all their accounts and data, irreversibly', () => {
		const operation = properties.find(
			(property) =>
				property.name === 'operation' &&
				(property.displayOptions?.show?.resource as string[]).includes('user'),
		);
		const deleteOption = (operation?.options as INodePropertyOptions[]).find((o) => o.value === 'delete');
		expect(deleteOption?.description).toMatch(/all of their accounts and data/);
		expect(deleteOption?.description).toMatch(/Irreversible/);
	});
});
