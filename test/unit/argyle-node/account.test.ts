import {
	accountItems,
	API_BASE,
	argyleApi,
	fromItem,
	runArgyle,
	runArgyleExpectingError,
	useNock,
} from './harness';
import { account, ACCOUNT_ID, accounts, OTHER_ACCOUNT_ID, USER_ID } from './fixtures';

useNock();

describe('Account: Delete', () => {
	it('deletes the account and outputs { id, deleted: true } (204 No Content)', async () => {
		argyleApi().delete(`/v2/accounts/${ACCOUNT_ID}`).reply(204);

		const { output } = await runArgyle({ resource: 'account', operation: 'delete', accountId: ACCOUNT_ID });

		expect(output).toEqual([{ json: { id: ACCOUNT_ID, deleted: true }, pairedItem: { item: 0 } }]);
	});

	it('deletes one account per input item, each output paired to its input', async () => {
		const items = accountItems(ACCOUNT_ID, OTHER_ACCOUNT_ID, 'acc-3');
		argyleApi().delete(`/v2/accounts/${ACCOUNT_ID}`).reply(204);
		argyleApi().delete(`/v2/accounts/${OTHER_ACCOUNT_ID}`).reply(204);
		argyleApi().delete('/v2/accounts/acc-3').reply(200, {});

		const { output } = await runArgyle(
			{ resource: 'account', operation: 'delete', accountId: fromItem(items, 'account') },
			{ items },
		);

		expect(output).toEqual([
			{ json: { id: ACCOUNT_ID, deleted: true }, pairedItem: { item: 0 } },
			{ json: { id: OTHER_ACCOUNT_ID, deleted: true }, pairedItem: { item: 1 } },
			{ json: { id: 'acc-3', deleted: true }, pairedItem: { item: 2 } },
		]);
	});

	it('trims the ID and encodes it into the path', async () => {
		argyleApi().delete('/v2/accounts/a%2Fb%3Fc').reply(204);

		const { output } = await runArgyle({ resource: 'account', operation: 'delete', accountId: '  a/b?c ' });

		expect(output[0].json).toEqual({ id: 'a/b?c', deleted: true });
	});

	it('fails on 404 with Argyle\'s detail and a hint about Ignore Already Deleted', async () => {
		argyleApi().delete(`/v2/accounts/${ACCOUNT_ID}`).reply(404, { detail: 'Not found.' });

		const error = await runArgyleExpectingError({
			resource: 'account',
			operation: 'delete',
			accountId: ACCOUNT_ID,
		});

		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe(`Argyle found nothing (404) while trying to delete account ${ACCOUNT_ID}`);
		expect(error.description).toContain('Argyle said: "Not found."');
		expect(error.description).toContain('"Ignore Already Deleted"');
		expect(error.httpCode).toBe('404');
		expect(error.context.itemIndex).toBe(0);
	});

	it('with Ignore Already Deleted, treats 404 as success: { id, deleted: false, alreadyDeleted: true }', async () => {
		argyleApi().delete(`/v2/accounts/${ACCOUNT_ID}`).reply(404, { detail: 'Not found.' });
		argyleApi().delete(`/v2/accounts/${OTHER_ACCOUNT_ID}`).reply(204);
		const items = accountItems(ACCOUNT_ID, OTHER_ACCOUNT_ID);

		const { output } = await runArgyle(
			{
				resource: 'account',
				operation: 'delete',
				accountId: fromItem(items, 'account'),
				options: { ignoreAlreadyDeleted: true },
			},
			{ items },
		);

		expect(output).toEqual([
			{ json: { id: ACCOUNT_ID, deleted: false, alreadyDeleted: true }, pairedItem: { item: 0 } },
			{ json: { id: OTHER_ACCOUNT_ID, deleted: true }, pairedItem: { item: 1 } },
		]);
	});

	it('with Ignore Already Deleted, still fails on other errors (403)', async () => {
		argyleApi().delete(`/v2/accounts/${ACCOUNT_ID}`).reply(403, { detail: 'Permission denied.' });

		const error = await runArgyleExpectingError({
			resource: 'account',
			operation: 'delete',
			accountId: ACCOUNT_ID,
			options: { ignoreAlreadyDeleted: true },
		});

		expect(error.message).toBe(`Argyle refused (403) to let this API key delete account ${ACCOUNT_ID}`);
	});

	it('refuses an empty ID (an expression that found no field) without calling Argyle', async () => {
		const error = await runArgyleExpectingError(
			{ resource: 'account', operation: 'delete', accountId: '  ' },
			{ items: [{ json: {} }] },
		);

		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toBe('No Account ID given for item 0');
		expect(error.description).toContain('{{ $json.account }}');
	});
	it('refuses an ID that is not text (e.g. a whole object from an expression)', async () => {
		const error = await runArgyleExpectingError({
			resource: 'account',
			operation: 'delete',
			accountId: { id: 'acc-1' },
		});

		expect(error.message).toBe('No Account ID given for item 0');
	});
});

describe('Account: Get', () => {
	it('returns the account object', async () => {
		argyleApi().get(`/v2/accounts/${ACCOUNT_ID}`).reply(200, account());

		const { output } = await runArgyle({ resource: 'account', operation: 'get', accountId: ACCOUNT_ID });

		expect(output).toEqual([{ json: account(), pairedItem: { item: 0 } }]);
	});

	it('accepts a numeric ID from an expression', async () => {
		argyleApi().get('/v2/accounts/12345').reply(200, account('12345'));

		const { output } = await runArgyle({ resource: 'account', operation: 'get', accountId: 12345 });

		expect(output[0].json.id).toBe('12345');
	});

	it('fails clearly when the answer is not an account object', async () => {
		argyleApi().get(`/v2/accounts/${ACCOUNT_ID}`).reply(200, '<html>proxy login</html>', {
			'content-type': 'text/html',
		});

		const error = await runArgyleExpectingError({
			resource: 'account',
			operation: 'get',
			accountId: ACCOUNT_ID,
		});

		expect(error.message).toBe(
			`Argyle returned an unexpected answer while trying to get account ${ACCOUNT_ID}`,
		);
		expect(error.description).toContain('Base URL');
	});
});

