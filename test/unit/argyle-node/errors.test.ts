/**
 * Failure handling shared by every operation: retries on 429, messages that say what to fix,
 * Continue On Fail, and the item index on errors that stop the run.
 */
import { sleep } from 'n8n-workflow';

import { ARGYLE_BASE_URLS } from '../../../nodes/shared/environment';
import { TEST_CREDENTIALS } from '../helpers/context';
import {
	accountItems,
	argyleApi,
	fromItem,
	runArgyle,
	runArgyleExpectingError,
	useNock,
} from './harness';
import { account } from './fixtures';

const sleepMock = sleep as jest.MockedFunction<typeof sleep>;

useNock();

describe('rate limits and outages', () => {
	it('waits for Retry-After on 429, then succeeds', async () => {
		argyleApi()
			.delete('/v2/accounts/acc-1')
			.reply(429, { detail: 'Request was throttled.' }, { 'Retry-After': '7' });
		argyleApi().delete('/v2/accounts/acc-1').reply(204);

		const { output } = await runArgyle({ resource: 'account', operation: 'delete', accountId: 'acc-1' });

		expect(sleepMock).toHaveBeenCalledTimes(1);
		expect(sleepMock).toHaveBeenCalledWith(7000);
		expect(output).toEqual([{ json: { id: 'acc-1', deleted: true }, pairedItem: { item: 0 } }]);
	});

	it('retries a 429 in the middle of Get Many pagination and keeps the page', async () => {
		argyleApi()
			.get('/v2/accounts')
			.query({ limit: '200' })
			.reply(200, { next: 'https://api.argyle.com/v2/accounts?cursor=2&limit=200', results: [account('a-1')] });
		argyleApi()
			.get('/v2/accounts')
			.query({ cursor: '2', limit: '200' })
			.reply(429, {}, { 'Retry-After': '2' });
		argyleApi()
			.get('/v2/accounts')
			.query({ cursor: '2', limit: '200' })
			.reply(200, { next: null, results: [account('a-2')] });

		const { output } = await runArgyle({ resource: 'account', operation: 'getAll', returnAll: true });

		expect(sleepMock).toHaveBeenCalledWith(2000);
		expect(output.map((item) => item.json.id)).toEqual(['a-1', 'a-2']);
	});

	it('gives up after the retries and says so', async () => {
		argyleApi().get('/v2/accounts/acc-1').times(5).reply(503, { detail: 'Service unavailable' });

		const error = await runArgyleExpectingError({ resource: 'account', operation: 'get', accountId: 'acc-1' });

		expect(sleepMock).toHaveBeenCalledTimes(4);
		expect(error.message).toBe('Argyle failed (HTTP 503) to get account acc-1 after 5 attempts');
		expect(error.context.itemIndex).toBe(0);
	});
});

