import { ArgyleSimulator, request } from '..';

describe('simulator: fault injection', () => {
	let sim: ArgyleSimulator;
	const url = (p: string): string => `${sim.baseUrl}${p}`;
	const call = (p: string, method = 'GET', body?: unknown) =>
		request(url(p), { method, body, auth: [sim.apiKeyId, sim.apiKeySecret] });

	beforeAll(async () => {
		sim = await ArgyleSimulator.start();
	});
	afterAll(() => sim.stop());
	beforeEach(() => sim.reset());

	it('answers a 500 once (default times 1) with the default body, then normally', async () => {
		sim.injectFault({ method: 'GET', path: '/v2/webhooks', status: 500 });
		const first = await call('/v2/webhooks');
		expect(first.status).toBe(500);
		expect(first.json).toEqual({ detail: 'Simulated failure.' });
		expect((await call('/v2/webhooks')).status).toBe(200);
	});

	it('answers 429 with Retry-After and a custom body', async () => {
		sim.injectFault({ path: '/v2/webhooks', status: 429, retryAfterSeconds: 2, body: { detail: 'Request was throttled.' } });
		const res = await call('/v2/webhooks');
		expect(res.status).toBe(429);
		expect(res.headers['retry-after']).toBe('2');
		expect(res.json).toEqual({ detail: 'Request was throttled.' });
	});

	it('applies `times` times, then stops; Infinity keeps going until clearFaults()', async () => {
		sim.injectFault({ method: 'POST', path: '/v2/webhooks', status: 503, times: 2 });
		const body = { name: 'n', url: 'http://127.0.0.1:1/x', events: ['accounts.added'] };
		expect((await call('/v2/webhooks', 'POST', body)).status).toBe(503);
		expect((await call('/v2/webhooks', 'POST', body)).status).toBe(503);
		expect((await call('/v2/webhooks', 'POST', body)).status).toBe(200);
		expect(sim.webhooks()).toHaveLength(1);

		sim.injectFault({ path: '/v2/users', status: 502, times: Infinity });
		for (let i = 0; i < 5; i++) expect((await call('/v2/users')).status).toBe(502);
		sim.clearFaults();
		expect((await call('/v2/users')).status).toBe(200);
	});

	it('matches by method, exact path or prefix, and RegExp', async () => {
		sim.injectFault({ method: 'DELETE', path: '/v2/webhooks', status: 500, times: Infinity });
		expect((await call('/v2/webhooks')).status).toBe(200);
		expect((await call('/v2/webhooks/abc', 'DELETE')).status).toBe(500); // prefix
		sim.clearFaults();
		sim.injectFault({ path: /^\/v2\/accounts\/[^/]+$/, status: 418 });
		expect((await call('/v2/accounts')).status).toBe(200);
		expect((await call('/v2/accounts/xyz')).status).toBe(418);
		sim.injectFault({ path: /cursor=/, status: 500 });
		expect((await call('/v2/users')).status).toBe(200);
		expect((await call('/v2/users?cursor=abc')).status).toBe(500);
	});

	it('delays without a status, then answers normally', async () => {
		sim.injectFault({ path: '/v2/users', delayMs: 150 });
		const t0 = Date.now();
		const res = await call('/v2/users');
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
		expect(res.status).toBe(200);
		const t1 = Date.now();
		await call('/v2/users');
		expect(Date.now() - t1).toBeLessThan(140);
	});

	it('delays and then fails when both are given; sends raw text bodies as-is', async () => {
		sim.injectFault({ path: '/v2/users', delayMs: 100, status: 502, body: '<html>Bad Gateway</html>' });
		const t0 = Date.now();
		const res = await call('/v2/users');
		expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
		expect(res.status).toBe(502);
		expect(res.text).toBe('<html>Bad Gateway</html>');
		expect(res.headers['content-type']).toMatch(/^text\/plain/);
	});

	it('faults fire before auth and are logged in calls like any call', async () => {
		sim.injectFault({ path: '/v2/webhooks', status: 500 });
		const res = await request(url('/v2/webhooks'));
		expect(res.status).toBe(500);
		await call('/v2/webhooks');
		expect(sim.calls.map((c) => [c.path, c.status, c.faulted, c.authorized])).toEqual([
			['/v2/webhooks', 500, true, false],
			['/v2/webhooks', 200, false, true],
		]);
	});

	it('rejects useless fault specs', () => {
		expect(() => sim.injectFault({ path: '/v2/users' })).toThrow(/status, a delayMs/);
		expect(() => sim.injectFault({ status: 500, times: 0 })).toThrow(/times/);
	});

	it('reset() clears faults', async () => {
		sim.injectFault({ status: 500, times: Infinity });
		sim.reset();
		expect((await call('/v2/users')).status).toBe(200);
	});
});
