// The sandbox's periodic scan (new paystubs and gigs, then their .added events and accounts.updated
// with matching counts) and the report lifecycle (generating → generated → reports.generated; 10 a day).
import type { ArgyleAccount, DataObject } from '..';
import { useSimulator } from './fixture';

const harness = useSimulator({ reportDelayMs: 20 });

type Delivery = { event: string; data: Record<string, unknown> };
const received = () => harness.receiver.received.map((r) => r.json as Delivery);

describe('simulator: POST /v2/accounts/{id}/periodic-scan', () => {
	it('answers {}, adds 1-5 paystubs and 1-5 gigs to a gig account, then paystubs.added, gigs.added, accounts.updated', async () => {
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['paystubs.added', 'gigs.added', 'accounts.updated'], config: { include_resource: true } });
		const account = harness.sim.addAccount({ kind: 'gig' });
		const before = { paystubs: harness.sim.objects('paystubs', { account: account.id }), gigs: harness.sim.objects('gigs', { account: account.id }) };
		const res = await harness.api(`/v2/accounts/${account.id}/periodic-scan`, { method: 'POST' });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({});
		await harness.receiver.waitFor(3);
		await harness.sim.idle();
		const [paystubs, gigs, updated] = received();
		expect([paystubs.event, gigs.event, updated.event]).toEqual(['paystubs.added', 'gigs.added', 'accounts.updated']);

		const after = harness.sim.account(account.id)!;
		for (const [delivery, resource, key] of [[paystubs, 'paystubs', 'paystub_date'], [gigs, 'gigs', 'start_datetime']] as const) {
			const now = harness.sim.objects(resource, { account: account.id });
			const added = now.filter((o) => !before[resource].some((b) => b.id === o.id));
			expect(added.length).toBeGreaterThanOrEqual(1);
			expect(added.length).toBeLessThanOrEqual(5);
			const days = added.map((o) => `${String(o[key]).slice(0, 10)}T00:00:00Z`).sort();
			expect(delivery.data).toEqual({
				account: account.id,
				user: account.user,
				available_count: now.length,
				available_from: after.availability[resource]!.available_from,
				available_to: after.availability[resource]!.available_to,
				added_count: added.length,
				added_from: days[0],
				added_to: days[days.length - 1],
			});
			expect(after.availability[resource]!.available_count).toBe(now.length);
		}
		const newest = harness.sim.objects('paystubs', { account: account.id }).pop()!;
		expect(harness.sim.objects('payroll_documents', { account: account.id }).some((d) => d.id === newest.payroll_document)).toBe(true);
		expect(updated.data).toMatchObject({ account: account.id, resource: { availability: after.availability } });
	});

	it('an employer account gets paystubs only; 404 for unknown accounts, 400 for ones not connected', async () => {
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['*'] });
		const account = harness.sim.addAccount({ kind: 'employer' });
		await harness.api(`/v2/accounts/${account.id}/periodic-scan`, { method: 'POST' });
		await harness.receiver.waitFor(2);
		await harness.sim.idle();
		expect(received().map((d) => d.event)).toEqual(['paystubs.added', 'accounts.updated']);
		expect((await harness.api('/v2/accounts/0195e0a4-0000-4000-8000-00000000dead/periodic-scan', { method: 'POST' })).status).toBe(404);
		const failed = harness.sim.addAccount({ connection: { status: 'error' } });
		expect((await harness.api(`/v2/accounts/${failed.id}/periodic-scan`, { method: 'POST' })).status).toBe(400);
	});
});

describe('simulator: reports', () => {
	const generate = (user: string, type = 'voie', metadata?: unknown) =>
		harness.api<DataObject>(`/v2/reports/${type}`, { method: 'POST', body: { user, ...(metadata === undefined ? {} : { metadata }) } });

	it('POST /v2/reports/{type}: generating with file_url/json_url on the simulator, then generated and reports.generated', async () => {
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['reports.generated'] });
		const account: ArgyleAccount = harness.sim.addAccount();
		const res = await generate(account.user, 'voe-mortgage', { loan: 'L-1' });
		expect(res.status).toBe(200);
		const id = String(res.json.id);
		expect(res.json).toMatchObject({
			user: account.user,
			reference_id: id,
			type: 'voe-mortgage',
			status: 'generating',
			file_url: `${harness.sim.baseUrl}/v2/reports/${id}/file`,
			json_url: `${harness.sim.baseUrl}/v2/reports/${id}/json`,
			accounts: [{ id: account.id, item: account.item, last_synced_at: account.scanned_at }],
			last_synced_at: account.scanned_at,
			metadata: { loan: 'L-1' },
			external_id: null,
		});
		expect((await harness.api(`/v2/reports/${id}/file`)).status).toBe(404);
		const [delivery] = await harness.receiver.waitFor(1);
		expect(delivery.json).toMatchObject({ event: 'reports.generated', data: { user: account.user, type: 'voe-mortgage', report: id } });
		expect((await harness.api<DataObject>(`/v2/reports/${id}`)).json.status).toBe('generated');
		const listed = await harness.all<DataObject>(`/v2/reports?user=${account.user}`);
		expect(listed.results.map((r) => r.id)).toContain(id);
		expect((await harness.api(`/v2/reports/${id}`, { method: 'DELETE' })).status).toBe(204);
		expect((await harness.api(`/v2/reports/${id}`)).status).toBe(404);
		expect((await harness.api(`/v2/reports/${id}`, { method: 'DELETE' })).status).toBe(404);
	});

	it('validates the body and the type', async () => {
		const user = harness.sim.addUser();
		expect((await harness.api('/v2/reports/voa', { method: 'POST', body: { user: user.id } })).status).toBe(404);
		expect((await harness.api('/v2/reports/voie', { method: 'POST', body: {} })).json).toEqual({ user: ['This field is required.'] });
		expect((await generate('nope')).json).toEqual({ user: ['Must be a valid UUID.'] });
		expect((await generate('0195e0a4-0000-4000-8000-00000000dead')).status).toBe(404);
		const badMetadata = await generate(user.id, 'voie', 'x');
		expect(badMetadata.status).toBe(400);
		expect(badMetadata.json).toEqual({ metadata: ['Expected a dictionary of items but got type "str".'] });
	});

	it('allows 10 reports per user in 24 hours: the 11th answers 429 with Retry-After; deleting one frees a place', async () => {
		const user = harness.sim.addUser();
		const other = harness.sim.addUser();
		const made: string[] = [];
		for (let i = 0; i < 10; i++) {
			const res = await generate(user.id);
			expect(res.status).toBe(200);
			made.push(String(res.json.id));
		}
		const refused = await generate(user.id);
		expect(refused.status).toBe(429);
		expect(refused.json).toEqual({ detail: expect.stringContaining('10 reports per user in 24 hours') });
		expect(Number(refused.headers['retry-after'])).toBeGreaterThan(86_000);
		expect((await generate(other.id)).status).toBe(200);
		expect((await harness.api(`/v2/reports/${made[3]}`, { method: 'DELETE' })).status).toBe(204);
		expect((await generate(user.id)).status).toBe(200);
		expect((await generate(user.id)).status).toBe(429);
		await harness.sim.idle();
	});

	it('a seeded (two days old) report does not count towards the daily limit', async () => {
		const account = harness.sim.addAccount();
		expect(harness.sim.objects('reports', { user: account.user })).toHaveLength(1);
		for (let i = 0; i < 10; i++) expect((await generate(account.user)).status).toBe(200);
		await harness.sim.idle();
	});
});