describe('messages that say what to fix', () => {
	it('401 names the Argyle API credential and the environment mismatch, without retrying', async () => {
		argyleApi().delete('/v2/accounts/acc-1').reply(401, { detail: 'Invalid environment.' });

		const error = await runArgyleExpectingError({ resource: 'account', operation: 'delete', accountId: 'acc-1' });

		expect(sleepMock).not.toHaveBeenCalled();
		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe('Argyle rejected the API key (401) while trying to delete account acc-1');
		expect(error.description).toContain('Argyle API credential');
		expect(error.description).toContain(ARGYLE_BASE_URLS.sandbox);
		expect(error.description).toContain('Argyle said: "Invalid environment."');
		expect(error.httpCode).toBe('401');
		// The secret never ends up in what n8n shows or stores.
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain(
			TEST_CREDENTIALS.apiKeySecret,
		);
	});

	it('400 field messages are shown', async () => {
		argyleApi()
			.get('/v2/accounts')
			.query({ ongoing_refresh_status: 'sometimes', limit: '50' })
			.reply(400, { ongoing_refresh_status: ['Select a valid choice.'] });

		const error = await runArgyleExpectingError({
			resource: 'account',
			operation: 'getAll',
			limit: 50,
			filters: { ongoingRefreshStatus: 'sometimes' },
		});

		expect(error.message).toBe(
			'Argyle rejected the request (400) to list accounts: ongoing_refresh_status: Select a valid choice.',
		);
	});

	it('a missing credential becomes a node error for the item', async () => {
		const error = await runArgyleExpectingError(
			{ resource: 'account', operation: 'get', accountId: 'acc-1' },
			{ credentials: null },
		);

		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toContain('does not have any credentials set');
		expect(error.context.itemIndex).toBe(0);
	});

	it('an unknown resource or operation is a configuration error', async () => {
		const unknownOperation = await runArgyleExpectingError({ resource: 'account', operation: 'create' });
		const unknownResource = await runArgyleExpectingError({ resource: 'invoice', operation: 'get' });
		const inherited = await runArgyleExpectingError({ resource: 'account', operation: 'constructor' });

		expect(unknownOperation.message).toBe(
			'The operation "create" is not supported for the resource "account"',
		);
		expect(unknownResource.message).toBe('The operation "get" is not supported for the resource "invoice"');
		expect(inherited.message).toBe(
			'The operation "constructor" is not supported for the resource "account"',
		);
	});
});

describe('Continue On Fail', () => {
	it('outputs an error item per failed input and carries on with the rest, all paired', async () => {
		const items = [...accountItems('ok-1', 'gone', 'ok-2', 'denied'), { json: {} }];
		argyleApi().delete('/v2/accounts/ok-1').reply(204);
		argyleApi().delete('/v2/accounts/gone').reply(404, { detail: 'Not found.' });
		argyleApi().delete('/v2/accounts/ok-2').reply(204);
		argyleApi().delete('/v2/accounts/denied').reply(403, { detail: 'Forbidden.' });

		const { output } = await runArgyle(
			{ resource: 'account', operation: 'delete', accountId: fromItem(items, 'account') },
			{ items, continueOnFail: true },
		);

		expect(output).toEqual([
			{ json: { id: 'ok-1', deleted: true }, pairedItem: { item: 0 } },
			{
				json: { error: 'Argyle found nothing (404) while trying to delete account gone' },
				pairedItem: { item: 1 },
			},
			{ json: { id: 'ok-2', deleted: true }, pairedItem: { item: 2 } },
			{
				json: { error: 'Argyle refused (403) to let this API key delete account denied' },
				pairedItem: { item: 3 },
			},
			{ json: { error: 'No Account ID given for item 4' }, pairedItem: { item: 4 } },
		]);
	});

	it('without it, the first failure stops the run and names the failing item', async () => {
		const items = accountItems('ok-1', 'gone', 'never-called');
		argyleApi().delete('/v2/accounts/ok-1').reply(204);
		argyleApi().delete('/v2/accounts/gone').reply(404, { detail: 'Not found.' });

		const error = await runArgyleExpectingError(
			{ resource: 'account', operation: 'delete', accountId: fromItem(items, 'account') },
			{ items },
		);

		expect(error.message).toBe('Argyle found nothing (404) while trying to delete account gone');
		expect(error.context.itemIndex).toBe(1);
	});

	it('a non-Error failure still yields a readable error item', async () => {
		const { output } = await runArgyle(
			{
				resource: 'account',
				operation: 'get',
				accountId: () => {
					// An expression that blows up with a plain value, as user code can.
					throw 'expression failed';
				},
			},
			{ continueOnFail: true },
		);

		expect(output).toEqual([{ json: { error: 'expression failed' }, pairedItem: { item: 0 } }]);
	});

	it('a non-Error failure without Continue On Fail becomes a NodeOperationError for the item', async () => {
		const error = await runArgyleExpectingError({
			resource: 'account',
			operation: 'get',
			accountId: () => {
				throw 'expression failed';
			},
		});

		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toBe('expression failed');
		expect(error.context.itemIndex).toBe(0);
	});
});
