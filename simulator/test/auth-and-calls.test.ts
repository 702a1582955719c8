import { ArgyleSimulator, request } from '..';

describe('simulator: Basic auth and the call log', () => {
	let sim: ArgyleSimulator;
	const url = (p: string): string => `${sim.baseUrl}${p}`;
	const auth = (): [string, string] => [sim.apiKeyId, sim.apiKeySecret];

	beforeAll(async () => {
		sim = await ArgyleSimulator.start();
	});
	afterAll(() => sim.stop());
	beforeEach(() => sim.reset());

	it('listens on 127.0.0.1 with a random port and generated keys', async () => {
		expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sim.apiKeyId).toMatch(/^sim_key_[0-9a-f]{12}$/);
		expect(sim.apiKeySecret).toMatch(/^[0-9a-f]{32}$/);
		const other = await ArgyleSimulator.start();
		try {
			expect(other.baseUrl).not.toBe(sim.baseUrl);
			expect(other.apiKeySecret).not.toBe(sim.apiKeySecret);
		} finally {
			await other.stop();
		}
	});

	it('uses the configured keys', async () => {
		const fixed = await ArgyleSimulator.start({ apiKeyId: 'id-1', apiKeySecret: 'secret-1' });
		try {
			expect((await request(`${fixed.baseUrl}/v2/webhooks`, { auth: ['id-1', 'secret-1'] })).status).toBe(200);
			expect((await request(`${fixed.baseUrl}/v2/webhooks`, { auth: ['id-1', 'secret-2'] })).status).toBe(401);
		} finally {
			await fixed.stop();
		}
	});

	it('answers 401 "not provided" without credentials', async () => {
		const res = await request(url('/v2/webhooks'));
		expect(res.status).toBe(401);
		expect(res.json).toEqual({ detail: 'Authentication credentials were not provided.' });
		expect(res.headers['www-authenticate']).toBe('Basic realm="api"');
		const bearer = await request(url('/v2/users'), { auth: 'Bearer abc' });
		expect(bearer.status).toBe(401);
		expect(bearer.json).toEqual({ detail: 'Authentication credentials were not provided.' });
	});

	it('answers 401 "Invalid username/password." for wrong keys, on every API route', async () => {
		for (const p of ['/v2/webhooks', '/v1/webhooks', '/v2/accounts', '/v2/users', '/v2/accounts/x', '/v2/users/x']) {
			const res = await request(url(p), { auth: [sim.apiKeyId, 'wrong'] });
			expect([p, res.status, res.json]).toEqual([p, 401, { detail: 'Invalid username/password.' }]);
		}
		const wrongId = await request(url('/v2/webhooks'), { method: 'POST', body: {}, auth: ['nope', sim.apiKeySecret] });
		expect(wrongId.status).toBe(401);
		expect(sim.webhooks()).toHaveLength(0);
	});

	it('accepts the right keys', async () => {
		const res = await request(url('/v2/users?limit=1'), { auth: auth() });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ next: null, previous: null, results: [] });
	});

	it('404s unknown routes and 405s unknown methods', async () => {
		const unknown = await request(url('/v3/webhooks'), { auth: auth() });
		expect(unknown.status).toBe(404);
		expect(unknown.json).toEqual({ detail: 'Not found.' });
		const put = await request(url('/v2/webhooks'), { method: 'PUT', body: {}, auth: auth() });
		expect(put.status).toBe(405);
		expect(put.json).toEqual({ detail: 'Method "PUT" not allowed.' });
		expect(put.headers.allow).toContain('POST');
	});

	it('records every API call with method, path, query, body, authorized and status', async () => {
		await request(url('/v2/webhooks?limit=5'), { auth: auth() });
		await request(url('/v2/webhooks'), { method: 'POST', body: { name: 'x' }, auth: auth() });
		await request(url('/v2/accounts'), { auth: [sim.apiKeyId, 'bad'] });
		const before = Date.now();
		expect(sim.calls).toHaveLength(3);
		expect(sim.calls[0]).toMatchObject({ method: 'GET', path: '/v2/webhooks', query: { limit: '5' }, body: null, authorized: true, status: 200, faulted: false });
		expect(sim.calls[1]).toMatchObject({ method: 'POST', path: '/v2/webhooks', query: {}, body: { name: 'x' }, authorized: true, status: 400 });
		expect(sim.calls[2]).toMatchObject({ method: 'GET', path: '/v2/accounts', authorized: false, status: 401 });
		expect(sim.calls[2].at).toBeLessThanOrEqual(before);
		expect(sim.calls[0].at).toBeGreaterThan(before - 10_000);
	});

	it('keeps invalid JSON bodies as raw text and answers a DRF parse error', async () => {
		const res = await request(url('/v2/webhooks'), { method: 'POST', rawBody: '{"name":', auth: auth() });
		expect(res.status).toBe(400);
		expect((res.json as { detail: string }).detail).toMatch(/^JSON parse error/);
		expect(sim.calls[0].body).toBe('{"name":');
	});

	it('clearCalls() empties the log in place; /_sim calls are never recorded', async () => {
		const log = sim.calls;
		await request(url('/v2/users'), { auth: auth() });
		expect(log).toHaveLength(1);
		sim.clearCalls();
		expect(log).toHaveLength(0);
		await request(url('/_sim/state'));
		await request(url('/_sim/accounts'), { method: 'POST', body: {} });
		expect(sim.calls).toHaveLength(0);
		expect(sim.accounts()).toHaveLength(1);
	});

	it('stop() closes the port', async () => {
		const s = await ArgyleSimulator.start();
		await s.stop();
		await expect(request(`${s.baseUrl}/v2/users`, { auth: [s.apiKeyId, s.apiKeySecret] })).rejects.toThrow(/ECONNREFUSED/);
	});
});
