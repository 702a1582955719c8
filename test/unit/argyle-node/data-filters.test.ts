/**
 * How the data sets' filters turn what n8n gives into Argyle's query string (dates to ISO 8601 in
 * UTC, lists comma-separated, refusals that say what to enter), and the failure handling of a
 * representative operation (Paystub): 404, 429, 401, Continue On Fail, one call per item.
 */
import { DateTime } from 'luxon';

import { ARGYLE_BASE_URLS } from '../../../nodes/shared/environment';
import { PAYSTUB } from './payroll-fixtures';
import { argyleApi, runArgyle, runArgyleExpectingError, useNock } from './harness';

useNock();

const listPaystubs = (filters: object) => ({ resource: 'paystub', operation: 'getAll', limit: 10, filters });

/** The from_start_date Argyle gets for what From Paystub Date holds. */
async function sentFromDate(value: unknown): Promise<string> {
	let sent = '';
	argyleApi()
		.get('/v2/paystubs')
		.query((query) => {
			sent = String(query.from_start_date);
			return true;
		})
		.reply(200, { next: null, results: [] });
	await runArgyle(listPaystubs({ fromStartDate: value }));
	return sent;
}

describe('date filters', () => {
	it.each([
		['the date picker (no time zone: UTC)', '2025-03-24T00:00:00', '2025-03-24T00:00:00.000Z'],
		['a date only', '2025-03-24', '2025-03-24T00:00:00.000Z'],
		['a time zone offset', '2025-03-24T09:30:00+02:00', '2025-03-24T07:30:00.000Z'],
		['an offset without colon', '2025-03-24T09:30:00-0500', '2025-03-24T14:30:00.000Z'],
		['fractions of a second and Z, as in trigger items', '2025-03-24T04:22:37.315Z', '2025-03-24T04:22:37.315Z'],
		['a space instead of T, with surrounding spaces', ' 2025-03-24 09:30 ', '2025-03-24T09:30:00.000Z'],
	])('%s: %s becomes %s', async (_case, value, expected) => {
		await expect(sentFromDate(value)).resolves.toBe(expected);
	});

	it('takes a JavaScript Date and a Luxon DateTime from an expression (e.g. {{ $now.minus({ days: 7 }) }})', async () => {
		await expect(sentFromDate(new Date(Date.UTC(2025, 2, 24, 12)))).resolves.toBe('2025-03-24T12:00:00.000Z');
		const luxon = DateTime.fromISO('2025-03-24T12:00:00', { zone: 'America/New_York' });
		await expect(sentFromDate(luxon)).resolves.toBe('2025-03-24T16:00:00.000Z');
	});

	it.each([
		['words', 'last week', '"last week"'],
		['a day that does not exist', '2025-02-30', '"2025-02-30"'],
		['an hour that does not exist', '2025-03-24T24:00:00', '"2025-03-24T24:00:00"'],
		['a month that does not exist', '2025-13-01', '"2025-13-01"'],
		['a second that does not exist', '2025-03-24T09:30:60', '"2025-03-24T09:30:60"'],
		['an offset that does not exist', '2025-03-24T09:30:00+25:00', '"2025-03-24T09:30:00+25:00"'],
		['a number', 1742774400000, '1742774400000'],
		['an object', { day: 24 }, '{"day":24}'],
		['an invalid Date', new Date('nonsense'), 'Invalid Date'],
	])('refuses %s without calling Argyle, saying what to enter', async (_case, value, shown) => {
		const error = await runArgyleExpectingError(listPaystubs({ toStartDate: value }));

		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toBe(
			`The filter "To Paystub Date" got ${shown}, which is not a date such as 2025-03-24 or 2025-03-24T09:30:00Z (or one from the date picker)`,
		);
		expect(error.description).toBe(
			'Enter a date such as 2025-03-24 or 2025-03-24T09:30:00Z (or one from the date picker) in "To Paystub Date", or remove the filter.',
		);
		expect(error.context.itemIndex).toBe(0);
	});

	it('an empty date filter is left out', async () => {
		argyleApi().get('/v2/paystubs').query({ limit: '10' }).reply(200, { next: null, results: [] });

		await runArgyle(listPaystubs({ fromStartDate: '', toStartDate: null }));
	});
});

