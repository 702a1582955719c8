import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { ArgyleTrigger } from '../../../nodes/ArgyleTrigger/ArgyleTrigger.node';
import * as settings from '../../../nodes/ArgyleTrigger/settings';
import { deriveWebhookSecret } from '../../../nodes/ArgyleTrigger/signature';

import { API_BASE, TEST_CREDENTIALS, webhookContext, type TestCredentials, type WebhookRequest } from '../helpers/context';
import { signature, subscription } from '../helpers/argyle';
import { useNock } from '../helpers/nock';

const URL_PROD = 'https://n8n.example.com/webhook/wh-1/webhook';
const URL_TEST = 'https://n8n.example.com/webhook-test/wh-1/webhook';
const WORKFLOW = { id: 'wf-1', name: 'Payroll alerts' };
const NODE = { id: 'node-1', name: 'Argyle Trigger' };
const SECRET = deriveWebhookSecret(TEST_CREDENTIALS.apiKeySecret, WORKFLOW.id, NODE.id, URL_PROD);
const TEST_SECRET = deriveWebhookSecret(TEST_CREDENTIALS.apiKeySecret, WORKFLOW.id, NODE.id, URL_TEST);

const trigger = new ArgyleTrigger();

useNock();

interface Delivery {
	body?: string | Buffer;
	headers?: Record<string, string>;
	parameters?: IDataObject;
	secret?: string;
	request?: Partial<WebhookRequest>;
	staticData?: Record<string, unknown>;
}

async function deliver({ body = '', headers, parameters, secret = SECRET, request, staticData }: Delivery) {
	const raw = Buffer.isBuffer(body) ? body : Buffer.from(body);
	const { ctx, response } = webhookContext({
		parameters: parameters ?? { events: ['accounts.failed', 'accounts.connected'], options: {} },
		webhookUrl: URL_PROD,
		workflow: WORKFLOW,
		node: NODE,
		staticData: staticData as never,
		request: {
			headers: {
				'content-type': 'application/json',
				'x-argyle-signature': signature(raw, secret),
				...headers,
			},
			rawBody: raw,
			body: (() => {
				try {
					return JSON.parse(raw.toString());
				} catch {
					return {};
				}
			})(),
			...request,
		},
	});
	const result = await trigger.webhook.call(ctx);
	return { result, response };
}

const failed = JSON.stringify({
	event: 'accounts.failed',
	name: 'n8n: Payroll alerts',
	data: {
		account: '0187c66e-e7e5-811c-b006-2232f00f426a',
		user: '018051aa-f7a9-a0db-2f38-6cfa325e9d69',
		error_code: 'invalid_mfa',
		error_message: 'This user did not provide the correct multi-factor authentication response.',
	},
});

/** A context for one `accounts.failed` delivery signed with `secret`, for a trigger selecting that event. */
function failedDeliveryContext(secret: string, staticData: Record<string, unknown>, credentials?: TestCredentials | null) {
	const raw = Buffer.from(failed);
	return webhookContext({
		parameters: { events: ['accounts.failed'] },
		webhookUrl: URL_PROD,
		workflow: WORKFLOW,
		node: NODE,
		staticData: staticData as never,
		credentials,
		request: { headers: { 'x-argyle-signature': signature(raw, secret) }, rawBody: raw },
	});
}

