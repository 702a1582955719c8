import { createHmac, timingSafeEqual } from 'node:crypto';
import { request, type ArgyleAccount } from '..';
import { useSimulator } from './fixture';

describe('simulator: webhook deliveries', () => {
	const harness = useSimulator({ deliveryTimeoutMs: 300 });

	const subscribe = (events: string[], extra: Record<string, unknown> = {}) =>
		request<{ id: string }>(`${harness.sim.baseUrl}/v2/webhooks`, {
			method: 'POST',
			auth: harness.auth(),
			body: { name: 'n8n-trigger', url: harness.receiver.url, events, ...extra },
		}).then((r) => r.json);

	it('POSTs {"event","name","data"} with an HMAC-SHA512 hex signature over the exact bytes', async () => {
		const sub = await subscribe(['accounts.connected'], { secret: 'top-secret' });
		const account = harness.sim.addAccount();
		const results = await harness.sim.fireAccountEvent('accounts.connected', account.id);

		expect(results).toHaveLength(1);
		const [got] = harness.receiver.received;
		expect(got.method).toBe('POST');
		expect(got.path).toBe('/hook');
		expect(got.headers['content-type']).toBe('application/json');
		expect(got.json).toEqual({
			event: 'accounts.connected',
			name: 'n8n-trigger',
			data: { account: account.id, user: account.user },
		});
		const expected = createHmac('sha512', 'top-secret').update(got.raw).digest('hex');
		const header = String(got.headers['x-argyle-signature']);
		expect(header).toMatch(/^[0-9a-f]{128}$/);
		expect(timingSafeEqual(Buffer.from(header), Buffer.from(expected))).toBe(true);
		expect(createHmac('sha512', 'other').update(got.raw).digest('hex')).not.toBe(header);
		expect(results[0]).toMatchObject({
			subscriptionId: sub.id,
			url: harness.receiver.url,
			event: 'accounts.connected',
			status: 200,
			responseBody: '{"ok":true}',
			body: got.raw.toString('utf8'),
			signature: header,
		});
		expect(harness.sim.sign(got.raw, 'top-secret')).toBe(expected);
		expect(harness.sim.sign(got.raw.toString('utf8'), 'top-secret')).toBe(expected);
	});

	it('signs non-ASCII payloads over the UTF-8 bytes sent', async () => {
		await subscribe(['accounts.updated'], { secret: 'ü-secret' });
		const account = harness.sim.addAccount({ employers: ['Café Zoë 🚀'] });
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['accounts.updated'], secret: 'ü-secret', config: { include_resource: true } });
		await harness.sim.fireAccountEvent('accounts.updated', account.id);
		expect(harness.receiver.received).toHaveLength(2);
		for (const got of harness.receiver.received) {
			expect(got.headers['x-argyle-signature']).toBe(createHmac('sha512', 'ü-secret').update(got.raw).digest('hex'));
		}
		const withResource = harness.receiver.received.filter((r) => r.raw.toString('utf8').includes('Café Zoë 🚀'));
		expect(withResource).toHaveLength(1);
	});

	it('sends no signature header when the subscription has no secret', async () => {
		await subscribe(['accounts.added']);
		const account = harness.sim.addAccount();
		const [r] = await harness.sim.fireAccountEvent('accounts.added', account.id);
		expect(r.signature).toBeNull();
		expect(harness.receiver.received[0].headers['x-argyle-signature']).toBeUndefined();
	});

	it('include_resource puts the full account object in data.resource', async () => {
		await subscribe(['accounts.updated'], { secret: 's', config: { include_resource: true } });
		await subscribe(['accounts.updated'], { secret: 's' });
		const account = harness.sim.addAccount();
		await harness.sim.fireAccountEvent('accounts.updated', account.id, { error_code: 'auth_required' });
		const bodies = harness.receiver.received.map((r) => r.json as { data: { resource?: ArgyleAccount } });
		const withRes = bodies.find((b) => b.data.resource)!;
		const without = bodies.find((b) => b !== withRes)!;
		expect(bodies).toHaveLength(2);
		expect(withRes.data.resource).toEqual(harness.sim.account(account.id));
		expect(withRes.data.resource).toMatchObject({
			id: account.id,
			user: account.user,
			connection: { status: 'error', error_code: 'auth_required', error_message: expect.any(String) },
		});
		expect(without.data).not.toHaveProperty('resource');
	});

	it('a "*" subscription gets account events (never items.*) but no resource', async () => {
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['*'], config: { include_resource: true } });
		const account = harness.sim.addAccount();
		await harness.sim.fireAccountEvent('accounts.connected', account.id);
		expect(await harness.sim.deliver('items.updated', { item: 'item_000000001' })).toEqual([]);
		expect(harness.receiver.received).toHaveLength(1);
		expect((harness.receiver.received[0].json as { data: object }).data).toEqual({ account: account.id, user: account.user });
	});

	it('only delivers to subscriptions whose events include the event, and honours `only`', async () => {
		const a = await subscribe(['accounts.failed']);
		const b = await subscribe(['accounts.failed', 'accounts.removed']);
		await subscribe(['accounts.connected']);
		expect(await harness.sim.deliver('paystubs.added', { account: 'x', user: 'y' })).toEqual([]);
		const both = await harness.sim.deliver('accounts.failed', { account: 'x', user: 'y' });
		expect(both.map((r) => r.subscriptionId).sort()).toEqual([a.id, b.id].sort());
		const one = await harness.sim.deliver('accounts.failed', { account: 'x', user: 'y' }, { only: b.id });
		expect(one.map((r) => r.subscriptionId)).toEqual([b.id]);
		expect(harness.receiver.received).toHaveLength(3);
	});

	it('fireAccountEvent("accounts.failed") adds a real error code/message and updates the account', async () => {
		await subscribe(['accounts.failed']);
		const account = harness.sim.addAccount();
		expect(account.connection.status).toBe('connected');
		await harness.sim.fireAccountEvent('accounts.failed', account.id);
		expect((harness.receiver.received[0].json as { data: object }).data).toEqual({
			account: account.id,
			user: account.user,
			error_code: 'invalid_credentials',
			error_message: expect.stringMatching(/\w/),
		});
		expect(harness.sim.account(account.id)!.connection).toMatchObject({ status: 'error', error_code: 'invalid_credentials' });

		await harness.sim.fireAccountEvent('accounts.failed', account.id, { error_code: 'invalid_mfa' });
		expect((harness.receiver.received[1].json as { data: { error_message: string } }).data).toMatchObject({
			error_code: 'invalid_mfa',
			error_message: 'This user did not provide the correct multi-factor authentication response.',
		});
		await harness.sim.fireAccountEvent('accounts.failed', account.id, { error_code: 'mfa_timeout', error_message: 'custom' });
		expect(harness.sim.account(account.id)!.connection).toMatchObject({ error_code: 'mfa_timeout', error_message: 'custom' });
		await expect(harness.sim.fireAccountEvent('accounts.failed', 'nope')).rejects.toThrow(/unknown account/);
	});

	it('updates last_sent_at on the subscription', async () => {
		const sub = await subscribe(['accounts.added']);
		expect(harness.sim.webhooks()[0].last_sent_at).toBeNull();
		await harness.sim.fireAccountEvent('accounts.added', harness.sim.addAccount().id);
		const after = await request<{ last_sent_at: string | null }>(`${harness.sim.baseUrl}/v2/webhooks/${sub.id}`, { auth: harness.auth() });
		expect(after.json.last_sent_at).toMatch(/^\d{4}-\d\d-\d\dT/);
	});

	it('reports the receiver status, network errors and timeouts as results', async () => {
		await subscribe(['accounts.added']);
		harness.receiver.respondWith(500, 'boom');
		const [r500] = await harness.sim.deliver('accounts.added', { account: 'a', user: 'u' });
		expect(r500).toMatchObject({ status: 500, responseBody: 'boom' });

		harness.receiver.respondWith(200, '{}', 1000);
		const [slow] = await harness.sim.deliver('accounts.added', { account: 'a', user: 'u' });
		expect(slow.status).toBe(0);
		expect(slow.error).toMatch(/timeout/);

		harness.sim.plantWebhook({ url: 'http://127.0.0.1:1/nothing-here', events: ['accounts.removed'] });
		harness.sim.plantWebhook({ url: 'https://example.com/hook', events: ['accounts.removed'] });
		const [refused, external] = await harness.sim.deliver('accounts.removed', { account: 'a', user: 'u' });
		expect(refused).toMatchObject({ status: 0, error: expect.stringMatching(/ECONNREFUSED/) });
		expect(external).toMatchObject({ status: 0, error: expect.stringMatching(/loopback/) });
		expect(harness.sim.deliveries.map((d) => d.status)).toEqual([500, 0, 0, 0]);
	});

	it('delivers to v1 subscriptions too (v1 events like accounts.pay_distribution_updated)', async () => {
		await request(`${harness.sim.baseUrl}/v1/webhooks`, {
			method: 'POST',
			auth: harness.auth(),
			body: { name: 'legacy', url: harness.receiver.url, events: ['accounts.pay_distribution_updated'], secret: 'v1' },
		});
		const [r] = await harness.sim.deliver('accounts.pay_distribution_updated', { account: 'a', user: 'u' });
		expect(r.status).toBe(200);
		expect(harness.receiver.received[0].json).toMatchObject({ name: 'legacy', event: 'accounts.pay_distribution_updated' });
	});
});
