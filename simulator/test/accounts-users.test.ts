import { request, type ArgyleAccount, type ArgyleUser, type ListPage } from '..';
import { useSimulator } from './fixture';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('simulator: /v2 accounts and users', () => {
	const harness = useSimulator();

	it('seeds realistic accounts and users (uuid ids, §6/§7 fields)', async () => {
		const account = harness.sim.addAccount();
		expect(account.id).toMatch(UUID);
		expect(account.user).toMatch(UUID);
		expect(account.item).toMatch(/^item_\d{9}$/);
		expect(account.employers).toHaveLength(1);
		expect(account.connection).toEqual({ status: 'connected', error_code: null, error_message: null, updated_at: expect.any(String) });
		expect(account.direct_deposit_switch.status).toBe('idle');
		expect(account.ongoing_refresh).toEqual({ status: 'enabled' });
		expect(account.scanned_at).toEqual(expect.any(String));
		expect(Object.keys(account.availability).sort()).toEqual(
			['deposit_destinations', 'gigs', 'identities', 'payroll_documents', 'paystubs', 'ratings', 'shifts', 'user_forms', 'user_uploads', 'vehicles'],
		);
		const user = harness.sim.users()[0];
		expect(user.id).toBe(account.user);
		expect(user.items_connected).toEqual([account.item]);
		expect(user.employers_connected).toEqual(account.employers);
		expect(Object.keys(user).sort()).toEqual(
			['address', 'birth_date', 'created_at', 'email', 'employers_connected', 'external_id', 'external_metadata', 'first_name', 'id', 'items_connected', 'last_name', 'phone_number', 'ssn'],
		);

		const failing = harness.sim.addAccount({ user: user.id, connection: { status: 'error' } });
		expect(failing.user).toBe(user.id);
		expect(failing.connection).toMatchObject({ status: 'error', error_code: 'invalid_credentials', error_message: expect.any(String) });
		expect(failing.scanned_at).toBeNull();
		expect(failing.ongoing_refresh.status).toBe('idle');
		const chosen = harness.sim.addAccount({ user: '0195e0a4-0000-4000-8000-000000000001', item: 'item_000000042' });
		expect(harness.sim.users().map((u) => u.id)).toContain('0195e0a4-0000-4000-8000-000000000001');
		expect(chosen.item).toBe('item_000000042');
	});

	it('GET /v2/accounts/{id} returns the object; unknown ids 404', async () => {
		const account = harness.sim.addAccount();
		const res = await harness.api<ArgyleAccount>(`/v2/accounts/${account.id}`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual(account);
		const missing = await harness.api(`/v2/accounts/0195e0a4-0000-4000-8000-00000000dead`);
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({ detail: 'Not found.' });
		expect((await harness.api('/v2/users/0195e0a4-0000-4000-8000-00000000dead')).status).toBe(404);
		expect((await harness.api('/v2/users/0195e0a4-0000-4000-8000-00000000dead', { method: 'DELETE' })).status).toBe(404);
		expect((await harness.api('/v2/accounts/0195e0a4-0000-4000-8000-00000000dead', { method: 'DELETE' })).status).toBe(404);
	});

	it('lists accounts with user / item / ongoing_refresh_status filters and pages', async () => {
		const user = harness.sim.addUser();
		const mine = [harness.sim.addAccount({ user: user.id }), harness.sim.addAccount({ user: user.id }), harness.sim.addAccount({ user: user.id })];
		// Accounts share catalogue Items; a gig platform's is never one of the employer accounts'.
		const other = harness.sim.addAccount({ kind: 'gig', ongoing_refresh: { status: 'disabled' } });

		const all = await harness.api<ListPage<ArgyleAccount>>('/v2/accounts');
		expect(all.json.results.map((a) => a.id)).toEqual([...mine.map((a) => a.id), other.id]);
		const byUser = await harness.api<ListPage<ArgyleAccount>>(`/v2/accounts?user=${user.id}&limit=2`);
		expect(byUser.json.results.map((a) => a.id)).toEqual([mine[0].id, mine[1].id]);
		expect(byUser.json.next).toMatch(new RegExp(`^${harness.sim.baseUrl}/v2/accounts\\?.*user=${user.id}.*cursor=`));
		const page2 = await harness.api<ListPage<ArgyleAccount>>(byUser.json.next!.slice(harness.sim.baseUrl.length));
		expect(page2.json.results.map((a) => a.id)).toEqual([mine[2].id]);
		expect(page2.json.next).toBeNull();
		const byItem = await harness.api<ListPage<ArgyleAccount>>(`/v2/accounts?item=${other.item}`);
		expect(byItem.json.results.map((a) => a.id)).toEqual([other.id]);
		const disabled = await harness.api<ListPage<ArgyleAccount>>('/v2/accounts?ongoing_refresh_status=disabled');
		expect(disabled.json.results.map((a) => a.id)).toEqual([other.id]);
		const bad = await harness.api<Record<string, string[]>>('/v2/accounts?user=not-a-uuid&ongoing_refresh_status=sometimes');
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.json).sort()).toEqual(['ongoing_refresh_status', 'user']);
	});

	it('lists users with the external_id filter', async () => {
		const a = harness.sim.addUser({ external_id: 'crm-1' });
		harness.sim.addUser({ external_id: 'crm-2' });
		harness.sim.addUser();
		const all = await harness.api<ListPage<ArgyleUser>>('/v2/users?limit=2');
		expect(all.json.results).toHaveLength(2);
		expect(all.json.next).toContain('cursor=');
		const one = await harness.api<ListPage<ArgyleUser>>('/v2/users?external_id=crm-1');
		expect(one.json.results.map((u) => u.id)).toEqual([a.id]);
		const got = await harness.api<ArgyleUser>(`/v2/users/${a.id}`);
		expect(got.json).toEqual(a);
	});

	it('DELETE /v2/accounts/{id} answers 204, removes it, then sends accounts.removed {account, user}', async () => {
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['accounts.removed'], secret: 's', config: { include_resource: true } });
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['accounts.updated'] });
		const account = harness.sim.addAccount();
		const res = await harness.api(`/v2/accounts/${account.id}`, { method: 'DELETE' });
		expect(res.status).toBe(204);
		expect(res.text).toBe('');
		expect(harness.sim.account(account.id)).toBeUndefined();
		expect(harness.sim.users()[0].items_connected).toEqual([]);
		expect((await harness.api(`/v2/accounts/${account.id}`)).status).toBe(404);

		const [got] = await harness.receiver.waitFor(1);
		await harness.sim.idle();
		expect(harness.receiver.received).toHaveLength(1);
		expect(got.json).toEqual({ event: 'accounts.removed', name: 'planted-1', data: { account: account.id, user: account.user } });
		expect(got.headers['x-argyle-signature']).toBe(harness.sim.sign(got.raw, 's'));
	});

	it('DELETE /v2/users/{id} removes the user and its accounts and sends accounts.removed for each', async () => {
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['accounts.removed'] });
		const user = harness.sim.addUser();
		const a1 = harness.sim.addAccount({ user: user.id });
		const a2 = harness.sim.addAccount({ user: user.id });
		const bystander = harness.sim.addAccount();
		const res = await harness.api(`/v2/users/${user.id}`, { method: 'DELETE' });
		expect(res.status).toBe(204);
		expect(harness.sim.users().map((u) => u.id)).toEqual([bystander.user]);
		expect(harness.sim.accounts().map((a) => a.id)).toEqual([bystander.id]);
		await harness.receiver.waitFor(2);
		await harness.sim.idle();
		const removed = harness.receiver.received.map((r) => (r.json as { data: { account: string; user: string } }).data);
		expect(removed).toHaveLength(2);
		expect(removed.map((d) => d.account).sort()).toEqual([a1.id, a2.id].sort());
		expect(removed.every((d) => d.user === user.id)).toBe(true);
	});

	it('POST /v2/accounts/{id}/disable-ongoing-refresh sets disabled and sends accounts.updated', async () => {
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['accounts.updated'], config: { include_resource: true } });
		const account = harness.sim.addAccount();
		const res = await request<ArgyleAccount>(harness.url(`/v2/accounts/${account.id}/disable-ongoing-refresh`), {
			method: 'POST',
			auth: [harness.sim.apiKeyId, harness.sim.apiKeySecret],
		});
		expect(res.status).toBe(200);
		expect(harness.sim.account(account.id)!.ongoing_refresh.status).toBe('disabled');
		const [got] = await harness.receiver.waitFor(1);
		expect((got.json as { data: { resource: ArgyleAccount } }).data.resource.ongoing_refresh.status).toBe('disabled');
	});

	it("POST /v2/users answers 201 {id, user_token} (as the real sandbox did) and stores the user", async () => {
		const res = await request<{ id: string; user_token: string }>(harness.url('/v2/users'), {
			method: 'POST',
			body: { external_id: 'ext-9' },
			auth: [harness.sim.apiKeyId, harness.sim.apiKeySecret],
		});
		expect(res.status).toBe(201);
		expect(res.json).toEqual({ id: expect.stringMatching(UUID), user_token: expect.any(String) });
		expect(harness.sim.users()).toEqual([expect.objectContaining({ id: res.json.id, external_id: 'ext-9' })]);
	});
});