describe('Argyle Trigger webhook()', () => {
	it('emits one item with the data lifted to the top level', async () => {
		const { result, response } = await deliver({ body: failed });
		expect(response.statusCode).toBeUndefined();
		expect(result).toEqual({
			workflowData: [
				[
					{
						json: {
							event: 'accounts.failed',
							name: 'n8n: Payroll alerts',
							account: '0187c66e-e7e5-811c-b006-2232f00f426a',
							user: '018051aa-f7a9-a0db-2f38-6cfa325e9d69',
							error_code: 'invalid_mfa',
							error_message:
								'This user did not provide the correct multi-factor authentication response.',
						},
					},
				],
			],
		});
		expect(JSON.stringify(result)).not.toContain(SECRET);
	});

	it('keeps the account object, unknown fields and unknown top-level keys', async () => {
		const body = JSON.stringify({
			event: 'accounts.connected',
			name: 'n',
			data: { account: 'a', user: 'u', resource: { id: 'a', connection: { status: 'connected' } }, new_field: 1 },
			delivery_id: 'd-1',
		});
		const { result } = await deliver({ body });
		expect(result.workflowData?.[0][0].json).toEqual({
			event: 'accounts.connected',
			name: 'n',
			account: 'a',
			user: 'u',
			resource: { id: 'a', connection: { status: 'connected' } },
			new_field: 1,
			delivery_id: 'd-1',
		});
	});

	it('answers 401 and starts nothing without a signature', async () => {
		const { result, response } = await deliver({ body: failed, headers: { 'x-argyle-signature': '' } });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({
			statusCode: 401,
			body: { message: 'Missing or invalid X-Argyle-Signature' },
		});
	});

	it.each([
		['another secret', { secret: 'f'.repeat(64) }],
		['the test URL\'s secret on the production URL', { secret: TEST_SECRET }],
		['a body changed after signing', { headers: { 'x-argyle-signature': signature(failed.replace('invalid_mfa', 'x'), SECRET) } }],
	])('answers 401 for %s', async (_label, variant) => {
		const { result, response } = await deliver({ body: failed, ...variant });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(401);
	});

	it('refuses a request that cannot be signed before reading the credential', async () => {
		const { ctx, response } = webhookContext({
			credentials: null,
			request: { headers: { 'x-argyle-signature': 'sha512=abc' }, rawBody: Buffer.from(failed) },
		});
		await expect(trigger.webhook.call(ctx)).resolves.toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(401);
	});

	it('answers 401, not an error, when n8n cannot read the body (bad gzip, multipart)', async () => {
		const { ctx, response } = webhookContext({
			parameters: { events: ['accounts.failed'] },
			request: { headers: { 'x-argyle-signature': 'ab'.repeat(64) } },
		});
		const request = ctx.getRequestObject() as unknown as { readRawBody: () => Promise<void> };
		request.readRawBody = async () => {
			throw new Error('incorrect header check');
		};
		await expect(trigger.webhook.call(ctx)).resolves.toEqual({ noWebhookResponse: true });
		expect(response).toEqual({ statusCode: 401, body: { message: 'Missing or invalid X-Argyle-Signature' } });
	});

	it('answers 401 when there is no raw body to verify', async () => {
		const { response } = await deliver({ body: failed, request: { rawBody: undefined } });
		expect(response.statusCode).toBe(401);
	});

	it('reads a raw body n8n has not read yet', async () => {
		const raw = Buffer.from(failed);
		const { result } = await deliver({
			body: raw,
			request: { rawBody: undefined, lazyRawBody: raw, body: undefined },
			headers: { 'content-type': 'application/octet-stream' },
		});
		expect(result.workflowData?.[0][0].json.event).toBe('accounts.failed');
	});

	it('verifies a test delivery against the secret of the registered test URL', async () => {
		// In a test delivery n8n's getNodeWebhookUrl() answers the production URL.
		const staticData = { argyleSubscription: { id: 's', url: URL_TEST, events: [], apiVersion: 'v2' } };
		const good = await deliver({ body: failed, secret: TEST_SECRET, staticData });
		expect(good.result.workflowData).toHaveLength(1);
		nock(API_BASE).get('/v2/webhooks/s').reply(200, subscription({ id: 's', url: URL_TEST, secret: TEST_SECRET }));
		const wrong = await deliver({ body: failed, secret: SECRET, staticData });
		expect(wrong.response.statusCode).toBe(401);
	});

	it.each([
		['invalid JSON', '{"event": "accounts.failed",', 'The body is not valid JSON'],
		['a JSON array', '[{"event":"accounts.failed"}]', 'The body is not a JSON object'],
		['no event', '{"name":"x","data":{}}', 'The body has no "event"'],
		['data that is not an object', '{"event":"accounts.failed","data":[1]}', 'The body\'s "data" is not an object'],
	])('answers 400 for %s with a valid signature', async (_label, body, message) => {
		const { result, response } = await deliver({ body, headers: { 'content-type': 'text/plain' } });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({ statusCode: 400, body: { message } });
	});

	it('parses the signed bytes itself when the content type is not JSON', async () => {
		const { result } = await deliver({ body: failed, headers: { 'content-type': 'text/plain' }, request: { body: failed } });
		expect(result.workflowData?.[0][0].json.error_code).toBe('invalid_mfa');
	});

	it('answers 200 and starts nothing for an event that is not selected', async () => {
		const body = JSON.stringify({ event: 'accounts.removed', name: 'n', data: { account: 'a', user: 'u' } });
		const { result, response } = await deliver({ body });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({
			statusCode: 200,
			body: { message: 'Ignored: event accounts.removed is not selected' },
		});
	});

	it('passes an unknown error code through when no code filter is set', async () => {
		const body = failed.replace('invalid_mfa', 'brand_new_code');
		const { result } = await deliver({ body });
		expect(result.workflowData?.[0][0].json.error_code).toBe('brand_new_code');
	});

	it('filters accounts.failed by error code', async () => {
		const parameters = { events: ['accounts.failed'], options: { errorCodes: ['unsupported_auth_type', 'invalid_mfa'] } };
		expect((await deliver({ body: failed, parameters })).result.workflowData).toHaveLength(1);
		const other = await deliver({ body: failed.replace('invalid_mfa', 'invalid_credentials'), parameters });
		expect(other.response).toEqual({
			statusCode: 200,
			body: { message: 'Ignored: error code invalid_credentials is not selected' },
		});
	});

	describe('Account Disconnected Only', () => {
		const parameters = { events: ['accounts.failed'], options: { disconnectedOnly: true } };
		const updated = (resource: unknown) =>
			JSON.stringify({ event: 'accounts.updated', name: 'n', data: { account: 'a', user: 'u', resource } });

		it('fires for an updated account whose connection is in error', async () => {
			const body = updated({ id: 'a', connection: { status: 'error', error_code: 'auth_required' } });
			const { result } = await deliver({ body, parameters });
			expect(result.workflowData?.[0][0].json.resource).toMatchObject({ connection: { error_code: 'auth_required' } });
		});

		it.each([
			['a connected account', { id: 'a', connection: { status: 'connected' } }],
			['an update without the account object', undefined],
		])('ignores %s', async (_label, resource) => {
			const { response } = await deliver({ body: updated(resource), parameters });
			expect(response).toEqual({
				statusCode: 200,
				body: { message: 'Ignored: the account is not disconnected' },
			});
		});

		it('still fires the other selected events', async () => {
			expect((await deliver({ body: failed, parameters })).result.workflowData).toHaveLength(1);
		});
	});
});

