import { decide, parseDelivery, toItem } from '../../../nodes/ArgyleTrigger/delivery';
import type { DeliveryFilters } from '../../../nodes/ArgyleTrigger/settings';

const settings: DeliveryFilters = {
	events: ['accounts.failed'],
	errorCodes: [],
	depositSwitchErrorCodes: [],
	disconnectedOnly: false,
};

describe('parseDelivery', () => {
	const raw = Buffer.from('{"event":"accounts.failed","data":{"account":"a"}}');

	it('reuses the object n8n already parsed from a JSON body', () => {
		const parsed = { event: 'accounts.failed', data: { account: 'a' } };
		const result = parseDelivery(raw, parsed, 'application/json; charset=utf-8');
		expect(result).toEqual({ ok: true, payload: parsed });
		expect(result.ok && result.payload).toBe(parsed);
	});

	it('parses the raw bytes when n8n did not parse JSON', () => {
		expect(parseDelivery(raw, 'ignored', 'text/plain')).toEqual({
			ok: true,
			payload: { event: 'accounts.failed', data: { account: 'a' } },
		});
		expect(parseDelivery(raw, {}, 'application/json')).toMatchObject({ ok: true });
	});

	it('accepts null data and rejects an empty event', () => {
		expect(parseDelivery(Buffer.from('{"event":"accounts.removed","data":null}'), undefined, undefined)).toMatchObject({ ok: true });
		expect(parseDelivery(Buffer.from('{"event":""}'), undefined, undefined)).toEqual({ ok: false, reason: 'The body has no "event"' });
	});
});

describe('decide', () => {
	it('emits selected events and ignores the rest', () => {
		expect(decide({ event: 'accounts.failed' }, settings)).toEqual({ emit: true });
		expect(decide({ event: 'accounts.brand_new' }, settings)).toEqual({ emit: false, reason: 'event accounts.brand_new is not selected' });
	});

	it('ignores a failed delivery without a code when codes are filtered', () => {
		expect(decide({ event: 'accounts.failed', data: {} }, { ...settings, errorCodes: ['invalid_mfa'] })).toEqual({
			emit: false,
			reason: 'error code undefined is not selected',
		});
	});

	it('filters Direct Deposit Switch: Failed by its own error codes, independently of Account: Failed', () => {
		const filters = {
			...settings,
			events: ['accounts.failed', 'direct_deposit_switches.failed'],
			errorCodes: ['invalid_mfa'],
			depositSwitchErrorCodes: ['confirmation_timeout', 'name_mismatch'],
		};
		const failedSwitch = (code: string) => ({ event: 'direct_deposit_switches.failed', data: { error_code: code } });
		expect(decide(failedSwitch('confirmation_timeout'), filters)).toEqual({ emit: true });
		expect(decide(failedSwitch('invalid_mfa'), filters)).toEqual({ emit: false, reason: 'error code invalid_mfa is not selected' });
		expect(decide({ event: 'accounts.failed', data: { error_code: 'confirmation_timeout' } }, filters)).toMatchObject({ emit: false });
		expect(decide({ event: 'accounts.failed', data: { error_code: 'invalid_mfa' } }, filters)).toEqual({ emit: true });
		// An empty list lets every code through, including codes this package does not know yet.
		expect(decide(failedSwitch('brand_new_code'), { ...filters, depositSwitchErrorCodes: [] })).toEqual({ emit: true });
	});

	it('never filters other events by error code', () => {
		const filters = { ...settings, events: ['paystubs.added'], errorCodes: ['invalid_mfa'], depositSwitchErrorCodes: ['unexpected'] };
		expect(decide({ event: 'paystubs.added', data: { error_code: 'x' } }, filters)).toEqual({ emit: true });
	});

	it('lets accounts.updated through when selected without the disconnected filter', () => {
		expect(decide({ event: 'accounts.updated' }, { ...settings, events: ['accounts.updated'] })).toEqual({ emit: true });
	});
});

describe('toItem', () => {
	it('leaves absent fields out and never lets top-level keys overwrite data', () => {
		expect(toItem({ event: 'accounts.removed', data: { account: 'a' }, account: 'top' })).toEqual({
			event: 'accounts.removed',
			account: 'a',
		});
		expect(toItem({ event: 'accounts.removed' })).toEqual({ event: 'accounts.removed' });
	});

	it("keeps a data field named event or name (items.updated's Item name) as data_<key>, never replacing the delivery's own", () => {
		expect(toItem({ event: 'items.updated', name: 'n8n: Items', data: { item: 'item_1', name: 'Walmart', event: 'x' } })).toEqual({
			event: 'items.updated',
			name: 'n8n: Items',
			item: 'item_1',
			data_name: 'Walmart',
			data_event: 'x',
		});
	});
});
