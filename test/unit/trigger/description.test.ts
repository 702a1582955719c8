import { NodeHelpers, type INode, type INodeParameters, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';

import { ArgyleApi } from '../../../credentials/ArgyleApi.credentials';
import { Argyle } from '../../../nodes/Argyle/Argyle.node';
import { ArgyleTrigger } from '../../../nodes/ArgyleTrigger/ArgyleTrigger.node';
import { argyleApiTest } from '../../../nodes/shared/credentialTest';
import { ALL_EVENTS, EVENTS } from '../../../nodes/shared/catalogue';
import { CONNECTION_ERROR_CODES, DEPOSIT_SWITCH_ERROR_CODES } from '../../../nodes/shared/errorCodes';

const description = new ArgyleTrigger().description;
const property = (name: string) => description.properties.find((p) => p.name === name) as INodeProperties;
const choices = (options: INodeProperties['options']) => options as INodePropertyOptions[];

/** What n8n keeps of a node's parameters at this typeVersion: hidden ones are dropped, as in a saved workflow. */
function resolved(parameters: INodeParameters, typeVersion = 3): INodeParameters {
	const node = { typeVersion, parameters } as unknown as INode;
	return NodeHelpers.getNodeParameters(description.properties, parameters, false, false, node, description) ?? {};
}

/** The options n8n offers under "Add option" for these events (each set to a non-default value). */
function offeredOptions(events: string[], typeVersion = 3): string[] {
	const options = Object.fromEntries(
		choices(property('options').options as never).map((option) => [
			(option as unknown as INodeProperties).name,
			(option as unknown as INodeProperties).type === 'boolean' ? true : (option as unknown as INodeProperties).type === 'number' ? 7 : ['x'],
		]),
	);
	const kept = resolved({ events, options }, typeVersion).options as INodeParameters;
	return Object.keys(kept ?? {}).sort();
}

/** Evaluates the subtitle expression as the editor would, with $parameter bound. */
function subtitleFor(events: unknown): string {
	const expression = String(description.subtitle).replace(/^=\{\{|\}\}$/g, '');
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	return new Function('$parameter', `return (${expression});`)({ events }) as string;
}

describe('Argyle Trigger description', () => {
	it('is a trigger at versions 2 and 3 (new nodes get 3) whose webhook description has nothing for n8n to evaluate', () => {
		expect(description.version).toEqual([2, 3]);
		expect(description.defaultVersion).toBe(3);
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'webhook' },
		]);
		for (const value of Object.values(description.webhooks![0])) expect(String(value)).not.toMatch(/^=/);
		expect(description.inputs).toEqual([]);
		expect(description.credentials).toEqual([{ name: 'argyleApi', required: true, testedBy: 'argyleApiTest' }]);
	});

	it('offers every event of the catalogue in one list for both API versions, sorted by its "Family: Event" name', () => {
		const events = property('events');
		expect(description.properties.filter((p) => p.name === 'events')).toHaveLength(1);
		expect(events.displayOptions).toBeUndefined();
		expect(events.required).toBe(true);
		const options = choices(events.options);
		expect(options.map((o) => o.value).sort()).toEqual([...ALL_EVENTS].sort());
		expect(options.map((o) => o.name)).toEqual(options.map((o) => o.name).sort((a, b) => a.localeCompare(b)));
		expect(options.find((o) => o.value === 'direct_deposit_switches.failed')).toEqual({
			name: 'Direct Deposit Switch: Failed',
			value: 'direct_deposit_switches.failed',
			action: 'On Direct Deposit Switch: Failed',
			description: `direct_deposit_switches.failed: ${EVENTS['direct_deposit_switches.failed'].when}`,
		});
	});

	it("names each event's entry in n8n's node panel as the events list does", () => {
		for (const option of choices(property('events').options)) expect(option.action).toBe(`On ${option.name}`);
	});

	it('describes both nodes, since n8n shows the trigger\'s description on the merged "Argyle" card for actions too', () => {
		expect(description.description).toMatch(/^Starts workflows on Argyle webhook events; gets .*payroll data; manages accounts and users$/);
	});

	it('keeps the selected events when API Version changes (one events parameter, no per-version copy)', () => {
		const events = ['accounts.failed', 'accounts.pay_distribution_failed'];
		expect(resolved({ apiVersion: 'v1', events }).events).toEqual(events);
		expect(resolved({ apiVersion: 'v2', events }).events).toEqual(events);
	});

	it('asks for Item IDs only when an Item event is chosen', () => {
		expect(resolved({ events: ['items.updated'], itemIds: 'item_1' }).itemIds).toBe('item_1');
		expect(resolved({ events: ['accounts.failed'], itemIds: 'item_1' }).itemIds).toBeUndefined();
		expect(property('itemIds').required).toBe(true);
	});

	it('offers each option only for the events it applies to', () => {
		expect(offeredOptions(['identities.added'])).toEqual(['subscriptionName']);
		expect(offeredOptions(['accounts.failed'])).toEqual(['errorCodes', 'includeResource', 'subscriptionName']);
		expect(offeredOptions(['accounts.updated'])).toEqual(['disconnectedOnly', 'includeResource', 'subscriptionName']);
		expect(offeredOptions(['gigs.partially_synced'])).toEqual(['daysSynced', 'subscriptionName']);
		expect(offeredOptions(['direct_deposit_switches.failed'])).toEqual([
			'depositSwitchErrorCodes',
			'includeResource',
			'subscriptionName',
		]);
		expect(offeredOptions(['verifications.updated', 'paystubs.partially_synced'])).toEqual([
			'daysSynced',
			'includeResource',
			'subscriptionName',
		]);
		expect(offeredOptions(['accounts.removed'])).toEqual(['subscriptionName']);
	});

	it('keeps Account Disconnected Only for every selection at version 2, as 0.1.x saved it', () => {
		expect(offeredOptions(['accounts.failed'], 2)).toEqual([
			'disconnectedOnly',
			'errorCodes',
			'includeResource',
			'subscriptionName',
		]);
		expect(offeredOptions(['accounts.removed'], 2)).toEqual(['disconnectedOnly', 'subscriptionName']);
	});

	it('lists every connection and deposit switch error code, sorted, each with its meaning', () => {
		const options = property('options').options as INodeProperties[];
		const codes = choices(options.find((o) => o.name === 'errorCodes')!.options);
		expect(codes).toHaveLength(Object.keys(CONNECTION_ERROR_CODES).length);
		expect(codes.map((c) => c.name)).toEqual(codes.map((c) => c.name).sort((a, b) => a.localeCompare(b)));
		expect(codes.find((c) => c.value === 'invalid_mfa')).toEqual({
			name: 'Invalid MFA',
			value: 'invalid_mfa',
			description: 'invalid_mfa: Wrong multi-factor authentication answer',
		});
		const switchCodes = choices(options.find((o) => o.name === 'depositSwitchErrorCodes')!.options);
		expect(switchCodes.map((c) => c.value).sort()).toEqual(Object.keys(DEPOSIT_SWITCH_ERROR_CODES).sort());
	});

	it('says in its subtitle what was chosen, in the option names, never cut to raw values', () => {
		expect(subtitleFor([])).toBe('');
		expect(subtitleFor(undefined)).toBe('');
		expect(subtitleFor(['accounts.failed'])).toBe('Account: Failed');
		expect(subtitleFor(['paystubs.fully_synced', 'accounts.added', 'gigs.added'])).toBe('Paystubs: Fully Synced + 2 more');
		expect(subtitleFor(['payouts.added'])).toBe('payouts.added');
	});
});

describe('Argyle API credential', () => {
	const credential = new ArgyleApi();

	it('authenticates with HTTP Basic from the key id and secret', () => {
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { auth: { username: '={{$credentials.apiKeyId}}', password: '={{$credentials.apiKeySecret}}' } },
		});
		const secret = credential.properties.find((p) => p.name === 'apiKeySecret')!;
		expect(secret.typeOptions).toEqual({ password: true });
	});

	it('is tested by both nodes with the same function, not a declarative request n8n 1.x cannot word', () => {
		expect(credential).not.toHaveProperty('test');
		for (const node of [new ArgyleTrigger(), new Argyle()]) {
			expect(node.description.credentials).toEqual([{ name: 'argyleApi', required: true, testedBy: 'argyleApiTest' }]);
			expect(node.methods.credentialTest.argyleApiTest).toBe(argyleApiTest);
		}
		expect(credential.documentationUrl).toMatch(/\/docs\/credentials\.md$/);
	});
});
