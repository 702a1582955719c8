// Every event of the catalogue, fired through the simulator, is delivered with a realistic `data`
// that the trigger's output schema fully describes, for a stored account and its user.
import { ALL_EVENTS, EVENTS } from '../../nodes/shared/catalogue';
import { toItem } from '../../nodes/ArgyleTrigger/delivery';
import { schemaViolations } from '../../scripts/schema/conformance';
import { triggerItemSchema } from '../../scripts/schema/outputSchemas';
import { buildEventData } from '../events';
import { useSimulator } from './fixture';

const harness = useSimulator();
const schema = triggerItemSchema();

describe('simulator: deliveries of every event', () => {
	it.each(ALL_EVENTS.filter((event) => !event.startsWith('items.')))('%s', async (event) => {
		const account = harness.sim.addAccount();
		harness.sim.plantWebhook({ url: harness.receiver.url, events: [event], config: { include_resource: true } });
		const [result] = await harness.sim.fireEvent(event, { account: account.id });
		expect(result.status).toBe(200);
		const payload = JSON.parse(result.body) as { event: string; name: string; data: Record<string, unknown> };
		expect(payload.event).toBe(event);
		const fields = EVENTS[event].data;
		for (const key of Object.keys(fields)) {
			if (!fields[key].optional) expect(Object.keys(payload.data)).toContain(key);
		}
		if ('account' in fields) expect(payload.data.account).toBe(account.id);
		if ('user' in fields) expect(payload.data.user).toBe(account.user);
		expect(schemaViolations(toItem(payload), schema)).toEqual([]);
	});

	it.each(['items.updated', 'items.removed'])('%s goes only to subscriptions that name the Item', async (event) => {
		const account = harness.sim.addAccount();
		harness.sim.plantWebhook({ url: harness.receiver.url, events: [event], config: { items: [account.item] } });
		harness.sim.plantWebhook({ url: `${harness.receiver.url}/other`, events: [event], config: { items: ['item_999999999'] } });
		const results = await harness.sim.fireEvent(event, { account: account.id });
		expect(results).toHaveLength(1);
		const payload = JSON.parse(results[0].body) as { data: Record<string, unknown> };
		expect(payload.data.item).toBe(account.item);
		expect(schemaViolations(toItem({ event, name: 'n', ...payload }), schema)).toEqual([]);
	});

	it('adds the account for deposit switch events and the verification for Verification: Updated with include_resource', async () => {
		const account = harness.sim.addAccount();
		harness.sim.plantWebhook({
			url: harness.receiver.url,
			events: ['direct_deposit_switches.failed', 'verifications.updated'],
			config: { include_resource: true },
		});
		const [failed] = await harness.sim.fireEvent('direct_deposit_switches.failed', { account: account.id });
		expect((JSON.parse(failed.body) as { data: { resource: { id: string } } }).data.resource.id).toBe(account.id);
		const [updated] = await harness.sim.fireEvent('verifications.updated', { account: account.id });
		const data = (JSON.parse(updated.body) as { data: { verification: string; resource: { id: string; user: string } } }).data;
		expect(data.resource).toMatchObject({ id: data.verification, user: account.user });
	});

	it('follows the real recorded shapes: days_synced is the span covered, users.fully_synced lists the accounts', async () => {
		const account = harness.sim.addAccount({ kind: 'gig' });
		const second = harness.sim.addAccount({ user: account.user });
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['paystubs.partially_synced', 'gigs.partially_synced', 'users.fully_synced'] });
		const data = async (event: string) => {
			const [result] = await harness.sim.fireEvent(event, { account: account.id });
			return (JSON.parse(result.body) as { data: Record<string, unknown> }).data;
		};
		expect(await data('paystubs.partially_synced')).toMatchObject({ days_synced: 140 });
		expect(await data('gigs.partially_synced')).toMatchObject({ item_id: account.item });
		expect(await data('users.fully_synced')).toMatchObject({
			user: account.user,
			resource: { id: account.user, accounts_connected: [account.id, second.id] },
		});
		expect(buildEventData('constructor', {} as never)).toBeUndefined();
		expect(buildEventData('paystubs.constructor', {} as never)).toBeUndefined();
	});
});