describe('after the API key was rotated in the credential', () => {
	const OLD_SECRET = deriveWebhookSecret('the-old-api-key-secret', WORKFLOW.id, NODE.id, URL_PROD);
	const state = (id: string) => ({ argyleSubscription: { id, url: URL_PROD, events: ['accounts.failed'], apiVersion: 'v2' } });
	const argyle = () => nock(API_BASE);

	it("accepts deliveries signed with the secret Argyle holds, reading it once", async () => {
		argyle()
			.get('/v2/webhooks/sub-rotated')
			.reply(200, subscription({ id: 'sub-rotated', url: URL_PROD, secret: OLD_SECRET }));
		const first = await deliver({ body: failed, secret: OLD_SECRET, staticData: state('sub-rotated') });
		expect(first.result.workflowData?.[0][0].json.event).toBe('accounts.failed');
		const second = await deliver({ body: failed, secret: OLD_SECRET, staticData: state('sub-rotated') });
		expect(second.result.workflowData).toHaveLength(1);
	});

	it('still refuses forged deliveries, and asks Argyle at most once in a while', async () => {
		argyle()
			.get('/v2/webhooks/sub-forged')
			.reply(200, subscription({ id: 'sub-forged', url: URL_PROD, secret: SECRET }));
		for (let attempt = 0; attempt < 3; attempt++) {
			const { response } = await deliver({ body: failed, secret: 'e'.repeat(64), staticData: state('sub-forged') });
			expect(response.statusCode).toBe(401);
		}
	});

	it.each([
		['the subscription is gone', 404, { detail: 'Not found.' }],
		['it now belongs to another URL', 200, { id: 'x', url: 'https://elsewhere.example.com/', secret: 'o' }],
	])('refuses when %s', async (label, status, body) => {
		const id = `sub-${status}-${label.length}`;
		argyle().get(`/v2/webhooks/${id}`).reply(status, body);
		const { response } = await deliver({ body: failed, secret: OLD_SECRET, staticData: state(id) });
		expect(response.statusCode).toBe(401);
	});

	it('refuses, and logs, when Argyle cannot be asked', async () => {
		argyle().get('/v2/webhooks/sub-down').reply(503, { detail: 'Unavailable' });
		const { ctx, response } = failedDeliveryContext(OLD_SECRET, state('sub-down'));
		await trigger.webhook.call(ctx);
		expect(response.statusCode).toBe(401);
		expect(ctx.logs).toEqual([
			expect.objectContaining({ level: 'warn', message: expect.stringContaining('could not read webhook subscription sub-down') }),
		]);
		expect(JSON.stringify(ctx.logs)).not.toContain(OLD_SECRET);
	});

	it('does not ask Argyle for an unsigned request', async () => {
		const { response } = await deliver({ body: failed, headers: { 'x-argyle-signature': '' }, staticData: state('sub-unsigned') });
		expect(response.statusCode).toBe(401);
	});
});

