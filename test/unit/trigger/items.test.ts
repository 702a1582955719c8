/**
 * The item of every event family, through the trigger's real webhook(): a signed delivery with the
 * simulator's realistic `data` for each catalogue event becomes exactly one item, `event` and
 * `name` first, the data fields lifted, and the types per family describe it.
 */
import { ArgyleTrigger } from '../../../nodes/ArgyleTrigger/ArgyleTrigger.node';
import { deriveWebhookSecret } from '../../../nodes/ArgyleTrigger/signature';
import { ALL_EVENTS } from '../../../nodes/shared/catalogue';
import type { ArgyleTriggerItem, DirectDepositSwitchEvent, FamilyItem, ItemEvent, PaystubsEvent } from '../../../nodes/shared/types';
import { ArgyleSimulator, WebhookReceiver } from '../../../simulator';
import { signature } from '../helpers/argyle';
import { TEST_CREDENTIALS, webhookContext } from '../helpers/context';

const URL = 'https://n8n.example.com/webhook/wh-1/webhook';
const WORKFLOW = { id: 'wf-1', name: 'Payroll alerts' };
const NODE = { id: 'node-1', name: 'Argyle Trigger' };
const SECRET = deriveWebhookSecret(TEST_CREDENTIALS.apiKeySecret, WORKFLOW.id, NODE.id, URL);

let sim: ArgyleSimulator;
let receiver: WebhookReceiver;
beforeAll(async () => {
	sim = await ArgyleSimulator.start();
	receiver = await WebhookReceiver.start();
});
afterAll(async () => {
	await sim.stop();
	await receiver.stop();
});

/** What the simulator delivers for the event: realistic data for a stored account (with resource where Argyle adds it). */
async function delivered(event: string): Promise<Record<string, unknown>> {
	const account = sim.addAccount();
	const config = { include_resource: true, ...(event.startsWith('items.') ? { items: [account.item] } : {}) };
	const subscription = sim.plantWebhook({ url: receiver.url, events: [event], config });
	const [result] = await sim.fireEvent(event, { account: account.id, only: subscription.id });
	return (JSON.parse(result.body) as { data: Record<string, unknown> }).data;
}

async function emitted(event: string, data: Record<string, unknown>) {
	const raw = Buffer.from(JSON.stringify({ event, name: 'n8n: Payroll alerts', data }));
	const { ctx } = webhookContext({
		parameters: { apiVersion: event.includes('pay_distribution') ? 'v1' : 'v2', events: [event], options: {} },
		webhookUrl: URL,
		workflow: WORKFLOW,
		node: NODE,
		request: { headers: { 'content-type': 'application/json', 'x-argyle-signature': signature(raw, SECRET) }, rawBody: raw, body: JSON.parse(raw.toString()) },
	});
	return await new ArgyleTrigger().webhook.call(ctx);
}

describe('the item of every event', () => {
	it.each(ALL_EVENTS)('%s', async (event) => {
		const data = await delivered(event);
		const result = await emitted(event, data);
		const lifted = Object.fromEntries(Object.entries(data).map(([key, value]) => [key === 'name' ? 'data_name' : key, value]));
		expect(result.workflowData).toEqual([[{ json: { event, name: 'n8n: Payroll alerts', ...lifted } }]]);
		expect(Object.keys(result.workflowData![0][0].json).slice(0, 2)).toEqual(['event', 'name']);
	});
});

describe('the item types', () => {
	it('narrow on event to the family and event, and let unknown events through', async () => {
		const partial = await delivered('paystubs.partially_synced');
		const fullySynced = await delivered('users.fully_synced');
		// Compile-time checks: these lines only type-check if the catalogue's types say so.
		const describe = (item: ArgyleTriggerItem): string => {
			if (item.event === 'paystubs.partially_synced') {
				const paystubs = item as PaystubsEvent & { event: 'paystubs.partially_synced' };
				const days: number = paystubs.days_synced;
				const from: string | null = paystubs.available_from;
				return `${days} days from ${from ?? 'nothing'}`;
			}
			if (item.event === 'direct_deposit_switches.failed') {
				const failed = item as Extract<DirectDepositSwitchEvent, { event: 'direct_deposit_switches.failed' }>;
				return failed.error_code;
			}
			if (item.event === 'items.updated') {
				const updated = item as Extract<ItemEvent, { event: 'items.updated' }>;
				const itemName: string | undefined = updated.data_name;
				return itemName ?? updated.item;
			}
			return String(item.event);
		};
		const users: FamilyItem<'users'> = { event: 'users.fully_synced', name: 'n', user: 'u', resource: fullySynced.resource as never };
		expect(describe({ event: 'paystubs.partially_synced', name: 'n', ...partial } as ArgyleTriggerItem)).toBe(
			`${String(partial.days_synced)} days from ${String(partial.available_from)}`,
		);
		expect(describe({ event: 'direct_deposit_switches.failed', error_code: 'confirmation_timeout' } as ArgyleTriggerItem)).toBe('confirmation_timeout');
		expect(describe({ event: 'payouts.brand_new' })).toBe('payouts.brand_new');
		expect(describe({ event: 'items.updated', item: 'item_1', data_name: 'Walmart' } as ArgyleTriggerItem)).toBe('Walmart');
		expect(users.resource.accounts_connected.length).toBeGreaterThan(0);
	});
});