describe('Account: Get Many', () => {
	it('sends the filters under their API names and leaves out empty ones', async () => {
		argyleApi()
			.get('/v2/accounts')
			.query({ user: USER_ID, ongoing_refresh_status: 'disabled', limit: '50' })
			.reply(200, { next: null, previous: null, results: [account()] });

		const { output } = await runArgyle({
			resource: 'account',
			operation: 'getAll',
			returnAll: false,
			limit: 50,
			filters: { user: ` ${USER_ID} `, item: '', ongoingRefreshStatus: 'disabled' },
		});

		expect(output).toEqual([{ json: account(), pairedItem: { item: 0 } }]);
	});

	it('sends the item filter', async () => {
		argyleApi()
			.get('/v2/accounts')
			.query({ item: 'item_000000001', limit: '10' })
			.reply(200, { next: null, previous: null, results: [] });

		const { output } = await runArgyle({
			resource: 'account',
			operation: 'getAll',
			limit: 10,
			filters: { item: 'item_000000001' },
		});

		expect(output).toEqual([]);
	});

	it('Return All follows absolute next URLs over three pages (query reused against our base URL)', async () => {
		const [page1, page2, page3] = [accounts(200, 0), accounts(200, 200), accounts(17, 400)];
		argyleApi()
			.get('/v2/accounts')
			.query({ user: USER_ID, limit: '200' })
			.reply(200, {
				next: `https://api-sandbox.argyle.com/v2/accounts?cursor=c2&limit=200&user=${USER_ID}`,
				previous: null,
				results: page1,
			});
		argyleApi()
			.get('/v2/accounts')
			.query({ cursor: 'c2', limit: '200', user: USER_ID })
			.reply(200, {
				next: `https://api-sandbox.argyle.com/v2/accounts?cursor=c3&limit=200&user=${USER_ID}`,
				previous: 'https://api-sandbox.argyle.com/v2/accounts?cursor=c1',
				results: page2,
			});
		argyleApi()
			.get('/v2/accounts')
			.query({ cursor: 'c3', limit: '200', user: USER_ID })
			.reply(200, { next: null, previous: 'x', results: page3 });

		const { output } = await runArgyle({
			resource: 'account',
			operation: 'getAll',
			returnAll: true,
			filters: { user: USER_ID },
		});

		expect(output).toHaveLength(417);
		expect(output.map((item) => item.json.id)).toEqual(
			[...page1, ...page2, ...page3].map((result) => result.id),
		);
		expect(output.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('a Limit above 200 reads pages of 200 until the limit is reached, then stops', async () => {
		argyleApi()
			.get('/v2/accounts')
			.query({ limit: '200' })
			.reply(200, { next: `${API_BASE}/v2/accounts?cursor=p2&limit=200`, results: accounts(200, 0) });
		argyleApi()
			.get('/v2/accounts')
			.query({ cursor: 'p2', limit: '200' })
			.reply(200, { next: `${API_BASE}/v2/accounts?cursor=p3&limit=200`, results: accounts(200, 200) });
		argyleApi()
			.get('/v2/accounts')
			.query({ cursor: 'p3', limit: '200' })
			.reply(200, {
				// A fourth page exists but must not be fetched: the limit is reached on this one.
				next: `${API_BASE}/v2/accounts?cursor=p4&limit=200`,
				results: accounts(200, 400),
			});

		const { output } = await runArgyle({ resource: 'account', operation: 'getAll', returnAll: false, limit: 450 });

		expect(output).toHaveLength(450);
		expect(output[449].json.id).toBe('acc-0449');
	});

	it('a small Limit asks Argyle for just that many', async () => {
		argyleApi()
			.get('/v2/accounts')
			.query({ limit: '3' })
			.reply(200, { next: `${API_BASE}/v2/accounts?cursor=more&limit=3`, results: accounts(3) });

		const { output } = await runArgyle({ resource: 'account', operation: 'getAll', limit: 3 });

		expect(output.map((item) => item.json.id)).toEqual(['acc-0000', 'acc-0001', 'acc-0002']);
	});

	it('outputs one item per result, paired to the input item it was listed for', async () => {
		const items = [{ json: { user: 'u-1' } }, { json: { user: 'u-2' } }];
		argyleApi()
			.get('/v2/accounts')
			.query({ user: 'u-1', limit: '50' })
			.reply(200, { next: null, results: [account('a-1'), account('a-2')] });
		argyleApi()
			.get('/v2/accounts')
			.query({ user: 'u-2', limit: '50' })
			.reply(200, { next: null, results: [account('a-3')] });

		const { output } = await runArgyle(
			{
				resource: 'account',
				operation: 'getAll',
				limit: 50,
				filters: (itemIndex: number) => ({ user: items[itemIndex].json.user }),
			},
			{ items },
		);

		expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['a-1', { item: 0 }],
			['a-2', { item: 0 }],
			['a-3', { item: 1 }],
		]);
	});

	it('rejects a Limit below 1 (e.g. from an expression)', async () => {
		const error = await runArgyleExpectingError({ resource: 'account', operation: 'getAll', limit: 0 });

		expect(error.message).toBe('Limit must be a whole number of at least 1');
		expect(error.context.itemIndex).toBe(0);
	});
});
