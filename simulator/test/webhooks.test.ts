import { ArgyleSimulator, request, V1_EVENTS, V2_EVENTS, type ListPage, type WebhookSubscription } from '..';

type Errors = Record<string, string[]>;

describe('simulator: /v2 and /v1 webhooks', () => {
	let sim: ArgyleSimulator;
	const url = (p: string): string => `${sim.baseUrl}${p}`;
	const auth = (): [string, string] => [sim.apiKeyId, sim.apiKeySecret];
	const create = (body: unknown, version = 'v2') =>
		request<WebhookSubscription & Errors>(url(`/${version}/webhooks`), { method: 'POST', body, auth: auth() });
	const valid = (n = 0) => ({
		name: `n8n-${n}`,
		url: `http://127.0.0.1:5678/webhook/abc-${n}`,
		events: ['accounts.connected', 'accounts.failed'],
		secret: `s3cret-${n}`,
	});

	beforeAll(async () => {
		sim = await ArgyleSimulator.start();
	});
	afterAll(() => sim.stop());
	beforeEach(() => sim.reset());

	it('creates a webhook: 200 with the full object, secret in clear, config {} by default', async () => {
		const res = await create(valid(1));
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
			name: 'n8n-1',
			events: ['accounts.connected', 'accounts.failed'],
			config: {},
			secret: 's3cret-1',
			url: 'http://127.0.0.1:5678/webhook/abc-1',
			created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
			updated_at: expect.any(String),
			last_sent_at: null,
		});
		expect(sim.webhooks('v2')).toEqual([res.json]);
	});

	it('stores config as given, secret null when absent, and "*" (string or list) as ["*"]', async () => {
		const a = await create({ ...valid(), secret: undefined, config: { include_resource: true, extra: 1 } });
		expect(a.json.config).toEqual({ include_resource: true, extra: 1 });
		expect(a.json.secret).toBeNull();
		const b = await create({ ...valid(), events: '*' });
		expect(b.status).toBe(200);
		expect(b.json.events).toEqual(['*']);
		const c = await create({ ...valid(), events: ['*'] });
		expect(c.json.events).toEqual(['*']);
	});

	it('returns the secret on list and get', async () => {
		const { json: created } = await create(valid(2));
		const list = await request<ListPage<WebhookSubscription>>(url('/v2/webhooks'), { auth: auth() });
		expect(list.json.results[0].secret).toBe('s3cret-2');
		const got = await request<WebhookSubscription>(url(`/v2/webhooks/${created.id}`), { auth: auth() });
		expect(got.status).toBe(200);
		expect(got.json).toEqual(created);
	});

	it('400s with a DRF field map when required fields are missing', async () => {
		const res = await create({});
		expect(res.status).toBe(400);
		expect(res.json).toEqual({
			name: ['This field is required.'],
			url: ['This field is required.'],
			events: ['This field is required.'],
		});
		const empty = await request<Errors>(url('/v2/webhooks'), { method: 'POST', auth: auth() });
		expect(empty.status).toBe(400);
		expect(Object.keys(empty.json).sort()).toEqual(['events', 'name', 'url']);
		expect(sim.webhooks()).toHaveLength(0);
	});

	it('400s on unknown events, empty lists, non-list events, bad urls and blank names', async () => {
		const unknown = await create({ ...valid(), events: ['accounts.connected', 'foo'] });
		expect(unknown.status).toBe(400);
		expect(unknown.json).toEqual({ events: ['"foo" is not a valid choice.'] });
		expect((await create({ ...valid(), events: [] })).json).toEqual({ events: ['This list may not be empty.'] });
		expect((await create({ ...valid(), events: 'accounts.added' })).json).toEqual({
			events: ['Expected a list of items but got type "str".'],
		});
		for (const bad of ['not a url', 'ftp://example.com/x', '/relative/path', '']) {
			const r = await create({ ...valid(), url: bad });
			expect([bad, r.status, r.json.url]).toEqual([
				bad,
				400,
				[bad === '' ? 'This field may not be blank.' : 'Enter a valid URL.'],
			]);
		}
		expect((await create({ ...valid(), name: '  ' })).json).toEqual({ name: ['This field may not be blank.'] });
		expect((await create({ ...valid(), config: [] })).json).toEqual({
			config: ['Expected a dictionary of items but got type "list".'],
		});
		expect(sim.webhooks()).toHaveLength(0);
	});

	it('accepts every documented v2 event, and items.* only with config.items', async () => {
		const nonItems = V2_EVENTS.filter((e) => !e.startsWith('items.'));
		expect(nonItems).toEqual(expect.arrayContaining(['accounts.removed', 'users.fully_synced', 'paystubs.partially_synced']));
		expect((await create({ ...valid(), events: nonItems })).status).toBe(200);
		const noItems = await create({ ...valid(), events: ['items.updated'] });
		expect(noItems.status).toBe(400);
		expect(noItems.json.config).toBeDefined();
		expect((await create({ ...valid(), events: ['items.updated'], config: { items: ['item_000000001'] } })).status).toBe(200);
	});

	it('pages through many subscriptions by following absolute next URLs until null', async () => {
		sim.setPageSize(3);
		const created: string[] = [];
		for (let i = 0; i < 8; i++) created.push((await create(valid(i))).json.id);

		const seen: string[] = [];
		let next: string | null = url('/v2/webhooks?limit=200');
		let pages = 0;
		while (next) {
			expect(next.startsWith(`${sim.baseUrl}/v2/webhooks?`)).toBe(true);
			if (pages > 0) expect(next).toContain('cursor=');
			const page: Awaited<ReturnType<typeof request<ListPage<WebhookSubscription>>>> = await request<
				ListPage<WebhookSubscription>
			>(next, { auth: auth() });
			expect(page.status).toBe(200);
			expect(page.json.results.length).toBeLessThanOrEqual(3);
			if (pages === 0) expect(page.json.previous).toBeNull();
			else expect(page.json.previous).toContain('cursor=');
			seen.push(...page.json.results.map((r) => r.id));
			next = page.json.next;
			pages += 1;
		}
		expect(pages).toBe(3);
		expect(seen).toEqual(created);
	});

	it('uses the default page size without limit, honours smaller limits, clamps at 200 and can go back', async () => {
		for (let i = 0; i < 12; i++) await create(valid(i));
		const first = await request<ListPage<WebhookSubscription>>(url('/v2/webhooks'), { auth: auth() });
		expect(first.json.results).toHaveLength(10);
		const two = await request<ListPage<WebhookSubscription>>(url('/v2/webhooks?limit=2'), { auth: auth() });
		expect(two.json.results).toHaveLength(2);
		expect(two.json.next).toContain('limit=2');
		const big = await request<ListPage<WebhookSubscription>>(url('/v2/webhooks?limit=500'), { auth: auth() });
		expect(big.json.results).toHaveLength(12);
		expect(big.json.next).toBeNull();

		const second = await request<ListPage<WebhookSubscription>>(two.json.next!, { auth: auth() });
		const back = await request<ListPage<WebhookSubscription>>(second.json.previous!, { auth: auth() });
		expect(back.json.results.map((r) => r.id)).toEqual(two.json.results.map((r) => r.id));
		expect(back.json.previous).toBeNull();
	});

	it('keeps paging correctly when a subscription is deleted between pages', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 4; i++) ids.push((await create(valid(i))).json.id);
		const p1 = await request<ListPage<WebhookSubscription>>(url('/v2/webhooks?limit=2'), { auth: auth() });
		sim.removeWebhook(ids[1]);
		const p2 = await request<ListPage<WebhookSubscription>>(p1.json.next!, { auth: auth() });
		expect(p2.json.results.map((r) => r.id)).toEqual([ids[2], ids[3]]);
		expect(p2.json.next).toBeNull();
	});

	it('404s an invalid cursor', async () => {
		const res = await request(url('/v2/webhooks?cursor=garbage'), { auth: auth() });
		expect(res.status).toBe(404);
		expect(res.json).toEqual({ detail: 'Invalid cursor' });
	});

	it('deletes with 204 and an empty body, then 404s', async () => {
		const { json: sub } = await create(valid());
		const del = await request(url(`/v2/webhooks/${sub.id}`), { method: 'DELETE', auth: auth() });
		expect(del.status).toBe(204);
		expect(del.text).toBe('');
		expect(sim.webhooks()).toHaveLength(0);
		for (const method of ['GET', 'DELETE']) {
			const again = await request(url(`/v2/webhooks/${sub.id}`), { method, auth: auth() });
			expect([method, again.status, again.json]).toEqual([method, 404, { detail: 'Not found.' }]);
		}
	});

	it('keeps v1 and v2 subscriptions in separate stores', async () => {
		const v1 = await create({ ...valid(1), events: ['accounts.pay_distribution_updated'] }, 'v1');
		expect(v1.status).toBe(200);
		expect(V1_EVENTS).toContain('accounts.pay_distribution_failed');
		const v2Reject = await create({ ...valid(), events: ['accounts.pay_distribution_updated'] });
		expect(v2Reject.json).toEqual({ events: ['"accounts.pay_distribution_updated" is not a valid choice.'] });
		const v2 = await create(valid(2));

		const list2 = await request<ListPage<WebhookSubscription>>(url('/v2/webhooks'), { auth: auth() });
		expect(list2.json.results.map((r) => r.id)).toEqual([v2.json.id]);
		const list1 = await request<ListPage<WebhookSubscription>>(url('/v1/webhooks'), { auth: auth() });
		expect(list1.json.results.map((r) => r.id)).toEqual([v1.json.id]);
		expect((await request(url(`/v2/webhooks/${v1.json.id}`), { auth: auth() })).status).toBe(404);
		expect((await request(url(`/v1/webhooks/${v2.json.id}`), { method: 'DELETE', auth: auth() })).status).toBe(404);
		expect(sim.webhooks('v1').map((w) => w.id)).toEqual([v1.json.id]);
		expect(sim.webhooks().map((w) => w.id)).toEqual([v2.json.id, v1.json.id]);
	});

	it('plantWebhook / removeWebhook change what the API lists', async () => {
		const a = sim.plantWebhook({ url: 'http://127.0.0.1:1/h', events: ['accounts.added'], secret: 'x' });
		const b = sim.plantWebhook({ url: 'http://127.0.0.1:1/h', events: ['accounts.added'] });
		const old = sim.plantWebhook({ url: 'http://127.0.0.1:1/h', events: ['*'], version: 'v1' });
		expect(a.name).toBe('planted-1');
		expect(b.secret).toBeNull();
		const list = await request<ListPage<WebhookSubscription>>(url('/v2/webhooks'), { auth: auth() });
		expect(list.json.results.map((r) => r.id)).toEqual([a.id, b.id]);
		expect(sim.removeWebhook(a.id)).toBe(true);
		expect(sim.removeWebhook(old.id)).toBe(true);
		expect(sim.removeWebhook(a.id)).toBe(false);
		expect((await request(url(`/v2/webhooks/${a.id}`), { auth: auth() })).status).toBe(404);
		expect(sim.webhooks().map((w) => w.id)).toEqual([b.id]);
	});

	it('returns copies: mutating a returned subscription does not change the store', () => {
		const planted = sim.plantWebhook({ url: 'http://127.0.0.1:1/h', events: ['accounts.added'] });
		planted.events.push('accounts.removed');
		sim.webhooks()[0].name = 'changed';
		expect(sim.webhooks()[0]).toMatchObject({ events: ['accounts.added'], name: 'planted-1' });
	});
});
