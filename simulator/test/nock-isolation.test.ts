// Other unit tests use nock, whose http.request patch outlives a test file inside a jest worker.
// The simulator and its test kit talk HTTP over node:net, so they keep working even then.
import http from 'node:http';
import nock from 'nock';
import { ArgyleSimulator, WebhookReceiver, request } from '..';

describe('simulator: works while nock blocks net connect', () => {
	let sim: ArgyleSimulator;
	let receiver: WebhookReceiver;

	beforeAll(async () => {
		nock.disableNetConnect();
		sim = await ArgyleSimulator.start();
		receiver = await WebhookReceiver.start();
	});
	afterAll(async () => {
		await sim.stop();
		await receiver.stop();
		nock.enableNetConnect();
		nock.restore();
	});

	it('node:http is really intercepted here (so the next test means something)', async () => {
		// Blocked (NetConnectNotAllowedError), or broken outright when two nock copies are stacked in one worker.
		const outcome = await new Promise<string>((resolve) => {
			try {
				http.get(`${sim.baseUrl}/v2/users`, () => resolve('reached the simulator')).on('error', (e) => resolve(e.name));
			} catch (e) {
				resolve((e as Error).name);
			}
		});
		expect(outcome).not.toBe('reached the simulator');
		expect(nock.isActive()).toBe(true);
	});

	it('API calls and deliveries still go through', async () => {
		const res = await request(`${sim.baseUrl}/v2/webhooks`, {
			method: 'POST',
			auth: [sim.apiKeyId, sim.apiKeySecret],
			body: { name: 'n', url: receiver.url, events: ['accounts.connected'], secret: 's' },
		});
		expect(res.status).toBe(200);
		const [result] = await sim.fireAccountEvent('accounts.connected', sim.addAccount().id);
		expect(result.status).toBe(200);
		expect(receiver.received).toHaveLength(1);
	});
});
