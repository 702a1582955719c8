import { request, type ArgyleAccount, type DeliveryResult } from '..';
import { useSimulator } from './fixture';
import { banner, parseArgs } from '../cli';

describe('simulator: /_sim control endpoints and the CLI helpers', () => {
	const harness = useSimulator();

	it('GET /_sim/state shows subscriptions, accounts, users and the last calls, without auth', async () => {
		const sub = harness.sim.plantWebhook({ url: harness.receiver.url, events: ['accounts.added'] });
		const account = harness.sim.addAccount();
		await request(harness.url('/v2/users'));
		const res = await request<Record<string, unknown>>(harness.url('/_sim/state'));
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({
			baseUrl: harness.sim.baseUrl,
			apiKeyId: harness.sim.apiKeyId,
			webhooks: { v2: [sub], v1: [] },
			accounts: [account],
			users: [expect.objectContaining({ id: account.user })],
			calls: [expect.objectContaining({ path: '/v2/users', status: 401 })],
			faults: [],
		});
		expect(JSON.stringify(res.json)).not.toContain(harness.sim.apiKeySecret);
	});

	it('POST /_sim/accounts seeds an account (optionally partial)', async () => {
		const res = await request<ArgyleAccount>(harness.url('/_sim/accounts'), { method: 'POST', body: { employers: ['Acme'] } });
		expect(res.status).toBe(200);
		expect(res.json.employers).toEqual(['Acme']);
		expect(harness.sim.account(res.json.id)).toEqual(res.json);
		const bare = await request<ArgyleAccount>(harness.url('/_sim/accounts'), { method: 'POST' });
		expect(harness.sim.account(bare.json.id)).toBeDefined();
	});

	it('POST /_sim/events fires for a given or a freshly seeded account and returns delivery results', async () => {
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['accounts.failed'], secret: 'k' });
		const seeded = await request<{ account: string; user: string; results: DeliveryResult[] }>(harness.url('/_sim/events'), {
			method: 'POST',
			body: { event: 'accounts.failed', error_code: 'invalid_mfa' },
		});
		expect(seeded.status).toBe(200);
		expect(harness.sim.account(seeded.json.account)!.connection.error_code).toBe('invalid_mfa');
		expect(seeded.json.results).toEqual([expect.objectContaining({ status: 200, signature: expect.stringMatching(/^[0-9a-f]{128}$/) })]);
		expect(harness.receiver.received[0].json).toMatchObject({ data: { account: seeded.json.account, error_code: 'invalid_mfa' } });

		const existing = harness.sim.addAccount();
		const again = await request<{ account: string }>(harness.url('/_sim/events'), {
			method: 'POST',
			body: { event: 'accounts.failed', account: existing.id },
		});
		expect(again.json.account).toBe(existing.id);
		expect(harness.receiver.received).toHaveLength(2);

		const unknown = await request(harness.url('/_sim/events'), { method: 'POST', body: { event: 'accounts.failed', account: 'nope' } });
		expect(unknown.status).toBe(404);
		const missing = await request(harness.url('/_sim/events'), { method: 'POST', body: {} });
		expect(missing.status).toBe(400);
	});

	it('POST /_sim/events delivers any event with realistic data for an account, the given data on top', async () => {
		const account = harness.sim.addAccount();
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['paystubs.added'] });
		const res = await request<{ results: DeliveryResult[]; account: string }>(harness.url('/_sim/events'), {
			method: 'POST',
			body: { event: 'paystubs.added', account: account.id, data: { available_count: 3 } },
		});
		expect(res.json.results).toHaveLength(1);
		const delivered = harness.receiver.received[0].json as { event: string; name: string; data: Record<string, unknown> };
		expect(delivered).toMatchObject({ event: 'paystubs.added', name: 'planted-1' });
		expect(delivered.data).toMatchObject({ account: account.id, user: account.user, available_count: 3, added_count: 2 });
		const unknownAccount = await request(harness.url('/_sim/events'), { method: 'POST', body: { event: 'gigs.added', account: 'nope' } });
		expect(unknownAccount.status).toBe(404);
	});

	it('POST /_sim/events sends an event it has no builder for with the given data only', async () => {
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['*'] });
		await request(harness.url('/_sim/events'), { method: 'POST', body: { event: 'payouts.added', data: { payout: 'p-1' } } });
		expect((harness.receiver.received[0].json as { data: unknown }).data).toEqual({ payout: 'p-1' });
	});

	it('GET /_sim/events lists every event it can fire, with the name the trigger shows', async () => {
		const res = await request<{ events: Array<{ event: string; name: string }> }>(harness.url('/_sim/events'));
		expect(res.json.events).toHaveLength(53);
		expect(res.json.events).toContainEqual(expect.objectContaining({ event: 'paystubs.fully_synced', name: 'Paystubs: Fully Synced' }));
	});

	it('POST/DELETE /_sim/faults inject and clear faults (pathPattern, times "Infinity")', async () => {
		const add = await request(harness.url('/_sim/faults'), {
			method: 'POST',
			body: { pathPattern: '^/v2/users', status: 503, times: 'Infinity', retryAfterSeconds: 1 },
		});
		expect(add.status).toBe(200);
		const auth: [string, string] = [harness.sim.apiKeyId, harness.sim.apiKeySecret];
		for (let i = 0; i < 3; i++) expect((await request(harness.url('/v2/users'), { auth })).status).toBe(503);
		expect((await request(harness.url('/v2/accounts'), { auth })).status).toBe(200);
		expect((await request(harness.url('/_sim/faults'), { method: 'DELETE' })).status).toBe(204);
		expect((await request(harness.url('/v2/users'), { auth })).status).toBe(200);
		const bad = await request(harness.url('/_sim/faults'), { method: 'POST', body: { path: '/v2/users' } });
		expect(bad.status).toBe(400);
	});

	it('POST /_sim/reset clears everything; /_sim/webhooks plants and removes', async () => {
		const planted = await request<{ id: string }>(harness.url('/_sim/webhooks'), {
			method: 'POST',
			body: { url: harness.receiver.url, events: ['accounts.added'] },
		});
		expect(harness.sim.webhooks().map((w) => w.id)).toEqual([planted.json.id]);
		expect((await request(harness.url(`/_sim/webhooks/${planted.json.id}`), { method: 'DELETE' })).status).toBe(204);
		expect(harness.sim.webhooks()).toEqual([]);
		harness.sim.addAccount();
		harness.sim.injectFault({ status: 500, times: Infinity });
		await request(harness.url('/v2/users'));
		expect((await request(harness.url('/_sim/reset'), { method: 'POST' })).status).toBe(200);
		expect([harness.sim.accounts(), harness.sim.users(), harness.sim.calls, harness.sim.faultList()]).toEqual([[], [], [], []]);
		expect((await request(harness.url('/_sim/nothing'))).status).toBe(404);
	});

	it('parseArgs reads flags and env; banner shows URL, keys and curl examples', async () => {
		expect(parseArgs(['--port', '5699', '--key-id=kid', '--key-secret', 'ks', '--page-size', '3', '--quiet'])).toEqual({
			port: 5699,
			apiKeyId: 'kid',
			apiKeySecret: 'ks',
			defaultPageSize: 3,
			quiet: true,
		});
		expect(parseArgs([], { ARGYLE_SIM_PORT: '7000', ARGYLE_SIM_KEY_ID: 'e' })).toEqual({ port: 7000, apiKeyId: 'e', quiet: false });
		expect(() => parseArgs(['--bogus'])).toThrow(/unknown option/);
		expect(() => parseArgs(['--port', 'x'])).toThrow(/integer/);
		const text = banner(harness.sim);
		expect(text).toContain(harness.sim.baseUrl);
		expect(text).toContain(harness.sim.apiKeyId);
		expect(text).toContain(harness.sim.apiKeySecret);
		expect(text).toContain(`curl -s -X POST ${harness.sim.baseUrl}/_sim/events`);
		expect(text).toContain(harness.sim.storageOrigin);
		expect(parseArgs(['--report-delay-ms', '50', '--file-redirect', 'loop'])).toMatchObject({ reportDelayMs: 50, fileRedirect: 'loop' });
		expect(() => parseArgs(['--file-redirect', 'nowhere'])).toThrow(/storage, same-origin or loop/);
	});

	it('POST /_sim/accounts {kind} seeds an employer or a gig account with its data; other kinds 400', async () => {
		const gig = await request<ArgyleAccount>(harness.url('/_sim/accounts'), { method: 'POST', body: { kind: 'gig' } });
		expect(gig.status).toBe(200);
		expect(gig.json.availability.gigs).toMatchObject({ status: 'synced', available_count: expect.any(Number) });
		expect(harness.sim.objects('vehicles', { account: gig.json.id })).toHaveLength(1);
		const employer = await request<ArgyleAccount>(harness.url('/_sim/accounts'), { method: 'POST', body: { kind: 'employer' } });
		expect(harness.sim.objects('shifts', { account: employer.json.id }).length).toBeGreaterThan(0);
		const bad = await request(harness.url('/_sim/accounts'), { method: 'POST', body: { kind: 'bank' } });
		expect(bad.status).toBe(400);
	});

	it('POST /_sim/files sets the file redirect mode; GET /_sim/storage and /_sim/state show what storage received', async () => {
		const account = harness.sim.addAccount();
		const doc = harness.sim.objects('payroll_documents', { account: account.id })[0];
		const auth: [string, string] = [harness.sim.apiKeyId, harness.sim.apiKeySecret];
		const set = await request(harness.url('/_sim/files'), { method: 'POST', body: { redirect: 'same-origin' } });
		expect(set.json).toEqual({ redirect: 'same-origin', rejectAuthorization: false });
		expect((await request(String(doc.file_url), { auth })).headers.location.startsWith(harness.sim.baseUrl)).toBe(true);
		await request(harness.url('/_sim/files'), { method: 'POST', body: {} });
		const location = (await request(String(doc.file_url), { auth })).headers.location;
		expect(location.startsWith(harness.sim.storageOrigin)).toBe(true);
		await request(location);
		const storage = await request<{ origin: string; requests: Array<{ url: string }> }>(harness.url('/_sim/storage'));
		expect(storage.json).toEqual({ origin: harness.sim.storageOrigin, requests: [expect.objectContaining({ url: location, origin: 'storage' })] });
		const state = await request<{ storage: unknown }>(harness.url('/_sim/state'));
		expect(state.json.storage).toEqual(storage.json);
		expect((await request(harness.url('/_sim/files'), { method: 'POST', body: { redirect: 'ftp' } })).status).toBe(400);
	});
});
