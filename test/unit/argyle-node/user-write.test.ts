/** User: Create and Update, and User Token: Create (the tokens Argyle Link is opened with). */
import { sleep } from 'n8n-workflow';

import { argyleApi, fromItem, runArgyle, runArgyleExpectingError, useNock } from './harness';
import { expectSchemaFits } from './conforms';
import { user, USER_ID } from './fixtures';

useNock();

const TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1In0.sig';
const HOUR = 60 * 60 * 1000;

/** The expiry is one hour after the call, within the test's own run time. */
function expectExpiryInAnHour(value: unknown, before: number) {
	const expiresAt = Date.parse(String(value));
	expect(String(value)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
	expect(expiresAt).toBeGreaterThanOrEqual(before + HOUR);
	expect(expiresAt).toBeLessThanOrEqual(Date.now() + HOUR);
}

describe('User: Create', () => {
	it('sends no body when no field is set, accepts 201 and outputs id, token and expiry in an hour', async () => {
		// n8n's request helper leaves an empty object body out, so this is a POST without a body.
		argyleApi()
			.post('/v2/users', (body) => body === '' || Object.keys(body as object).length === 0)
			.reply(201, { user_token: TOKEN, id: USER_ID });
		const before = Date.now();

		const { output } = await runArgyle({ resource: 'user', operation: 'create' });

		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[0].json).toMatchObject({ id: USER_ID, user_token: TOKEN });
		expect(Object.keys(output[0].json)).toEqual(['id', 'user_token', 'user_token_expires_at']);
		expectExpiryInAnHour(output[0].json.user_token_expires_at, before);
		expectSchemaFits(output, ['user', 'create']);
	});

	it('sends every field under its API name: birth date as {year, month, day}, address, metadata, E.164 phone', async () => {
		const body = {
			first_name: 'Sarah',
			last_name: 'Longfield',
			email: 'sarah@email.com',
			ssn: '522-09-1191',
			phone_number: '+12125555555',
			external_id: 'crm-42',
			address: { line1: '852 North W St', city: 'New York', state: 'NY', postal_code: '10014', country: 'US' },
			birth_date: { year: 1980, month: 10, day: 30 },
			external_metadata: { crm_id: '42', stage: 2 },
		};
		argyleApi().post('/v2/users', body).reply(200, { user_token: TOKEN, id: USER_ID });

		const { output } = await runArgyle({
			resource: 'user',
			operation: 'create',
			additionalFields: {
				firstName: ' Sarah ',
				lastName: 'Longfield',
				email: 'sarah@email.com',
				ssn: '522-09-1191',
				phoneNumber: '+1 (212) 555-5555',
				externalId: 'crm-42',
				address: { value: { line1: '852 North W St', line2: '', city: 'New York', state: 'NY', postal_code: '10014', country: 'US' } },
				birthDate: '1980-10-30T00:00:00',
				externalMetadata: '{"crm_id": "42", "stage": 2}',
			},
		});

		expect(output[0].json.id).toBe(USER_ID);
	});

	it.each([
		['a date string', '1990-01-05', { year: 1990, month: 1, day: 5 }],
		['a Date', new Date('1990-01-05T00:00:00Z'), { year: 1990, month: 1, day: 5 }],
		['a Luxon-like DateTime', { toISODate: () => '1990-01-05' }, { year: 1990, month: 1, day: 5 }],
	])('takes the birth date from %s', async (_label, birthDate, expected) => {
		argyleApi().post('/v2/users', { birth_date: expected }).reply(201, { user_token: TOKEN, id: USER_ID });

		await runArgyle({ resource: 'user', operation: 'create', additionalFields: { birthDate } });
	});

	it('takes External Metadata given as an object by an expression', async () => {
		argyleApi().post('/v2/users', { external_metadata: { a: 1 } }).reply(201, { user_token: TOKEN, id: USER_ID });

		await runArgyle({ resource: 'user', operation: 'create', additionalFields: { externalMetadata: { a: 1 } } });
	});

	it.each([
		[{ phoneNumber: '212 555 5555' }, 'Phone Number "2125555555" is not in E.164 form'],
		[{ externalId: 'x'.repeat(101) }, 'External ID is 101 characters long'],
		[{ birthDate: 'yesterday' }, 'Birth Date is not a date'],
		[{ birthDate: '1990-13-01' }, 'Birth Date is not a date'],
		[{ externalMetadata: '[1, 2]' }, 'External Metadata must be a JSON object'],
		[{ externalMetadata: '{not json' }, 'External Metadata must be a JSON object'],
	])('refuses %j before calling Argyle', async (additionalFields, message) => {
		const error = await runArgyleExpectingError({ resource: 'user', operation: 'create', additionalFields });

		expect(error.message).toBe(message);
		expect(error.context.itemIndex).toBe(0);
	});

	it("shows Argyle's field messages on 400", async () => {
		argyleApi().post('/v2/users', { email: 'nope' }).reply(400, { email: ['Enter a valid email address.'] });

		const error = await runArgyleExpectingError({ resource: 'user', operation: 'create', additionalFields: { email: 'nope' } });

		expect(error.message).toBe('Argyle rejected the request (400) to create a user: email: Enter a valid email address.');
	});

	it('does not repeat a create after a 5xx (it may have been stored) and says how to check', async () => {
		argyleApi().post('/v2/users').reply(502, 'Bad gateway');

		const error = await runArgyleExpectingError({ resource: 'user', operation: 'create' });

		expect(jest.mocked(sleep)).not.toHaveBeenCalled();
		expect(error.message).toBe('Argyle failed (HTTP 502) to create a user');
		expect(error.description).toContain('may have been created anyway');
	});

	it('retries a 429 (nothing was created), then succeeds', async () => {
		argyleApi().post('/v2/users').reply(429, {}, { 'Retry-After': '1' });
		argyleApi().post('/v2/users').reply(201, { user_token: TOKEN, id: USER_ID });

		const { output } = await runArgyle({ resource: 'user', operation: 'create' });

		expect(jest.mocked(sleep)).toHaveBeenCalledWith(1000);
		expect(output[0].json.id).toBe(USER_ID);
	});

	it('an answer without a token means the Base URL is wrong', async () => {
		argyleApi().post('/v2/users').reply(200, { id: USER_ID });

		const error = await runArgyleExpectingError({ resource: 'user', operation: 'create' });

		expect(error.message).toBe("Argyle's answer has no user token while trying to create a user");
	});
});

