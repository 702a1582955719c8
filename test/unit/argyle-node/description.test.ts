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

/** Option name and plural of every data set, as the Resource list and the subtitle show them. */
const NAMES: Record<string, [string, string]> = {
	depositDestination: ['Deposit Destination', 'Deposit Destinations'],
	employment: ['Employment', 'Employments'],
	gig: ['Gig', 'Gigs'],
	identity: ['Identity', 'Identities'],
	item: ['Item', 'Items'],
	payrollDocument: ['Payroll Document', 'Payroll Documents'],
	paystub: ['Paystub', 'Paystubs'],
	rating: ['Rating', 'Ratings'],
	shift: ['Shift', 'Shifts'],
	userForm: ['User Form', 'User Forms'],
	userUpload: ['User Upload', 'User Uploads'],
	vehicle: ['Vehicle', 'Vehicles'],
	verification: ['Verification', 'Verifications'],
};

/** The data sets with Get and Get Many (Employment has Get Many only: Argyle has no Get by ID for it). */
const DATA_SETS = Object.keys(NAMES).filter((resource) => resource !== 'employment');

const subtitleExpression = String(description.subtitle).replace(/^=\{\{|\}\}$/g, '');
/** The subtitle n8n shows for a resource and operation. */
const subtitle = (resource: string, operation: string) =>
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	new Function('$parameter', `return (${subtitleExpression});`)({ resource, operation }) as string;

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

	it('offers exactly the resources and operations of the issues', () => {
		const resource = properties.find((property) => property.name === 'resource');
		expect(((resource?.options ?? []) as INodePropertyOptions[]).map((option) => option.value)).toEqual([
			'account',
			'depositDestination',
			'employment',
			'gig',
			'identity',
			'item',
			'payrollDocument',
			'paystub',
			'rating',
			'report',
			'shift',
			'user',
			'userForm',
			'userToken',
			'userUpload',
			'vehicle',
			'verification',
			'webhookSubscription',
		]);
		expect(operationsOf('account')).toEqual(['delete', 'disableOngoingRefresh', 'get', 'getAll', 'periodicScan']);
		expect(operationsOf('report')).toEqual(['delete', 'download', 'generate', 'get', 'getAll']);
		expect(operationsOf('user')).toEqual(['create', 'delete', 'get', 'getAll', 'update']);
		expect(operationsOf('userToken')).toEqual(['create']);
		expect(operationsOf('webhookSubscription')).toEqual(['delete', 'getAll']);
		const withDownload = ['payrollDocument', 'userUpload'];
		for (const dataSet of DATA_SETS) {
			const expected = withDownload.includes(dataSet) ? ['downloadFile', 'get', 'getAll'] : ['get', 'getAll'];
			expect([dataSet, operationsOf(dataSet)]).toEqual([dataSet, expected]);
		}
		expect(operationsOf('employment')).toEqual(['getAll']);
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

describe('Argyle node description: the data sets', () => {
	/** The filters of each Get Many, in the order shown (by display name). */
	const FILTERS: Record<string, string[]> = {
		depositDestination: ['account', 'user'],
		employment: ['account', 'user'],
		gig: ['account', 'fromStartDatetime', 'toStartDatetime', 'user'],
		identity: ['account', 'employment', 'user'],
		item: ['filterSet', 'ids', 'kind', 'mappingStatus', 'minMatchingScore', 'search', 'status'],
		payrollDocument: ['account', 'employment', 'fromAvailableDate', 'toAvailableDate', 'user'],
		paystub: ['account', 'employment', 'fromStartDate', 'toStartDate', 'user'],
		rating: ['account', 'user'],
		shift: ['account', 'fromStartDatetime', 'toStartDatetime', 'user'],
		userForm: ['account', 'user'],
		userUpload: ['account', 'documentType', 'user'],
		vehicle: ['account', 'user'],
		verification: ['loanNumber', 'reportType', 'statusCode', 'statusState', 'user'],
	};
	const filtersOf = (resource: string) =>
		(visibleFor(resource, 'getAll').find((property) => property.name === 'filters')?.options ?? []) as INodeProperties[];
	const operationOption = (resource: string, operation: string) =>
		(visibleFor(resource, '').find((property) => property.name === 'operation')?.options as INodePropertyOptions[]).find(
			(option) => option.value === operation,
		);

	it.each(Object.entries(NAMES))('%s: subtitles, actions and parameters', (resource, [name, plural]) => {
		expect(subtitle(resource, 'getAll')).toBe(`Get Many ${plural}`);
		expect(operationOption(resource, 'getAll')?.action).toBe(`Get many ${plural.toLowerCase()}`);
		expect(visibleFor(resource, 'getAll').map((property) => property.name)).toEqual(['resource', 'operation', 'returnAll', 'limit', 'filters']);
		if (resource === 'employment') return;
		expect(subtitle(resource, 'get')).toBe(`Get ${name}`);
		expect(operationOption(resource, 'get')?.action).toMatch(new RegExp(`^Get an? ${name.toLowerCase()}$`));
		expect(visibleFor(resource, 'get').map((property) => property.name)).toEqual(['resource', 'operation', `${resource}Id`]);
		expect(visibleFor(resource, 'get')[2]).toMatchObject({ displayName: `${name} ID`, type: 'string', required: true, default: '' });
	});

	it.each(Object.entries(FILTERS))('%s: Get Many filters %j, sorted by display name', (resource, expected) => {
		const filters = filtersOf(resource);
		expect(filters.map((filter) => filter.name).sort()).toEqual(expected);
		const shown = filters.map((filter) => filter.displayName);
		expect(shown).toEqual([...shown].sort((a, b) => a.localeCompare(b)));
	});

	it('every option list of the node is sorted by name, and every value is unique', () => {
		const lists: INodePropertyOptions[][] = [];
		const collect = (property: INodeProperties) => {
			if (property.type === 'options' || property.type === 'multiOptions') lists.push(property.options as INodePropertyOptions[]);
			if (property.type === 'collection') (property.options as INodeProperties[]).forEach(collect);
		};
		properties.forEach(collect);
		expect(lists.length).toBeGreaterThan(10);
		for (const options of lists) {
			const names = options.map((option) => option.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			expect(new Set(options.map((option) => option.value)).size).toBe(options.length);
		}
	});

	it('filters have Title Case names and sentence-case descriptions', () => {
		for (const resource of Object.keys(FILTERS)) {
			for (const filter of filtersOf(resource)) {
				expect([resource, filter.displayName]).toEqual([resource, expect.stringMatching(/^([A-Z][A-Za-z]*|ID|IDs)( ([A-Z][A-Za-z]*|ID|IDs))*$/)]);
				// sentence case: a capital first, then words in lower case (Argyle's names such as Items aside)
				expect([resource, filter.description]).toEqual([resource, expect.stringMatching(/^[A-Z][a-z]+ (\S+ )*[a-z]+ [a-z]+/)]);
			}
		}
	});

	it('Account ID and User ID filters are plain text that takes the IDs of trigger items; date ranges are dateTime fields', () => {
		for (const resource of Object.keys(FILTERS)) {
			const byName = Object.fromEntries(filtersOf(resource).map((filter) => [filter.name, filter]));
			for (const key of ['account', 'user'].filter((name) => byName[name])) {
				expect(byName[key]).toMatchObject({ type: 'string', default: '' });
				expect(byName[key].description).toContain(`{{ $json.${key} }}`);
			}
			for (const filter of Object.values(byName).filter((entry) => /^(from|to)[A-Z]/.test(entry.name))) {
				expect([resource, filter.name, filter.type, filter.default]).toEqual([resource, filter.name, 'dateTime', '']);
			}
		}
	});

	it('enum filters offer Argyle\'s values: Item status and mapping status several at once', () => {
		const item = Object.fromEntries(filtersOf('item').map((filter) => [filter.name, filter]));
		const values = (filter: INodeProperties) => (filter.options as INodePropertyOptions[]).map((option) => option.value);
		expect(item.status).toMatchObject({ type: 'multiOptions', default: [] });
		expect(values(item.status)).toEqual(['healthy', 'issues', 'unavailable']);
		expect(item.mappingStatus).toMatchObject({ type: 'multiOptions', default: [] });
		expect(item.kind).toMatchObject({ type: 'options', default: 'benefits' });
		const verification = Object.fromEntries(filtersOf('verification').map((filter) => [filter.name, filter]));
		expect(values(verification.statusState).sort()).toEqual(['CANCELLED', 'COMPLETED', 'PAUSED', 'PENDING', 'PROCESSING']);
		expect(values(verification.statusCode)).toHaveLength(17);
		expect(values(verification.reportType)).toHaveLength(7);
		const upload = filtersOf('userUpload').find((filter) => filter.name === 'documentType')!;
		expect((upload.options as INodePropertyOptions[]).map((option) => option.name)).toEqual([
			'1099',
			'Miscellaneous',
			'Paystubs',
			'Proof of Address',
			'Proof of Identity',
			'W-2',
		]);
	});
});