describe('text, list and number filters', () => {
	it('takes a numeric ID from an expression as text', async () => {
		argyleApi().get('/v2/paystubs').query({ account: '12345', limit: '10' }).reply(200, { next: null, results: [] });

		await runArgyle(listPaystubs({ account: 12345 }));
	});

	it('refuses an ID that is not text (a whole object from an expression)', async () => {
		const error = await runArgyleExpectingError(listPaystubs({ account: { id: 'acc-1' } }));

		expect(error.message).toBe('The filter "Account ID" got {"id":"acc-1"}, which is not an ID as text');
	});

	it('Item IDs and Status also take lists from expressions; blanks are dropped', async () => {
		argyleApi()
			.get('/v2/items')
			.query({ id: 'item_000000001,item_000000002', status: 'healthy', limit: '10' })
			.reply(200, { next: null, results: [] });

		await runArgyle({
			resource: 'item',
			operation: 'getAll',
			limit: 10,
			filters: { ids: [' item_000000001', 'item_000000002', ''], status: 'healthy', mappingStatus: [] },
		});
	});

	it('refuses a list with something other than text in it', async () => {
		const error = await runArgyleExpectingError({ resource: 'item', operation: 'getAll', limit: 10, filters: { ids: ['item_1', 2] } });

		expect(error.message).toBe('The filter "Item IDs" got ["item_1",2], which is not IDs separated by commas');
	});

	it('Min Matching Score takes a number or numeric text, and refuses anything else', async () => {
		argyleApi().get('/v2/items').query({ q: 'Gusto', min_matching_score: '0.25', limit: '10' }).reply(200, { next: null, results: [] });
		await runArgyle({ resource: 'item', operation: 'getAll', limit: 10, filters: { search: 'Gusto', minMatchingScore: ' 0.25 ' } });

		const error = await runArgyleExpectingError({ resource: 'item', operation: 'getAll', limit: 10, filters: { minMatchingScore: 'high' } });
		expect(error.message).toBe('The filter "Min Matching Score" got "high", which is not a number');
	});

	it('a single-choice filter passes a value Argyle added later through, but not an object', async () => {
		argyleApi().get('/v2/verifications').query({ status_code: 'new_code', limit: '10' }).reply(200, { next: null, results: [] });
		await runArgyle({ resource: 'verification', operation: 'getAll', limit: 10, filters: { statusCode: 'new_code' } });

		const error = await runArgyleExpectingError({ resource: 'verification', operation: 'getAll', limit: 10, filters: { reportType: ['voe'] } });
		expect(error.message).toMatch(/^The filter "Report Type" got \["voe"\], which is not one of doc-voi-mortgage, voa, /);
	});
});

describe('Paystub: failures and items', () => {
	it('404 on Get names the paystub and says to check the ID', async () => {
		argyleApi().get(`/v2/paystubs/${PAYSTUB.id}`).reply(404, { detail: 'Not found.' });

		const error = await runArgyleExpectingError({ resource: 'paystub', operation: 'get', paystubId: PAYSTUB.id });

		expect(error.constructor.name).toBe('NodeApiError');
		expect(error.message).toBe(`Argyle found nothing (404) while trying to get paystub ${PAYSTUB.id}`);
		expect(error.description).toBe(
			'Check the ID, and that it belongs to the credential\'s environment. Argyle said: "Not found.".',
		);
		expect(error.httpCode).toBe('404');
	});

	it('429 is retried, then reported with the attempts and what to do', async () => {
		argyleApi().get('/v2/paystubs').query(true).times(5).reply(429, { detail: 'Request was throttled.' }, { 'Retry-After': '1' });

		const error = await runArgyleExpectingError(listPaystubs({ account: 'acc-1' }));

		expect(error.message).toBe('Argyle kept rate-limiting (429) the request to list paystubs after 5 attempts');
		expect(error.description).toContain('wait a minute and try again');
	});

	it('401 points at the credential and its environment', async () => {
		argyleApi().get('/v2/paystubs/p-1').reply(401, { detail: 'Invalid credentials.' });

		const error = await runArgyleExpectingError({ resource: 'paystub', operation: 'get', paystubId: 'p-1' });

		expect(error.message).toBe('Argyle rejected the API key (401) while trying to get paystub p-1');
		expect(error.description).toContain('Argyle API credential');
		expect(error.description).toContain(ARGYLE_BASE_URLS.production);
	});

	it('one call per input item, each list paired to its item, with Continue On Fail carrying on', async () => {
		const items = [{ json: { account: 'acc-1' } }, { json: { account: 'acc-gone' } }, { json: { account: 'acc-3' } }, { json: {} }];
		argyleApi().get('/v2/paystubs').query({ account: 'acc-1', limit: '10' }).reply(200, { next: null, results: [PAYSTUB, { ...PAYSTUB, id: 'p-2' }] });
		argyleApi().get('/v2/paystubs').query({ account: 'acc-gone', limit: '10' }).reply(404, { detail: 'Not found.' });
		argyleApi().get('/v2/paystubs').query({ account: 'acc-3', limit: '10' }).reply(200, { next: null, results: [{ ...PAYSTUB, id: 'p-3' }] });

		const { output } = await runArgyle(
			{
				resource: 'paystub',
				operation: 'getAll',
				limit: 10,
				filters: (itemIndex: number) =>
					itemIndex === 3 ? { fromStartDate: 'soon' } : { account: items[itemIndex].json.account },
			},
			{ items, continueOnFail: true },
		);

		expect(output.map((item) => [item.json.id ?? item.json.error, item.pairedItem])).toEqual([
			[PAYSTUB.id, { item: 0 }],
			['p-2', { item: 0 }],
			['Argyle found nothing (404) while trying to list paystubs', { item: 1 }],
			['p-3', { item: 2 }],
			[expect.stringMatching(/^The filter "From Paystub Date" got "soon", which is not a date/), { item: 3 }],
		]);
	});

	it('without Continue On Fail, a refused filter stops the run at its item', async () => {
		const items = [{ json: {} }, { json: {} }];
		argyleApi().get('/v2/paystubs').query({ limit: '10' }).reply(200, { next: null, results: [] });

		const error = await runArgyleExpectingError(
			{ resource: 'paystub', operation: 'getAll', limit: 10, filters: (itemIndex: number) => (itemIndex ? { toStartDate: 'x' } : {}) },
			{ items },
		);

		expect(error.context.itemIndex).toBe(1);
	});
});
