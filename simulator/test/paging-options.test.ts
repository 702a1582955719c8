import { ArgyleSimulator, request, type ListPage, type WebhookSubscription } from '..';

describe('simulator: page size settings', () => {
	const list = (sim: ArgyleSimulator, q = '') =>
		request<ListPage<WebhookSubscription>>(`${sim.baseUrl}/v2/webhooks${q}`, { auth: [sim.apiKeyId, sim.apiKeySecret] });
	const seed = (sim: ArgyleSimulator, n: number): void => {
		for (let i = 0; i < n; i++) sim.plantWebhook({ url: `http://127.0.0.1:1/${i}`, events: ['accounts.added'] });
	};

	it('setPageSize(n) sets the default and caps `limit`; reset() restores the configured sizes', async () => {
		const sim = await ArgyleSimulator.start();
		try {
			seed(sim, 25);
			expect((await list(sim)).json.results).toHaveLength(10);
			expect((await list(sim, '?limit=200')).json.results).toHaveLength(25);
			sim.setPageSize(4);
			expect((await list(sim)).json.results).toHaveLength(4);
			expect((await list(sim, '?limit=200')).json.results).toHaveLength(4);
			expect((await list(sim, '?limit=2')).json.results).toHaveLength(2);
			expect(() => sim.setPageSize(0)).toThrow();
			sim.reset();
			seed(sim, 25);
			expect((await list(sim)).json.results).toHaveLength(10);
		} finally {
			await sim.stop();
		}
	});

	it('defaultPageSize / maxPageSize options', async () => {
		const sim = await ArgyleSimulator.start({ defaultPageSize: 3, maxPageSize: 5 });
		try {
			seed(sim, 8);
			expect((await list(sim)).json.results).toHaveLength(3);
			expect((await list(sim, '?limit=200')).json.results).toHaveLength(5);
			expect((await list(sim, '?limit=abc')).json.results).toHaveLength(3);
		} finally {
			await sim.stop();
		}
	});

	it('a fixed port can be requested', async () => {
		const probe = await ArgyleSimulator.start();
		const port = Number(new URL(probe.baseUrl).port);
		await probe.stop();
		const sim = await ArgyleSimulator.start({ port });
		try {
			expect(sim.baseUrl).toBe(`http://127.0.0.1:${port}`);
			await expect(ArgyleSimulator.start({ port })).rejects.toThrow(/EADDRINUSE/);
		} finally {
			await sim.stop();
		}
	});
});
