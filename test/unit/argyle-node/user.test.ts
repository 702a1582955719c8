import { API_BASE, argyleApi, runArgyle, runArgyleExpectingError, useNock } from './harness';
import { user, USER_ID } from './fixtures';

useNock();

describe('User: Get', () => {
	it('returns the user object', async () => {
		argyleApi().get(`/v2/users/${USER_ID}`).reply(200, user());

		const { output } = await runArgyle({ resource: 'user', operation: 'get', userId: USER_ID });

		expect(output).toEqual([{ json: user(), pairedItem: { item: 0 } }]);
	});

	it('names the operation and ID when the user does not exist', async () => {
		argyleApi().get('/v2/users/missing').reply(404, { detail: 'Not found.' });

		const error = await runArgyleExpectingError({ resource: 'user', operation: 'get', userId: 'missing' });

		expect(error.message).toBe('Argyle found nothing (404) while trying to get user missing');
		expect(error.description).toContain('Argyle said: "Not found."');
	});
});

describe('User: Get Many', () => {
	it('filters by external_id (exact match)', async () => {
		argyleApi()
			.get('/v2/users')
			.query({ external_id: 'crm-42', limit: '50' })
			.reply(200, { next: null, previous: null, results: [user()] });

		const { output } = await runArgyle({
			resource: 'user',
			operation: 'getAll',
			limit: 50,
			filters: { externalId: 'crm-42' },
		});

		expect(output).toEqual([{ json: user(), pairedItem: { item: 0 } }]);
	});

	it('Return All reads every page', async () => {
		argyleApi()
			.get('/v2/users')
			.query({ limit: '200' })
			.reply(200, { next: `${API_BASE}/v2/users?cursor=u2&limit=200`, results: [user('u-1')] });
		argyleApi()
			.get('/v2/users')
			.query({ cursor: 'u2', limit: '200' })
			.reply(200, { next: `${API_BASE}/v2/users?cursor=u3&limit=200`, results: [user('u-2')] });
		argyleApi()
			.get('/v2/users')
			.query({ cursor: 'u3', limit: '200' })
			.reply(200, { next: null, results: [user('u-3')] });

		const { output } = await runArgyle({ resource: 'user', operation: 'getAll', returnAll: true });

		expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['u-1', { item: 0 }],
			['u-2', { item: 0 }],
			['u-3', { item: 0 }],
		]);
	});
});

describe('User: Delete', () => {
	it('deletes the user and outputs { id, deleted: true }', async () => {
		argyleApi().delete(`/v2/users/${USER_ID}`).reply(204);

		const { output } = await runArgyle({ resource: 'user', operation: 'delete', userId: USER_ID });

		expect(output).toEqual([{ json: { id: USER_ID, deleted: true }, pairedItem: { item: 0 } }]);
	});

	it('fails on 404 unless Ignore Already Deleted is on', async () => {
		argyleApi().delete(`/v2/users/${USER_ID}`).reply(404, { detail: 'Not found.' });
		argyleApi().delete(`/v2/users/${USER_ID}`).reply(404, { detail: 'Not found.' });

		const error = await runArgyleExpectingError({ resource: 'user', operation: 'delete', userId: USER_ID });
		const { output } = await runArgyle({
			resource: 'user',
			operation: 'delete',
			userId: USER_ID,
			options: { ignoreAlreadyDeleted: true },
		});

		expect(error.message).toBe(`Argyle found nothing (404) while trying to delete user ${USER_ID}`);
		expect(output).toEqual([
			{ json: { id: USER_ID, deleted: false, alreadyDeleted: true }, pairedItem: { item: 0 } },
		]);
	});

	it('refuses an empty user ID', async () => {
		const error = await runArgyleExpectingError({ resource: 'user', operation: 'delete', userId: '' });

		expect(error.message).toBe('No User ID given for item 0');
	});
});
