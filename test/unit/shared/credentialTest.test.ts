/**
 * "Test credential": the function both nodes name with testedBy, with the helper n8n-core's
 * CredentialTestContext gives it (its legacy request over axios, so nock sees the call). The context
 * itself is not built: it would start n8n-core's SSH-client sweeper, which keeps jest from exiting.
 */
import nock from 'nock';
import type { ICredentialsDecrypted, ICredentialTestFunctions } from 'n8n-workflow';
import { proxyRequestToAxios } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';

import { argyleApiTest, verdict } from '../../../nodes/shared/credentialTest';
import { API_BASE, TEST_CREDENTIALS } from '../helpers/context';
import { useNock } from '../helpers/nock';

useNock();

const context = () =>
	({
		helpers: { request: async (options: object) => await proxyRequestToAxios(undefined, undefined, undefined, options) },
	}) as unknown as ICredentialTestFunctions;
const run = (data: Record<string, unknown> = TEST_CREDENTIALS) =>
	argyleApiTest.call(context(), { id: 'c1', name: 'Argyle', type: 'argyleApi', data } as ICredentialsDecrypted);

describe('Argyle API credential test', () => {
	it('reads one user with Basic auth at the chosen environment and says the connection works', async () => {
		nock(API_BASE)
			.get('/v2/users')
			.query({ limit: 1 })
			.basicAuth({ user: TEST_CREDENTIALS.apiKeyId, pass: TEST_CREDENTIALS.apiKeySecret })
			.reply(200, { next: null, previous: null, results: [] });
		await expect(run()).resolves.toEqual({ status: 'OK', message: 'Connection successful' });
	});

	it('goes to the Sandbox or Production host for those environments', async () => {
		nock('https://api-sandbox.argyle.com').get('/v2/users').query(true).reply(200, { results: [] });
		await expect(run({ ...TEST_CREDENTIALS, environment: 'sandbox', baseUrl: 'ignored' })).resolves.toMatchObject({ status: 'OK' });
		nock('https://api.argyle.com').get('/v2/users').query(true).reply(200, { results: [] });
		await expect(run({ ...TEST_CREDENTIALS, environment: 'production' })).resolves.toMatchObject({ status: 'OK' });
	});

	it.each([
		[401, { detail: 'Invalid environment.' }, 'Argyle rejected the API key (401: "Invalid environment."). Check the API key ID and secret, and that Environment matches the key'],
		[403, { detail: 'Forbidden.' }, 'Argyle accepted the API key but refused access (403: "Forbidden."). Check the key\'s permissions'],
		[404, '', `No Argyle API at ${API_BASE} (404 for /v2/users). With the Custom environment, set Base URL to the API root without /v2.`],
		[502, '', `Argyle answered HTTP 502 at ${API_BASE}. Try again later, or check Base URL.`],
	])('answers %i with what to fix', async (status, body, message) => {
		nock(API_BASE).get('/v2/users').query(true).reply(status, body);
		const result = await run();
		expect(result.status).toBe('Error');
		expect(result.message).toContain(message);
		expect(result.message).not.toContain(TEST_CREDENTIALS.apiKeySecret);
	});

	it('says where it could not connect, and why, instead of a bare ECONNREFUSED', async () => {
		// a real refused connection: a closed port on loopback
		nock.enableNetConnect('127.0.0.1');
		try {
			await expect(run({ ...TEST_CREDENTIALS, baseUrl: 'http://127.0.0.1:1/' })).resolves.toEqual({
				status: 'Error',
				message:
					'Could not reach Argyle at http://127.0.0.1:1: the connection was refused (nothing listens there). Check Environment (and, for Custom, Base URL) and that n8n can reach that host.',
			});
		} finally {
			nock.disableNetConnect();
		}
	});

	it('asks for a Base URL before calling anything when Custom has none', async () => {
		await expect(run({ ...TEST_CREDENTIALS, baseUrl: 'argyle.internal' })).resolves.toMatchObject({
			status: 'Error',
			message: expect.stringContaining('Set Base URL to the API root'),
		});
	});

	it('names network failures it knows and passes others on', () => {
		expect(verdict('https://x', { networkCode: 'ENOTFOUND' }).message).toContain('the host name could not be resolved');
		expect(verdict('https://x', { networkCode: 'EWHATEVER' }).message).toContain('EWHATEVER occurred');
	});
});
