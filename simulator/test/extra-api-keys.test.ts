import { ArgyleSimulator, request } from '..';

describe('simulator: extra API keys (addApiKey, for key rotation)', () => {
	let sim: ArgyleSimulator;

	beforeAll(async () => {
		sim = await ArgyleSimulator.start({ apiKeyId: 'old-id', apiKeySecret: 'old-secret' });
	});
	afterAll(() => sim.stop());

	it('accepts an added key next to the original one, records it as authorized, and forgets it on reset()', async () => {
		const list = (id: string, secret: string) => request(`${sim.baseUrl}/v2/webhooks`, { auth: [id, secret] });
		expect((await list('new-id', 'new-secret')).status).toBe(401);
		sim.addApiKey('new-id', 'new-secret');
		expect((await list('new-id', 'new-secret')).status).toBe(200);
		expect((await list('old-id', 'old-secret')).status).toBe(200);
		expect((await list('new-id', 'old-secret')).status).toBe(401);
		expect(sim.calls.map((c) => c.authorized)).toEqual([false, true, true, false]);
		sim.reset();
		expect((await list('new-id', 'new-secret')).status).toBe(401);
		expect((await list('old-id', 'old-secret')).status).toBe(200);
	});
});
