import { decide, parseDelivery, toItem } from '../../../nodes/ArgyleTrigger/delivery';
import type { TriggerSettings } from '../../../nodes/ArgyleTrigger/settings';

const settings: TriggerSettings = {
	apiVersion: 'v2',
	events: ['accounts.failed'],
	includeResource: false,
	subscriptionName: '',
	errorCodes: [],
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

	it('lets accounts.updated through when selected without the disconnected filter', () => {
		expect(decide({ event: 'accounts.updated' }, { ...settings, events: ['accounts.updated'] })).toEqual({ emit: true });
	});
});

describe('toItem', () => {
	it('leaves absent fields out and never lets top-level keys overwrite data', () => {
		expect(toItem({ event: 'accounts.removed', data: { account: 'a', event: 'x' }, account: 'top' })).toEqual({
			event: 'accounts.removed',
			account: 'a',
		});
		expect(toItem({ event: 'accounts.removed' })).toEqual({ event: 'accounts.removed' });
	});
});