/** Where "fetch what this event is about" goes: the data key naming the object, and its API path. */
const NAMED: Record<string, [key: string, path: string]> = {
	identities: ['identity', 'identities'],
	payroll_documents: ['payroll_document', 'payroll-documents'],
	deposit_destinations: ['deposit_destination', 'deposit-destinations'],
	vehicles: ['vehicle', 'vehicles'],
	ratings: ['rating', 'ratings'],
	user_uploads: ['user_upload', 'user-uploads'],
	user_forms: ['user_form', 'user-forms'],
	verifications: ['verification', 'verifications'],
	reports: ['report', 'reports'],
	direct_deposit_switches: ['deposit_destination', 'deposit-destinations'],
};

describe('simulator: events are about stored objects', () => {
	const fire = async (event: string, account: string) => {
		harness.sim.plantWebhook({ url: harness.receiver.url, events: [event] });
		const [result] = await harness.sim.fireEvent(event, { account });
		return (JSON.parse(result.body) as { data: Record<string, unknown> }).data;
	};

	it.each(ALL_EVENTS.filter((event) => NAMED[event.split('.')[0]] && !event.endsWith('.failed') && !event.endsWith('creation_failed') && event !== 'reports.ready'))(
		'%s names an object the API returns (404 once removed)',
		async (event) => {
			const account = harness.sim.addAccount({ kind: 'gig' });
			const data = await fire(event, account.id);
			const [key, path] = NAMED[event.split('.')[0]];
			const res = await harness.api<{ id: string }>(`/v2/${path}/${String(data[key])}`);
			expect(res.status).toBe(event.endsWith('.removed') ? 404 : 200);
			if (res.status === 200) expect(res.json.id).toBe(data[key]);
		},
	);

	it.each(ALL_EVENTS.filter((event) => /^(paystubs|gigs|shifts)\./.test(event)))('%s reports counts and ranges of the stored data', async (event) => {
		const [family, name] = event.split('.') as ['paystubs' | 'gigs' | 'shifts', string];
		const account = harness.sim.addAccount({ kind: family === 'shifts' ? 'employer' : 'gig' });
		const data = await fire(event, account.id);
		const stored = harness.sim.account(account.id)!.availability[family]!;
		if (name !== 'partially_synced') {
			expect(data).toMatchObject({ available_count: stored.available_count, available_from: stored.available_from, available_to: stored.available_to });
		} else {
			expect(data.available_count as number).toBeLessThanOrEqual(stored.available_count!);
		}
		const ids = (data[`updated_${family}`] ?? data[`removed_${family}`]) as string[] | undefined;
		for (const id of ids ?? []) {
			expect((await harness.api(`/v2/${family}/${id}`)).status).toBe(name === 'removed' ? 404 : 200);
		}
		if (name === 'added') {
			const { results } = await harness.all(`/v2/${family}?account=${account.id}&from_${family === 'paystubs' ? 'start_date' : 'start_datetime'}=${String(data.added_from)}&limit=200`);
			expect(results.length).toBeGreaterThanOrEqual(data.added_count as number);
		}
	});

	it('items.updated carries the stored Item', async () => {
		const account = harness.sim.addAccount();
		harness.sim.plantWebhook({ url: harness.receiver.url, events: ['items.updated'], config: { items: [account.item] } });
		const [result] = await harness.sim.fireEvent('items.updated', { account: account.id });
		const data = (JSON.parse(result.body) as { data: Record<string, unknown> }).data;
		const item = await harness.api<Record<string, unknown>>(`/v2/items/${account.item}`);
		expect(data).toMatchObject({ item: item.json.id, name: item.json.name, status: item.json.status, mapping_status: item.json.mapping_status });
	});
});
