import nock from 'nock';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import {
	checkExists,
	create,
	deleteSubscription,
	readState,
} from '../../../nodes/ArgyleTrigger/subscription';
import { useNock } from '../helpers/nock';
import { TEST_CREDENTIALS } from '../helpers/context';
import { page, subscription } from '../helpers/argyle';
import { deriveWebhookSecret } from '../../../nodes/ArgyleTrigger/signature';
import { API_BASE } from '../helpers/context';
import { api, AUTH, expectCreate, listing, NODE, ours, SECRET, secretsIn, trigger, URL_PROD, URL_TEST, WORKFLOW } from './lifecycle-fixtures';

useNock();

describe('create', () => {
	it('registers the selected events with name, URL and the derived secret, and stores no secret', async () => {
		const ctx = trigger();
		let sent: Record<string, unknown> = {};
		api()
			.post('/v2/webhooks', (body) => {
				sent = body;
				return true;
			})
			.basicAuth(AUTH)
			.reply(200, ours({ id: 'sub-new' }));

		await expect(create.call(ctx)).resolves.toBe(true);

		expect(sent).toEqual({
			events: ['accounts.connected', 'accounts.failed'],
			name: 'n8n: Payroll alerts',
			url: URL_PROD,
			secret: SECRET,
		});
		expect(readState(ctx)).toEqual({
			id: 'sub-new',
			url: URL_PROD,
			events: ['accounts.connected', 'accounts.failed'],
			apiVersion: 'v2',
		});
		expect(JSON.stringify(ctx.staticData)).not.toContain(SECRET);
	});

	it('accepts any 2xx, e.g. 201', async () => {
		const ctx = trigger();
		api().post('/v2/webhooks').reply(201, ours({ id: 'sub-201' }));
		await create.call(ctx);
		expect(readState(ctx)?.id).toBe('sub-201');
	});

	it('asks for the account object and uses the custom name', async () => {
		const ctx = trigger({
			parameters: {
				events: ['accounts.added'],
				options: { includeResource: true, subscriptionName: '  Payroll prod  ' },
			},
		});
		expectCreate({ events: ['accounts.added'], name: 'Payroll prod', config: { include_resource: true } }, 'sub-2');
		await create.call(ctx);
	});

	it('adds accounts.updated with the account object for Account Disconnected Only', async () => {
		const ctx = trigger({
			parameters: { events: ['accounts.failed'], options: { disconnectedOnly: true } },
		});
		expectCreate({ events: ['accounts.failed', 'accounts.updated'], name: 'n8n: Payroll alerts', config: { include_resource: true } }, 'sub-3');
		await create.call(ctx);
		expect(readState(ctx)?.events).toEqual(['accounts.failed', 'accounts.updated']);
	});

	it('uses /v1/webhooks and the v1-only events for the legacy API', async () => {
		const ctx = trigger({
			parameters: { apiVersion: 'v1', events: ['accounts.pay_distribution_failed'] },
		});
		api()
			.post('/v1/webhooks', (body) => body.events[0] === 'accounts.pay_distribution_failed')
			.reply(200, ours({ id: 'sub-v1' }));
		await create.call(ctx);
		expect(readState(ctx)).toMatchObject({ id: 'sub-v1', apiVersion: 'v1' });
	});

	it('gives the test URL its own secret', async () => {
		const ctx = trigger({ webhookUrl: URL_TEST, mode: 'manual', activationMode: 'manual' });
		const testSecret = deriveWebhookSecret(TEST_CREDENTIALS.apiKeySecret, WORKFLOW.id, NODE.id, URL_TEST);
		api()
			.post('/v2/webhooks', (body) => body.url === URL_TEST && body.secret === testSecret)
			.reply(200, ours({ id: 'sub-test', url: URL_TEST }));
		await create.call(ctx);
		expect(testSecret).not.toBe(SECRET);
	});

	it('fails with a message about the keys and the environment on 401, without secrets', async () => {
		const ctx = trigger();
		api().post('/v2/webhooks').reply(401, { detail: 'Invalid username/password.' });
		const error = await create.call(ctx).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe(
			'Argyle rejected the API key (401) while trying to create the webhook subscription',
		);
		expect((error as NodeApiError).description).toContain('Invalid username/password.');
		expect((error as NodeApiError).description).toContain('Sandbox keys only work with');
		expect((error as NodeApiError).httpCode).toBe('401');
		expect(secretsIn(error)).toBe(false);
		expect(readState(ctx)).toBeUndefined();
		expect(sleep).not.toHaveBeenCalled();
	});

	it('shows Argyle\'s field messages on 400', async () => {
		api().post('/v2/webhooks').reply(400, { url: ['Enter a valid URL.'], secret: [SECRET] });
		const error = (await create.call(trigger()).catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe(
			'Argyle rejected the request (400) to create the webhook subscription: url: Enter a valid URL.',
		);
		expect(secretsIn(error)).toBe(false);
	});

	it('retries 429 after the Retry-After delay without listing first', async () => {
		const ctx = trigger();
		api().post('/v2/webhooks').reply(429, { detail: 'Slow down.' }, { 'Retry-After': '7' });
		api().post('/v2/webhooks').reply(200, ours({ id: 'sub-after-429' }));
		await create.call(ctx);
		expect(sleep).toHaveBeenCalledWith(7000);
		expect(readState(ctx)?.id).toBe('sub-after-429');
	});

	it('after a 500, adopts the subscription Argyle stored anyway instead of posting a duplicate', async () => {
		const ctx = trigger();
		api().post('/v2/webhooks').reply(500, { detail: 'Server Error' });
		listing([ours({ id: 'sub-stored-anyway' })]);
		await create.call(ctx);
		expect(readState(ctx)?.id).toBe('sub-stored-anyway');
		expect(sleep).toHaveBeenCalledWith(1000);
	});

	it('after a 502 with nothing stored, posts again', async () => {
		const ctx = trigger();
		api().post('/v2/webhooks').reply(502, 'Bad Gateway');
		listing([ours({ id: 'not-ours', secret: 'x' })]);
		api().post('/v2/webhooks').reply(200, ours({ id: 'sub-second-try' }));
		await create.call(ctx);
		expect(readState(ctx)?.id).toBe('sub-second-try');
	});

	it('fails loudly when Argyle keeps failing, after bounded retries', async () => {
		const ctx = trigger();
		api().post('/v2/webhooks').times(5).reply(503, { detail: 'Unavailable' });
		api().get('/v2/webhooks').query({ limit: 200 }).times(4).reply(200, page([]));
		const error = (await create.call(ctx).catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe(
			'Argyle failed (HTTP 503) to create the webhook subscription after 5 attempts',
		);
		expect(jest.mocked(sleep).mock.calls.map(([ms]) => ms)).toEqual([1000, 2000, 4000, 8000]);
	});

	it('fails when Argyle accepts but returns no id', async () => {
		api().post('/v2/webhooks').reply(204);
		const error = (await create.call(trigger()).catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Argyle accepted the webhook subscription but returned no id');
	});

	it.each([
		['http://n8n.example.com/webhook/wh-1/webhook', 'it is not HTTPS'],
		['https://localhost:5678/webhook/wh-1/webhook', 'localhost is this machine'],
		['https://192.168.1.20/webhook/wh-1/webhook', 'private or loopback'],
	])('refuses %s in the sandbox environment, pointing at WEBHOOK_URL', async (url, reason) => {
		const ctx = trigger({ webhookUrl: url, credentials: { ...TEST_CREDENTIALS, environment: 'sandbox' } });
		const error = (await create.call(ctx).catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(reason);
		expect(error.message).toContain(url);
		expect(error.description).toContain('WEBHOOK_URL');
	});

	it('allows a loopback URL in the custom environment (local simulator)', async () => {
		const ctx = trigger({ webhookUrl: 'http://127.0.0.1:5678/webhook/wh-1/webhook' });
		api().post('/v2/webhooks').reply(200, ours({ id: 'sub-local' }));
		await create.call(ctx);
		expect(readState(ctx)?.id).toBe('sub-local');
	});

	it('uses the production host for the production environment', async () => {
		const ctx = trigger({ credentials: { ...TEST_CREDENTIALS, environment: 'production', baseUrl: '' } });
		nock('https://api.argyle.com').post('/v2/webhooks').reply(200, ours({ id: 'sub-prod' }));
		await create.call(ctx);
		expect(readState(ctx)?.id).toBe('sub-prod');
	});

	it('refuses to subscribe to nothing', async () => {
		const ctx = trigger({ parameters: { events: [] } });
		await expect(create.call(ctx)).rejects.toThrow('Select at least one event');
	});

	it('explains a custom environment without a base URL', async () => {
		const ctx = trigger({ credentials: { ...TEST_CREDENTIALS, baseUrl: '' } });
		await expect(create.call(ctx)).rejects.toThrow('The Argyle API credential has no valid Base URL');
	});
});

describe('checkExists', () => {
	it('answers false when Argyle has nothing for our URL, touching nothing else', async () => {
		const ctx = trigger();
		api()
			.get('/v2/webhooks')
			.query({ limit: 200 })
			.basicAuth(AUTH)
			.reply(200, page([subscription(), subscription({ url: URL_TEST })]));
		await expect(checkExists.call(ctx)).resolves.toBe(false);
		expect(readState(ctx)).toBeUndefined();
	});

	it('follows next over three pages, finds ours on the last one and re-stores its id', async () => {
		const ctx = trigger();
		// Argyle's next URLs are absolute and name Argyle's host; only their query is reused.
		listing([subscription()], 'https://api-sandbox.argyle.com/v2/webhooks?cursor=p2&limit=200');
		api()
			.get('/v2/webhooks')
			.query({ cursor: 'p2', limit: 200 })
			.reply(200, page([subscription()], 'https://api-sandbox.argyle.com/v2/webhooks?cursor=p3&limit=200'));
		api()
			.get('/v2/webhooks')
			.query({ cursor: 'p3', limit: 200 })
			.reply(200, page([ours({ id: 'sub-page3', events: ['accounts.failed', 'accounts.connected'] })]));
		await expect(checkExists.call(ctx)).resolves.toBe(true);
		expect(readState(ctx)).toEqual({
			id: 'sub-page3',
			url: URL_PROD,
			events: ['accounts.connected', 'accounts.failed'],
			apiVersion: 'v2',
		});
	});

	it('keeps one of several identical duplicates and deletes the rest and the outdated ones', async () => {
		const ctx = trigger();
		listing([
			ours({ id: 'dup-1' }),
			subscription({ id: 'foreign', url: 'https://other.example.com/hook' }),
			ours({ id: 'dup-2' }),
			ours({ id: 'old-events', events: ['accounts.added'] }),
		]);
		api().delete('/v2/webhooks/dup-2').reply(204);
		api().delete('/v2/webhooks/old-events').reply(204);
		await expect(checkExists.call(ctx)).resolves.toBe(true);
		expect(readState(ctx)?.id).toBe('dup-1');
		expect(ctx.logs).toContainEqual({
			level: 'info',
			message: `Argyle Trigger: removed 2 outdated webhook subscription(s) for ${URL_PROD}`,
		});
	});

	it.each([
		['the events changed', { events: ['accounts.failed'] }],
		['the API key was rotated (other secret)', { secret: 'derived-from-the-old-key' }],
		['Argyle does not return the secret', { secret: undefined }],
		['the account-object setting changed', { config: { include_resource: true } }],
		['the subscription name changed', { name: 'n8n: Old workflow name' }],
	])('deletes ours and answers false when %s', async (_label, difference) => {
		const ctx = trigger();
		ctx.staticData.argyleSubscription = {
			id: 'sub-old',
			url: URL_PROD,
			events: ['accounts.failed'],
			apiVersion: 'v2',
		};
		listing([ours({ id: 'sub-old', ...difference })]);
		api().delete('/v2/webhooks/sub-old').reply(204);
		await expect(checkExists.call(ctx)).resolves.toBe(false);
		expect(readState(ctx)).toBeUndefined();
	});

	it('treats include_resource false and a missing config alike', async () => {
		const ctx = trigger();
		listing([ours({ id: 'sub-cfg', config: null, events: 'accounts.connected' as never })]);
		api().delete('/v2/webhooks/sub-cfg').reply(204);
		// events as a bare string is only one event: a mismatch here, but it must not crash.
		await expect(checkExists.call(ctx)).resolves.toBe(false);
	});

	it('removes the subscription of the earlier public URL when WEBHOOK_URL changed', async () => {
		const ctx = trigger();
		const oldUrl = 'https://old-n8n.example.org/webhook/wh-1/webhook';
		ctx.staticData.argyleSubscription = { id: 'sub-oldurl', url: oldUrl, events: [], apiVersion: 'v2' };
		listing([
			subscription({ id: 'sub-oldurl', url: oldUrl }),
			subscription({ id: 'test-one', url: URL_TEST }),
		]);
		api().delete('/v2/webhooks/sub-oldurl').reply(204);
		await expect(checkExists.call(ctx)).resolves.toBe(false);
	});

	it('leaves the production subscription alone while registering the test URL', async () => {
		const ctx = trigger({ webhookUrl: URL_TEST, mode: 'manual' });
		ctx.staticData.argyleSubscription = { id: 'sub-prod', url: URL_PROD, events: [], apiVersion: 'v2' };
		listing([ours({ id: 'sub-prod' })]);
		await expect(checkExists.call(ctx)).resolves.toBe(false);
	});

	it('removes the old version\'s subscription when the API version was switched', async () => {
		const ctx = trigger({ parameters: { apiVersion: 'v1', events: ['accounts.failed'] } });
		ctx.staticData.argyleSubscription = { id: 'sub-v2', url: URL_PROD, events: [], apiVersion: 'v2' };
		api().delete('/v2/webhooks/sub-v2').reply(404, { detail: 'Not found.' });
		api().get('/v1/webhooks').query({ limit: 200 }).reply(200, page([]));
		await expect(checkExists.call(ctx)).resolves.toBe(false);
	});

	it('fails loudly on 401 while listing, with Argyle\'s words and no secrets', async () => {
		api().get('/v2/webhooks').query({ limit: 200 }).reply(401, { detail: 'Invalid environment.' });
		const error = (await checkExists.call(trigger()).catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe(
			'Argyle rejected the API key (401) while trying to list the webhook subscriptions',
		);
		expect(error.description).toContain('Invalid environment.');
		expect(secretsIn(error)).toBe(false);
	});

	it('rejects a list answer without results', async () => {
		api().get('/v2/webhooks').query({ limit: 200 }).reply(200, '<html>proxy login</html>');
		await expect(checkExists.call(trigger())).rejects.toThrow(
			'Argyle returned an unexpected answer while trying to list the webhook subscriptions',
		);
	});
});

describe('delete', () => {
	const stored = { id: 'sub-9', url: URL_PROD, events: ['accounts.failed'], apiVersion: 'v2' };

	it('deletes the stored subscription and clears the state', async () => {
		const ctx = trigger();
		ctx.staticData.argyleSubscription = { ...stored };
		api().delete('/v2/webhooks/sub-9').basicAuth(AUTH).reply(204);
		await expect(deleteSubscription.call(ctx)).resolves.toBe(true);
		expect(ctx.staticData).toEqual({});
	});

	it('treats 404 as already gone', async () => {
		const ctx = trigger();
		ctx.staticData.argyleSubscription = { ...stored };
		api().delete('/v2/webhooks/sub-9').reply(404, { detail: 'Not found.' });
		await expect(deleteSubscription.call(ctx)).resolves.toBe(true);
		expect(ctx.staticData).toEqual({});
	});

	it('uses the stored API version even if the parameter changed since', async () => {
		const ctx = trigger({ parameters: { apiVersion: 'v1', events: ['accounts.failed'] } });
		ctx.staticData.argyleSubscription = { ...stored };
		api().delete('/v2/webhooks/sub-9').reply(204);
		await expect(deleteSubscription.call(ctx)).resolves.toBe(true);
	});

	it('never fails deactivation: logs a persistent failure, clears state, answers false', async () => {
		const ctx = trigger();
		ctx.staticData.argyleSubscription = { ...stored };
		api().delete('/v2/webhooks/sub-9').times(3).reply(500, { detail: 'boom' });
		await expect(deleteSubscription.call(ctx)).resolves.toBe(false);
		expect(ctx.staticData).toEqual({});
		expect(ctx.logs).toHaveLength(1);
		expect(ctx.logs[0].level).toBe('warn');
		expect(ctx.logs[0].message).toContain('could not delete the webhook subscription sub-9');
		expect(ctx.logs[0].message).not.toContain(TEST_CREDENTIALS.apiKeySecret);
		expect(jest.mocked(sleep).mock.calls.map(([ms]) => ms)).toEqual([500, 1000]);
	});

	it('without stored state, finds ours by URL and deletes only those', async () => {
		const ctx = trigger();
		listing([ours({ id: 'lost-1' }), subscription({ id: 'foreign' }), ours({ id: 'lost-2' })]);
		api().delete('/v2/webhooks/lost-1').reply(204);
		api().delete('/v2/webhooks/lost-2').reply(404);
		await expect(deleteSubscription.call(ctx)).resolves.toBe(true);
	});

	it('does not throw when the credential is unusable', async () => {
		const ctx = trigger({ credentials: { ...TEST_CREDENTIALS, baseUrl: 'not a url' } });
		ctx.staticData.argyleSubscription = { ...stored };
		await expect(deleteSubscription.call(ctx)).resolves.toBe(false);
		expect(ctx.logs[0].message).toContain('no valid Base URL');
		expect(ctx.staticData).toEqual({});
	});
});

describe('ArgyleTrigger.webhookMethods', () => {
	it('runs checkExists, create and delete through the node class', async () => {
		const { ArgyleTrigger } = await import('../../../nodes/ArgyleTrigger/ArgyleTrigger.node');
		const methods = new ArgyleTrigger().webhookMethods.default;
		const ctx = trigger();
		listing([]);
		api().post('/v2/webhooks').reply(200, ours({ id: 'sub-wired' }));
		api().delete('/v2/webhooks/sub-wired').reply(204);
		expect(await methods.checkExists.call(ctx)).toBe(false);
		expect(await methods.create.call(ctx)).toBe(true);
		expect(await methods.delete.call(ctx)).toBe(true);
		expect(ctx.staticData).toEqual({});
	});
});
