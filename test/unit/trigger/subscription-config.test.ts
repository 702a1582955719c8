/**
 * The subscription's config (Argyle's model: one config per subscription, shared by its events):
 * days_synced, items and include_resource reach Argyle only for events that take them, bad input
 * fails the activation with what to enter, and any config change re-registers the subscription.
 */
import { NodeOperationError } from 'n8n-workflow';

import { eventsForVersion } from '../../../nodes/shared/catalogue';
import { checkExists, configMatches, create, readState } from '../../../nodes/ArgyleTrigger/subscription';
import { useNock } from '../helpers/nock';
import { api, expectCreate, listing, ours, trigger } from './lifecycle-fixtures';

useNock();

const withEvents = (events: string[], options: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
	trigger({ parameters: { events, options, ...extra } });

const itemIds = (count: number) => Array.from({ length: count }, (_, index) => `item_${String(index).padStart(9, '0')}`);

describe('create: the config of the one subscription', () => {
	it('sends days_synced 30 by default when a Partially Synced event is chosen, or the chosen value', async () => {
		expectCreate({ events: ['paystubs.partially_synced'], name: 'n8n: Payroll alerts', config: { days_synced: 30 } }, 'sub-30');
		await create.call(withEvents(['paystubs.partially_synced']));
		expectCreate(
			{ events: ['gigs.partially_synced', 'shifts.fully_synced'], name: 'n8n: Payroll alerts', config: { days_synced: 90 } },
			'sub-90',
		);
		await create.call(withEvents(['shifts.fully_synced', 'gigs.partially_synced'], { daysSynced: 90 }));
	});

	it('sends no config at all when no chosen event takes one, even with options left from other events', async () => {
		expectCreate({ events: ['identities.added', 'paystubs.fully_synced'], name: 'n8n: Payroll alerts' }, 'sub-plain');
		await create.call(withEvents(['paystubs.fully_synced', 'identities.added'], { daysSynced: 90, includeResource: true }));
	});

	it('sends the Item IDs, trimmed, deduplicated and sorted, for Item events', async () => {
		expectCreate(
			{ events: ['items.removed', 'items.updated'], name: 'n8n: Payroll alerts', config: { items: ['item_000000001', 'item_000000002'] } },
			'sub-items',
		);
		const ctx = withEvents(['items.updated', 'items.removed'], {}, { itemIds: ' item_000000002,item_000000001\n item_000000002 ' });
		await create.call(ctx);
		expect(readState(ctx)?.id).toBe('sub-items');
	});

	it('combines every config key in the one subscription', async () => {
		expectCreate(
			{
				events: ['accounts.failed', 'items.updated', 'paystubs.partially_synced', 'verifications.updated'],
				name: 'n8n: Payroll alerts',
				config: { include_resource: true, days_synced: 45, items: ['item_000000007'] },
			},
			'sub-all',
		);
		await create.call(
			withEvents(
				['verifications.updated', 'items.updated', 'paystubs.partially_synced', 'accounts.failed'],
				{ includeResource: true, daysSynced: 45 },
				{ itemIds: 'item_000000007' },
			),
		);
	});

	it.each([
		['no Item IDs', '', 'Item events need the Item IDs to watch'],
		['something that is not an Item ID', 'item_1, 0185a8b4-1111', 'Not an Item ID: 0185a8b4-1111'],
		['31 Item IDs', itemIds(31).join(','), 'Argyle watches at most 30 Items per subscription (31 given)'],
	])('fails the activation with what to enter for %s, before calling Argyle', async (_label, raw, message) => {
		const error = await create.call(withEvents(['items.updated'], {}, { itemIds: raw })).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe(message);
		expect((error as NodeOperationError).description).toContain('Enter 1 to 30 Item IDs in "Item IDs"');
	});

	it('accepts exactly 30 Item IDs', async () => {
		api()
			.post('/v2/webhooks', (body) => body.config.items.length === 30)
			.reply(200, ours({ id: 'sub-30-items' }));
		await create.call(withEvents(['items.removed'], {}, { itemIds: itemIds(30).join(', ') }));
	});

	it('refuses a Days Synced that is not a whole number of at least 1', async () => {
		await expect(create.call(withEvents(['paystubs.partially_synced'], { daysSynced: 0 }))).rejects.toThrow(
			'Days Synced must be a whole number of at least 1',
		);
	});

	it('refuses events the chosen API version does not have, naming them', async () => {
		const v1 = trigger({ parameters: { apiVersion: 'v1', events: ['accounts.failed', 'paystubs.added'] } });
		const error = (await create.call(v1).catch((e: unknown) => e)) as NodeOperationError;
		expect(error.message).toBe('The legacy V1 API has no Paystubs: Added');
		expect(error.description).toContain('Set API Version to V2');
		const v2 = trigger({ parameters: { apiVersion: 'v2', events: ['accounts.pay_distribution_failed'] } });
		await expect(create.call(v2)).rejects.toThrow(
			'Account: Pay Distribution Failed (Legacy V1) exist only in the legacy V1 API',
		);
	});

	it('subscribes V1 to every legacy event it offers', async () => {
		api()
			.post('/v1/webhooks', (body) => body.events.length === eventsForVersion('v1').length)
			.reply(200, ours({ id: 'sub-v1' }));
		await create.call(trigger({ parameters: { apiVersion: 'v1', events: eventsForVersion('v1') } }));
	});

	it('passes unknown event names through to Argyle', async () => {
		expectCreate({ events: ['payouts.brand_new'], name: 'n8n: Payroll alerts' }, 'sub-unknown');
		await create.call(withEvents(['payouts.brand_new']));
	});
});

describe('checkExists: the whole config decides whether the subscription is ours', () => {
	const paystubTrigger = () => withEvents(['paystubs.partially_synced'], { daysSynced: 60 });
	const held = (config: Record<string, unknown>) =>
		ours({ id: 'sub-held', events: ['paystubs.partially_synced'], config });

	it('keeps a subscription whose config is the one asked for', async () => {
		listing([held({ days_synced: 60 })]);
		await expect(checkExists.call(paystubTrigger())).resolves.toBe(true);
	});

	it('re-registers when Days Synced changed', async () => {
		listing([held({ days_synced: 30 })]);
		api().delete('/v2/webhooks/sub-held').reply(204);
		await expect(checkExists.call(paystubTrigger())).resolves.toBe(false);
	});

	it('re-registers when the Item IDs changed, but not when Argyle lists them in another order', async () => {
		const items = (ids: string[]) => ours({ id: 'sub-items', events: ['items.updated'], config: { items: ids } });
		const itemTrigger = () => withEvents(['items.updated'], {}, { itemIds: 'item_000000001, item_000000002' });
		listing([items(['item_000000002', 'item_000000001'])]);
		await expect(checkExists.call(itemTrigger())).resolves.toBe(true);
		listing([items(['item_000000001'])]);
		api().delete('/v2/webhooks/sub-items').reply(204);
		await expect(checkExists.call(itemTrigger())).resolves.toBe(false);
	});

	it('ignores config keys the trigger does not set, such as a default Argyle echoes back', async () => {
		listing([ours({ id: 'sub-echo', config: { days_synced: 30, something_new: true } })]);
		await expect(checkExists.call(trigger())).resolves.toBe(true);
	});

	it('compares the config key by key', () => {
		expect(configMatches(undefined, undefined)).toBe(true);
		expect(configMatches({ include_resource: false }, undefined)).toBe(true);
		expect(configMatches(null, { include_resource: true })).toBe(false);
		expect(configMatches({ days_synced: '60' as never }, { days_synced: 60 })).toBe(true);
		expect(configMatches({ items: 'item_1' as never }, { items: ['item_1'] })).toBe(false);
		expect(configMatches({ items: ['b', 'a'] }, { items: ['a', 'b'] })).toBe(true);
	});
});