describe('User: Update', () => {
	it('PATCHes only the fields that are set and outputs the user Argyle answers', async () => {
		const updated = user(USER_ID, { external_metadata: { crm: 'x', stage: 3 }, email: 'new@email.com' });
		argyleApi().patch(`/v2/users/${USER_ID}`, { email: 'new@email.com', external_metadata: { stage: 3 } }).reply(200, updated);

		const { output } = await runArgyle({
			resource: 'user',
			operation: 'update',
			userId: USER_ID,
			updateFields: { email: 'new@email.com', externalMetadata: '{"stage": 3}', firstName: '' },
		});

		expect(output).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
		expectSchemaFits(output, ['user', 'update']);
	});

	it('reads the user back if Argyle answers without a body', async () => {
		argyleApi().patch(`/v2/users/${USER_ID}`, { last_name: 'Doe' }).reply(200, '');
		argyleApi().get(`/v2/users/${USER_ID}`).reply(200, user());

		const { output } = await runArgyle({ resource: 'user', operation: 'update', userId: USER_ID, updateFields: { lastName: 'Doe' } });

		expect(output[0].json).toEqual(user());
	});

	it('refuses an update with nothing to change, and an empty user ID', async () => {
		const nothing = await runArgyleExpectingError({ resource: 'user', operation: 'update', userId: USER_ID, updateFields: { email: '' } });
		const noId = await runArgyleExpectingError({ resource: 'user', operation: 'update', userId: '', updateFields: { email: 'a@b.c' } });

		expect(nothing.message).toBe('Nothing to update');
		expect(noId.message).toBe('No User ID given for item 0');
	});

	it('names the user on 404', async () => {
		argyleApi().patch('/v2/users/missing').reply(404, { detail: 'Not found.' });

		const error = await runArgyleExpectingError({ resource: 'user', operation: 'update', userId: 'missing', updateFields: { ssn: '1' } });

		expect(error.message).toBe('Argyle found nothing (404) while trying to update user missing');
	});
});

describe('User Token: Create', () => {
	it('POSTs {user} and outputs the user, the token and its expiry in an hour, one per input item', async () => {
		const items = [{ json: { id: 'u-1' } }, { json: { id: 'u-2' } }];
		argyleApi().post('/v2/user-tokens', { user: 'u-1' }).reply(200, { user_token: `${TOKEN}1` });
		argyleApi().post('/v2/user-tokens', { user: 'u-2' }).reply(201, { user_token: `${TOKEN}2` });
		const before = Date.now();

		const { output } = await runArgyle({ resource: 'userToken', operation: 'create', userId: fromItem(items, 'id') }, { items });

		expect(output.map((item) => [item.json.user, item.json.user_token, item.pairedItem])).toEqual([
			['u-1', `${TOKEN}1`, { item: 0 }],
			['u-2', `${TOKEN}2`, { item: 1 }],
		]);
		expectExpiryInAnHour(output[1].json.user_token_expires_at, before);
		expectSchemaFits(output, ['userToken', 'create']);
	});

	it('with Continue On Fail, an unknown user becomes an error item and the rest carry on', async () => {
		const items = [{ json: { id: 'nobody' } }, { json: { id: 'u-2' } }];
		argyleApi().post('/v2/user-tokens', { user: 'nobody' }).reply(400, { user: ['Invalid pk "nobody" - object does not exist.'] });
		argyleApi().post('/v2/user-tokens', { user: 'u-2' }).reply(200, { user_token: TOKEN });

		const { output } = await runArgyle(
			{ resource: 'userToken', operation: 'create', userId: fromItem(items, 'id') },
			{ items, continueOnFail: true },
		);

		expect(output[0]).toEqual({
			json: {
				error: 'Argyle rejected the request (400) to create a user token for user nobody: user: Invalid pk "nobody" - object does not exist.',
			},
			pairedItem: { item: 0 },
		});
		expect(output[1].json.user_token).toBe(TOKEN);
	});

	it('401 says to check the credential', async () => {
		argyleApi().post('/v2/user-tokens').reply(401, { detail: 'Invalid username/password.' });

		const error = await runArgyleExpectingError({ resource: 'userToken', operation: 'create', userId: USER_ID });

		expect(error.message).toBe(`Argyle rejected the API key (401) while trying to create a user token for user ${USER_ID}`);
		expect(error.description).toContain('Argyle API credential');
	});
});
