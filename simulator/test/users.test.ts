// POST /v2/users (201, a one-hour JWT, only the PII given), PATCH /v2/users/{id} (fields replaced,
// external_metadata merged), POST /v2/user-tokens, and their DRF-style 400s.
import { decodeUserToken } from '../tokens';
import type { ArgyleUser } from '..';
import { useSimulator } from './fixture';

const harness = useSimulator();

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const BARE_KEYS = ['created_at', 'employers_connected', 'external_id', 'external_metadata', 'id', 'items_connected'];

describe('simulator: users and user tokens', () => {
	it('POST /v2/users without PII: 201 {user_token, id}; the user has only the six keys', async () => {
		const before = Math.floor(Date.now() / 1000);
		const res = await harness.api<{ id: string; user_token: string }>('/v2/users', { method: 'POST', body: {} });
		expect(res.status).toBe(201);
		expect(Object.keys(res.json).sort()).toEqual(['id', 'user_token']);
		expect(res.json.user_token).toMatch(JWT);
		const [header] = res.json.user_token.split('.');
		expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
		const claims = decodeUserToken(res.json.user_token);
		expect(claims).toMatchObject({ sub: res.json.id, user_id: res.json.id, client_id: expect.any(String) });
		expect(claims.exp - claims.iat).toBe(3600);
		expect(claims.iat).toBeGreaterThanOrEqual(before);
		const user = await harness.api<ArgyleUser>(`/v2/users/${res.json.id}`);
		expect(Object.keys(user.json).sort()).toEqual(BARE_KEYS);
		expect(user.json).toMatchObject({ items_connected: [], employers_connected: [], external_metadata: {}, external_id: null });
		const empty = await harness.api('/v2/users', { method: 'POST' });
		expect(empty.status).toBe(201);
	});

	it('stores external_id, external_metadata and the PII given, birth_date as an object', async () => {
		const body = {
			external_id: 'crm-42',
			external_metadata: { stage: 2, notes: 'x' },
			first_name: 'Sarah',
			email: 'sarah@email.com',
			phone_number: '+12125555555',
			address: { city: 'New York', line1: '852 North W St', state: 'NY', country: 'US', postal_code: '10014' },
			birth_date: { year: 1980, month: 10, day: 30 },
			ignored: true,
		};
		const res = await harness.api<{ id: string }>('/v2/users', { method: 'POST', body });
		const user = (await harness.api<ArgyleUser>(`/v2/users/${res.json.id}`)).json;
		expect(user).toEqual({
			id: res.json.id,
			created_at: expect.any(String),
			items_connected: [],
			employers_connected: [],
			external_id: 'crm-42',
			external_metadata: { stage: 2, notes: 'x' },
			first_name: 'Sarah',
			email: 'sarah@email.com',
			phone_number: '+12125555555',
			address: { city: 'New York', line1: '852 North W St', line2: null, state: 'NY', country: 'US', postal_code: '10014' },
			birth_date: { year: 1980, month: 10, day: 30 },
		});
		const listed = await harness.all<ArgyleUser>('/v2/users?external_id=crm-42');
		expect(listed.results.map((u) => u.id)).toEqual([res.json.id]);
	});

	it('answers DRF-style 400s for bad fields', async () => {
		const res = await harness.api<Record<string, unknown>>('/v2/users', {
			method: 'POST',
			body: {
				email: 'not-an-email',
				phone_number: '212-555',
				external_id: 'x'.repeat(101),
				first_name: 7,
				birth_date: { year: 1800, month: 13 },
				address: 'Main St',
			},
		});
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			email: ['Enter a valid email address.'],
			phone_number: ['Enter a valid phone number.'],
			external_id: ['Ensure this field has no more than 100 characters.'],
			first_name: ['Not a valid string.'],
			birth_date: {
				year: ['Ensure this value is greater than or equal to 1900.'],
				month: ['Ensure this value is less than or equal to 12.'],
				day: ['This field is required.'],
			},
			address: { non_field_errors: ['Invalid data. Expected a dictionary, but got str.'] },
		});
		expect(harness.sim.users()).toEqual([]);
		const list = await harness.api<Record<string, unknown>>('/v2/users', { method: 'POST', body: [] });
		expect(list.json).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
	});

	it('PATCH /v2/users/{id} replaces the fields given and merges external_metadata', async () => {
		const created = await harness.api<{ id: string }>('/v2/users', {
			method: 'POST',
			body: { external_id: 'a', external_metadata: { keep: 1, change: 'old' }, first_name: 'Bob' },
		});
		const res = await harness.api<ArgyleUser>(`/v2/users/${created.json.id}`, {
			method: 'PATCH',
			body: { external_id: 'b', external_metadata: { change: 'new', add: true }, last_name: 'Jones', birth_date: { year: 1990, month: 1, day: 2 } },
		});
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({
			external_id: 'b',
			external_metadata: { keep: 1, change: 'new', add: true },
			first_name: 'Bob',
			last_name: 'Jones',
			birth_date: { year: 1990, month: 1, day: 2 },
		});
		expect(harness.sim.user(created.json.id)).toEqual(res.json);
		const bad = await harness.api(`/v2/users/${created.json.id}`, { method: 'PATCH', body: { email: 'x' } });
		expect(bad.status).toBe(400);
		const missing = await harness.api('/v2/users/0195e0a4-0000-4000-8000-00000000dead', { method: 'PATCH', body: {} });
		expect(missing.status).toBe(404);
	});

	it('POST /v2/user-tokens {user}: 200 {user_token} for one hour; 400 missing or malformed, 404 unknown', async () => {
		const user = harness.sim.addUser();
		const res = await harness.api<{ user_token: string }>('/v2/user-tokens', { method: 'POST', body: { user: user.id } });
		expect(res.status).toBe(200);
		expect(Object.keys(res.json)).toEqual(['user_token']);
		const claims = decodeUserToken(res.json.user_token);
		expect(claims).toMatchObject({ sub: user.id, user_id: user.id, iss: expect.stringMatching(/^argyle-core-auth/) });
		expect(claims.exp - claims.iat).toBe(3600);
		const missing = await harness.api('/v2/user-tokens', { method: 'POST', body: {} });
		expect(missing.status).toBe(400);
		expect(missing.json).toEqual({ user: ['This field is required.'] });
		const malformed = await harness.api('/v2/user-tokens', { method: 'POST', body: { user: 'bob' } });
		expect(malformed.json).toEqual({ user: ['Must be a valid UUID.'] });
		const unknown = await harness.api('/v2/user-tokens', { method: 'POST', body: { user: '0195e0a4-0000-4000-8000-00000000dead' } });
		expect(unknown.status).toBe(404);
		expect(unknown.json).toEqual({ detail: 'Not found.' });
		expect((await harness.api('/v2/user-tokens')).status).toBe(405);
	});
});
