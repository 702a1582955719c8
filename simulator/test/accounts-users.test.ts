import { ArgyleSimulator, WebhookReceiver, request, type ArgyleAccount, type ArgyleUser, type ListPage } from '..';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('simulator: /v2 accounts and users', () => {
	let sim: ArgyleSimulator;
	let receiver: WebhookReceiver;
	const url = (p: string): string => `${sim.baseUrl}${p}`;
	const get = <T>(p: string) => request<T>(url(p), { auth: [sim.apiKeyId, sim.apiKeySecret] });
	const del = (p: string) => request(url(p), { method: 'DELETE', auth: [sim.apiKeyId, sim.apiKeySecret] });

	beforeAll(async () => {
		sim = await ArgyleSimulator.start();
		receiver = await WebhookReceiver.start();
	});
	afterAll(async () => {
		await sim.stop();
		await receiver.stop();
	});
	beforeEach(() => {
		sim.reset();
		receiver.received.length = 0;
	});

	it('seeds realistic accounts and users (uuid ids, §6/§7 fields)', async () => {
		const account = sim.addAccount();
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
		const user = sim.users()[0];
		expect(user.id).toBe(account.user);
		expect(user.items_connected).toEqual([account.item]);
		expect(user.employers_connected).toEqual(account.employers);
		expect(Object.keys(user).sort()).toEqual(
			['address', 'birth_date', 'created_at', 'email', 'employers_connected', 'external_id', 'external_metadata', 'first_name', 'id', 'items_connected', 'last_name', 'phone_number', 'ssn'],
		);

		const failing = sim.addAccount({ user: user.id, connection: { status: 'error' } });
		expect(failing.user).toBe(user.id);
		expect(failing.connection).toMatchObject({ status: 'error', error_code: 'invalid_credentials', error_message: expect.any(String) });
		expect(failing.scanned_at).toBeNull();
		expect(failing.ongoing_refresh.status).toBe('idle');
		const chosen = sim.addAccount({ user: '0195e0a4-0000-4000-8000-000000000001', item: 'item_000000042' });
		expect(sim.users().map((u) => u.id)).toContain('0195e0a4-0000-4000-8000-000000000001');
		expect(chosen.item).toBe('item_000000042');
	});

	it('GET /v2/accounts/{id} returns the object; unknown ids 404', async () => {
		const account = sim.addAccount();
		const res = await get<ArgyleAccount>(`/v2/accounts/${account.id}`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual(account);
		const missing = await get(`/v2/accounts/0195e0a4-0000-4000-8000-00000000dead`);
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({ detail: 'Not found.' });
		expect((await get('/v2/users/0195e0a4-0000-4000-8000-00000000dead')).status).toBe(404);
		expect((await del('/v2/users/0195e0a4-0000-4000-8000-00000000dead')).status).toBe(404);
		expect((await del('/v2/accounts/0195e0a4-0000-4000-8000-00000000dead')).status).toBe(404);
	});

	it('lists accounts with user / item / ongoing_refresh_status filters and pages', async () => {
		const user = sim.addUser();
		const mine = [sim.addAccount({ user: user.id }), sim.addAccount({ user: user.id }), sim.addAccount({ user: user.id })];
		const other = sim.addAccount({ ongoing_refresh: { status: 'disabled' } });

		const all = await get<ListPage<ArgyleAccount>>('/v2/accounts');
		expect(all.json.results.map((a) => a.id)).toEqual([...mine.map((a) => a.id), other.id]);
		const byUser = await get<ListPage<ArgyleAccount>>(`/v2/accounts?user=${user.id}&limit=2`);
		expect(byUser.json.results.map((a) => a.id)).toEqual([mine[0].id, mine[1].id]);
		expect(byUser.json.next).toMatch(new RegExp(`^${sim.baseUrl}/v2/accounts\\?.*user=${user.id}.*cursor=`));
		const page2 = await get<ListPage<ArgyleAccount>>(byUser.json.next!.slice(sim.baseUrl.length));
		expect(page2.json.results.map((a) => a.id)).toEqual([mine[2].id]);
		expect(page2.json.next).toBeNull();
		const byItem = await get<ListPage<ArgyleAccount>>(`/v2/accounts?item=${other.item}`);
		expect(byItem.json.results.map((a) => a.id)).toEqual([other.id]);
		const disabled = await get<ListPage<ArgyleAccount>>('/v2/accounts?ongoing_refresh_status=disabled');
		expect(disabled.json.results.map((a) => a.id)).toEqual([other.id]);
		const bad = await get<Record<string, string[]>>('/v2/accounts?user=not-a-uuid&ongoing_refresh_status=sometimes');
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.json).sort()).toEqual(['ongoing_refresh_status', 'user']);
	});

	it('lists users with the external_id filter', async () => {
		const a = sim.addUser({ external_id: 'crm-1' });
		sim.addUser({ external_id: 'crm-2' });
		sim.addUser();
		const all = await get<ListPage<ArgyleUser>>('/v2/users?limit=2');
		expect(all.json.results).toHaveLength(2);
		expect(all.json.next).toContain('cursor=');
		const one = await get<ListPage<ArgyleUser>>('/v2/users?external_id=crm-1');
		expect(one.json.results.map((u) => u.id)).toEqual([a.id]);
		const got = await get<ArgyleUser>(`/v2/users/${a.id}`);
		expect(got.json).toEqual(a);
	});

	it('DELETE /v2/accounts/{id} answers 204, removes it, then sends accounts.removed {account, user}', async () => {
		sim.plantWebhook({ url: receiver.url, events: ['accounts.removed'], secret: 's', config: { include_resource: true } });
		sim.plantWebhook({ url: receiver.url, events: ['accounts.updated'] });
		const account = sim.addAccount();
		const res = await del(`/v2/accounts/${account.id}`);
		expect(res.status).toBe(204);
		expect(res.text).toBe('');
		expect(sim.account(account.id)).toBeUndefined();
		expect(sim.users()[0].items_connected).toEqual([]);
		expect((await get(`/v2/accounts/${account.id}`)).status).toBe(404);

		const [got] = await receiver.waitFor(1);
		await sim.idle();
		expect(receiver.received).toHaveLength(1);
		expect(got.json).toEqual({ event: 'accounts.removed', name: 'planted-1', data: { account: account.id, user: account.user } });
		expect(got.headers['x-argyle-signature']).toBe(sim.sign(got.raw, 's'));
	});

	it('DELETE /v2/users/{id} removes the user and its accounts and sends accounts.removed for each', async () => {
		sim.plantWebhook({ url: receiver.url, events: ['accounts.removed'] });
		const user = sim.addUser();
		const a1 = sim.addAccount({ user: user.id });
		const a2 = sim.addAccount({ user: user.id });
		const bystander = sim.addAccount();
		const res = await del(`/v2/users/${user.id}`);
		expect(res.status).toBe(204);
		expect(sim.users().map((u) => u.id)).toEqual([bystander.user]);
		expect(sim.accounts().map((a) => a.id)).toEqual([bystander.id]);
		await receiver.waitFor(2);
		await sim.idle();
		const removed = receiver.received.map((r) => (r.json as { data: { account: string; user: string } }).data);
		expect(removed).toHaveLength(2);
		expect(removed.map((d) => d.account).sort()).toEqual([a1.id, a2.id].sort());
		expect(removed.every((d) => d.user === user.id)).toBe(true);
	});

	it('POST /v2/accounts/{id}/disable-ongoing-refresh sets disabled and sends accounts.updated', async () => {
		sim.plantWebhook({ url: receiver.url, events: ['accounts.updated'], config: { include_resource: true } });
		const account = sim.addAccount();
		const res = await request<ArgyleAccount>(url(`/v2/accounts/${account.id}/disable-ongoing-refresh`), {
			method: 'POST',
			auth: [sim.apiKeyId, sim.apiKeySecret],
		});
		expect(res.status).toBe(200);
		expect(sim.account(account.id)!.ongoing_refresh.status).toBe('disabled');
		const [got] = await receiver.waitFor(1);
		expect((got.json as { data: { resource: ArgyleAccount } }).data.resource.ongoing_refresh.status).toBe('disabled');
	});

	it('POST /v2/users returns {id, user_token} and stores the user', async () => {
		const res = await request<{ id: string; user_token: string }>(url('/v2/users'), {
			method: 'POST',
			body: { external_id: 'ext-9' },
			auth: [sim.apiKeyId, sim.apiKeySecret],
		});
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ id: expect.stringMatching(UUID), user_token: expect.any(String) });
		expect(sim.users()).toEqual([expect.objectContaining({ id: res.json.id, external_id: 'ext-9' })]);
	});
});
