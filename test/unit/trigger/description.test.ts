import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ArgyleApi } from '../../../credentials/ArgyleApi.credentials';
import { ArgyleTrigger } from '../../../nodes/ArgyleTrigger/ArgyleTrigger.node';
import { CONNECTION_ERROR_CODES } from '../../../nodes/shared/catalogue';

const description = new ArgyleTrigger().description;
const property = (name: string, version?: string) =>
	description.properties.find(
		(p) => p.name === name && (!version || p.displayOptions?.show?.apiVersion?.includes(version)),
	) as INodeProperties;
const values = (options: INodeProperties['options']) => (options as INodePropertyOptions[]).map((o) => o.value);

describe('Argyle Trigger description', () => {
	it('is a typeVersion 2 trigger whose webhook description has nothing for n8n to evaluate', () => {
		expect(description.version).toBe(2);
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'webhook' },
		]);
		for (const value of Object.values(description.webhooks![0])) expect(String(value)).not.toMatch(/^=/);
		expect(description.inputs).toEqual([]);
		expect(description.credentials).toEqual([{ name: 'argyleApi', required: true }]);
	});

	it('offers the five v2 events, and v1 adds the pay distribution events', () => {
		expect(values(property('events', 'v2').options).sort()).toEqual([
			'accounts.added',
			'accounts.connected',
			'accounts.failed',
			'accounts.removed',
			'accounts.updated',
		]);
		expect(values(property('events', 'v1').options)).toEqual(
			expect.arrayContaining(['accounts.pay_distribution_updated', 'accounts.pay_distribution_failed']),
		);
		expect(property('events', 'v2').required).toBe(true);
		for (const option of property('events', 'v2').options as INodePropertyOptions[]) {
			expect(option.description).toMatch(new RegExp(`^${option.value}: .{20,}`));
		}
	});

	it('offers all 51 error codes, sorted, each with a description', () => {
		const options = property('options').options as INodeProperties[];
		const codes = options.find((o) => o.name === 'errorCodes')!.options as INodePropertyOptions[];
		expect(codes).toHaveLength(Object.keys(CONNECTION_ERROR_CODES).length);
		expect(codes.map((c) => c.name)).toEqual(codes.map((c) => c.name).sort((a, b) => a.localeCompare(b)));
		expect(codes.find((c) => c.value === 'invalid_mfa')).toEqual({
			name: 'Invalid MFA',
			value: 'invalid_mfa',
			description: 'invalid_mfa: Wrong multi-factor authentication answer',
		});
		expect(options.map((o) => o.name)).toEqual(['disconnectedOnly', 'errorCodes', 'includeResource', 'subscriptionName']);
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

	it('tests the keys with a cheap read against the chosen environment', () => {
		const request = credential.test.request;
		expect(request).toMatchObject({ url: '/v2/users', qs: { limit: 1 }, method: 'GET' });
		// The same expression n8n evaluates, with $credentials bound.
		const expression = String(request.baseURL).replace(/^=\{\{|\}\}$/g, '');
		const evaluate = (credentials: object) =>
			// eslint-disable-next-line @typescript-eslint/no-implied-eval
			new Function('$credentials', `return (${expression});`)(credentials) as string;
		expect(evaluate({ environment: 'sandbox' })).toBe('https://api-sandbox.argyle.com');
		expect(evaluate({ environment: 'production' })).toBe('https://api.argyle.com');
		expect(evaluate({ environment: 'custom', baseUrl: 'http://127.0.0.1:5699//' })).toBe('http://127.0.0.1:5699');
	});

	it('turns 401, 403 and 404 into messages that say what to fix', () => {
		const rules = credential.test.rules!.map((rule) => [rule.properties.value, rule.properties.message]);
		expect(rules.map(([code]) => code)).toEqual([401, 403, 404]);
		expect(rules[0][1]).toContain('Environment matches the key');
		expect(rules[2][1]).toContain('Base URL');
	});
});
