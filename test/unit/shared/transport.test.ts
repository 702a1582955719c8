import nock from 'nock';
import { NodeApiError, sleep } from 'n8n-workflow';

import {
	argyleErrorDetail,
	argyleRequest,
	argyleRequestAllPages,
	nextPageQuery,
	parseRetryAfter,
	retryDelayMs,
	DEFAULT_RETRY,
} from '../../../nodes/shared/transport';
import { useNock } from '../helpers/nock';
import { API_BASE, hookContext, TEST_CREDENTIALS } from '../helpers/context';
import { page } from '../helpers/argyle';

useNock();

const get = (path = '/v2/users') => ({ method: 'GET' as const, path });

describe('argyleRequest', () => {
	it('sends Basic auth from the credential to the custom base URL', async () => {
		nock(API_BASE)
			.get('/v2/users')
			.query({ limit: 1 })
			.basicAuth({ user: TEST_CREDENTIALS.apiKeyId, pass: TEST_CREDENTIALS.apiKeySecret })
			.reply(200, { results: [] });
		const response = await argyleRequest(hookContext(), { ...get(), qs: { limit: 1 } }, { action: 'x' });
		expect(response).toMatchObject({ statusCode: 200, body: { results: [] } });
	});

	it('uses the sandbox host by default and strips a trailing slash from custom URLs', async () => {
		nock('https://api-sandbox.argyle.com').get('/v2/users').reply(200, {});
		await argyleRequest(hookContext({ credentials: { ...TEST_CREDENTIALS, environment: 'sandbox' } }), get(), { action: 'x' });
		nock('https://proxy.example.com').get('/argyle/v2/users').reply(200, {});
		await argyleRequest(
			hookContext({ credentials: { ...TEST_CREDENTIALS, baseUrl: 'https://proxy.example.com/argyle///' } }),
			get(),
			{ action: 'x' },
		);
	});

	it('returns accepted non-2xx statuses to the caller', async () => {
		nock(API_BASE).delete('/v2/webhooks/w').reply(404, { detail: 'Not found.' });
		const response = await argyleRequest(
			hookContext(),
			{ method: 'DELETE', path: '/v2/webhooks/w' },
			{ action: 'x', accept: [404] },
		);
		expect(response.statusCode).toBe(404);
	});

	it('onlyRetryRateLimits (creates): a network failure or 5xx is final, a 429 is retried', async () => {
		const post = { method: 'POST' as const, path: '/v2/users', body: { external_id: 'x' } };
		nock.enableNetConnect('127.0.0.1');
		const unreachable = hookContext({ credentials: { ...TEST_CREDENTIALS, baseUrl: 'http://127.0.0.1:1' } });
		const network = (await argyleRequest(unreachable, post, { action: 'create a user', onlyRetryRateLimits: true })
			.catch((e) => e)
			.finally(() => nock.disableNetConnect())) as NodeApiError;
		nock(API_BASE).post('/v2/users').reply(503, {});
		const outage = (await argyleRequest(hookContext(), post, { action: 'create a user', onlyRetryRateLimits: true }).catch(
			(e) => e,
		)) as NodeApiError;
		expect(jest.mocked(sleep)).not.toHaveBeenCalled();
		expect(network.message).toBe('Could not reach Argyle at http://127.0.0.1:1 to create a user: the connection was refused');
		expect(outage.message).toBe('Argyle failed (HTTP 503) to create a user');
		nock(API_BASE).post('/v2/users').reply(429, {});
		nock(API_BASE).post('/v2/users').reply(201, { id: 'u' });
		const created = await argyleRequest(hookContext(), post, { action: 'create a user', onlyRetryRateLimits: true });
		expect(created).toMatchObject({ statusCode: 201, body: { id: 'u' } });
		expect(jest.mocked(sleep)).toHaveBeenCalledTimes(1);
	});

	it('honours Retry-After given as an HTTP date', async () => {
		const date = new Date(Date.now() + 3000).toUTCString();
		nock(API_BASE).get('/v2/users').reply(429, {}, { 'Retry-After': date });
		nock(API_BASE).get('/v2/users').reply(200, {});
		await argyleRequest(hookContext(), get(), { action: 'x' });
		const waited = jest.mocked(sleep).mock.calls[0][0];
		expect(waited).toBeGreaterThan(1000);
		expect(waited).toBeLessThanOrEqual(3000);
	});

	it('caps a long Retry-After and stops when the retry budget is spent', async () => {
		nock(API_BASE).get('/v2/users').times(3).reply(429, { detail: 'Request was throttled.' }, { 'Retry-After': '3600' });
		const error = (await argyleRequest(hookContext(), get(), { action: 'list users' }).catch((e) => e)) as NodeApiError;
		expect(jest.mocked(sleep).mock.calls.map(([ms]) => ms)).toEqual([30000, 30000]);
		expect(error.message).toBe('Argyle kept rate-limiting (429) the request to list users after 3 attempts');
		expect(error.description).toContain('Request was throttled.');
	});

	it.each([
		[403, { detail: 'You do not have permission.' }, 'Argyle refused (403) to let this API key get it'],
		[404, { detail: 'Not found.' }, 'Argyle found nothing (404) while trying to get it'],
		[422, { user: ['Unknown user.'] }, 'Argyle rejected the request (422) to get it: user: Unknown user.'],
		[418, 'teapot', 'Argyle answered HTTP 418 while trying to get it'],
	])('explains HTTP %s', async (status, body, message) => {
		nock(API_BASE).get('/v2/users').reply(status, body as never);
		const error = (await argyleRequest(hookContext(), get(), { action: 'get it' }).catch((e) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(message);
		expect(error.httpCode).toBe(String(status));
		expect(sleep).not.toHaveBeenCalled();
	});

	it('explains an unreachable host without leaking the key, after retrying', async () => {
		nock.enableNetConnect('127.0.0.1');
		try {
			const ctx = hookContext({ credentials: { ...TEST_CREDENTIALS, baseUrl: 'http://127.0.0.1:1' } });
			const error = (await argyleRequest(ctx, get(), { action: 'list users' }).catch((e) => e)) as NodeApiError;
			expect(error.message).toBe(
				'Could not reach Argyle at http://127.0.0.1:1 to list users: the connection was refused after 5 attempts',
			);
			expect(error.description).toContain('ECONNREFUSED');
			expect(JSON.stringify(error)).not.toContain(TEST_CREDENTIALS.apiKeySecret);
			expect(sleep).toHaveBeenCalledTimes(4);
		} finally {
			nock.disableNetConnect();
		}
	});
});

describe('argyleRequestAllPages', () => {
	it('follows next and honours a limit', async () => {
		nock(API_BASE).get('/v2/accounts').query({ user: 'u', limit: 200 }).reply(200, page([1, 2], `${API_BASE}/v2/accounts?cursor=c2&user=u&limit=200`));
		nock(API_BASE).get('/v2/accounts').query({ cursor: 'c2', user: 'u', limit: 200 }).reply(200, page([3, 4], `${API_BASE}/v2/accounts?cursor=c3&user=u&limit=200`));
		const results = await argyleRequestAllPages(hookContext(), '/v2/accounts', { user: 'u' }, { action: 'x', limit: 3 });
		expect(results).toEqual([1, 2, 3]);
	});

	it('stops when Argyle hands out the same cursor again', async () => {
		nock(API_BASE).get('/v2/accounts').query({ limit: 200 }).reply(200, page([1], `${API_BASE}/v2/accounts?cursor=same`));
		nock(API_BASE).get('/v2/accounts').query({ cursor: 'same' }).reply(200, page([2], `${API_BASE}/v2/accounts?cursor=same`));
		const results = await argyleRequestAllPages(hookContext(), '/v2/accounts', {}, { action: 'x' });
		expect(results).toEqual([1, 2]);
	});
});

describe('helpers', () => {
	it('reads Retry-After in seconds, as a date, or not at all', () => {
		expect(parseRetryAfter('2')).toBe(2000);
		expect(parseRetryAfter(['1.5'])).toBe(1500);
		expect(parseRetryAfter(7)).toBe(7000);
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:58 GMT'))).toBe(2000);
		expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 08:00:00 GMT'))).toBe(0);
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter(undefined)).toBeUndefined();
	});

	it('backs off exponentially up to the cap', () => {
		expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, undefined, DEFAULT_RETRY))).toEqual([
			1000, 2000, 4000, 8000, 16000, 30000,
		]);
		expect(retryDelayMs(1, 5000, DEFAULT_RETRY)).toBe(5000);
	});

	it('keeps only the query of a next URL', () => {
		expect(nextPageQuery('https://api.argyle.com/v2/webhooks?cursor=abc&limit=200')).toEqual({ cursor: 'abc', limit: '200' });
		expect(nextPageQuery('/v2/webhooks?cursor=x')).toEqual({ cursor: 'x' });
		expect(nextPageQuery('https://api.argyle.com/v2/webhooks')).toBeUndefined();
		expect(nextPageQuery(null)).toBeUndefined();
		expect(nextPageQuery('http://[bad')).toBeUndefined();
	});

	it('finds Argyle\'s words in an error body and never repeats a secret', () => {
		expect(argyleErrorDetail({ detail: 'Invalid username/password.' })).toBe('Invalid username/password.');
		expect(argyleErrorDetail({ message: 'm' })).toBe('m');
		expect(argyleErrorDetail({ events: ['"x" is not a valid choice.'], secret: ['s3cr3t'] })).toBe(
			'events: "x" is not a valid choice.',
		);
		expect(argyleErrorDetail({ nested: { a: 1 } })).toBe('nested: {"a":1}');
		expect(argyleErrorDetail('plain text')).toBe('plain text');
		expect(argyleErrorDetail(42)).toBe('42');
		expect(argyleErrorDetail('')).toBeUndefined();
		expect(argyleErrorDetail({})).toBeUndefined();
	});
});