describe('reading the credential', () => {
	const state = (id: string, url = URL_PROD) => ({
		argyleSubscription: { id, url, events: ['accounts.failed'], apiVersion: 'v2' },
	});

	/** One delivery in a fresh context whose getCredentials() calls are counted. */
	async function counted(reads: { count: number }, staticData: Record<string, unknown>, secret = SECRET, apiKeySecret?: string) {
		const credentials = apiKeySecret ? { ...TEST_CREDENTIALS, apiKeySecret } : undefined;
		const { ctx, response } = failedDeliveryContext(secret, staticData, credentials);
		const read = ctx.getCredentials.bind(ctx);
		ctx.getCredentials = (async (...args: Parameters<typeof read>) => {
			reads.count += 1;
			return await read(...args);
		}) as typeof read;
		const result = await trigger.webhook.call(ctx);
		return { result, response };
	}

	afterEach(() => jest.restoreAllMocks());

	it('happens once for the same subscription, however many deliveries arrive', async () => {
		const reads = { count: 0 };
		const results = await Promise.all([1, 2, 3].map(async () => await counted(reads, state('sub-once'))));
		results.push(await counted(reads, state('sub-once')));
		for (const { result } of results) expect(result.workflowData).toHaveLength(1);
		expect(reads.count).toBe(1);
	});

	it('happens again for a new subscription, which a rotated key activates', async () => {
		const rotated = 'the-new-api-key-secret';
		const reads = { count: 0 };
		expect((await counted(reads, state('sub-before'))).result.workflowData).toHaveLength(1);
		const newSecret = deriveWebhookSecret(rotated, WORKFLOW.id, NODE.id, URL_PROD);
		const after = await counted(reads, state('sub-after'), newSecret, rotated);
		expect(after.result.workflowData).toHaveLength(1);
		expect(reads.count).toBe(2);
	});

	it('happens on every delivery while no subscription is stored', async () => {
		const reads = { count: 0 };
		await counted(reads, {});
		await counted(reads, {});
		expect(reads.count).toBe(2);
	});

	it('is not remembered when it fails', async () => {
		const broken = failedDeliveryContext(SECRET, state('sub-broken'), null);
		await expect(trigger.webhook.call(broken.ctx)).rejects.toThrow('does not have any credentials set');
		const reads = { count: 0 };
		expect((await counted(reads, state('sub-broken'))).result.workflowData).toHaveLength(1);
		expect(reads.count).toBe(1);
	});

	it('happens again, at most once a minute, when a delivery does not verify', async () => {
		// A process that missed a change made by another one: the credential now derives another secret.
		// (Counted as derivations: asking Argyle for the recorded secret reads the credential too.)
		const derivations = jest.spyOn(settings, 'webhookSecret');
		const changed = 'changed-by-another-process';
		const newSecret = deriveWebhookSecret(changed, WORKFLOW.id, NODE.id, URL_PROD);
		const start = Date.now();
		const now = jest.spyOn(Date, 'now').mockReturnValue(start);
		const reads = { count: 0 };
		await counted(reads, state('sub-missed'));
		nock(API_BASE).get('/v2/webhooks/sub-missed').reply(404, { detail: 'Not found.' });
		const soon = await counted(reads, state('sub-missed'), newSecret, changed);
		expect(soon.response.statusCode).toBe(401);
		expect(derivations).toHaveBeenCalledTimes(1);
		now.mockReturnValue(start + 61_000);
		const later = await counted(reads, state('sub-missed'), newSecret, changed);
		expect(later.result.workflowData).toHaveLength(1);
		expect(derivations).toHaveBeenCalledTimes(2);
		// Forged requests in the same minute derive nothing (the recorded secret is remembered too).
		const forged = await counted(reads, state('sub-missed'), 'f'.repeat(64), changed);
		expect(forged.response.statusCode).toBe(401);
		expect(derivations).toHaveBeenCalledTimes(2);
	});

	it('happens again for the oldest subscription once a thousand newer ones were seen', async () => {
		const reads = { count: 0 };
		await counted(reads, state('sub-evicted'));
		for (let index = 0; index < 1_000; index++) await counted(reads, state(`sub-newer-${index}`));
		const before = reads.count;
		await counted(reads, state('sub-newer-999'));
		expect(reads.count).toBe(before);
		await counted(reads, state('sub-evicted'));
		expect(reads.count).toBe(before + 1);
	});

	it('happens again after ten minutes', async () => {
		const start = Date.now();
		const now = jest.spyOn(Date, 'now').mockReturnValue(start);
		const reads = { count: 0 };
		await counted(reads, state('sub-aged'));
		now.mockReturnValue(start + 9 * 60_000);
		await counted(reads, state('sub-aged'));
		expect(reads.count).toBe(1);
		now.mockReturnValue(start + 11 * 60_000);
		await counted(reads, state('sub-aged'));
		expect(reads.count).toBe(2);
	});
});
