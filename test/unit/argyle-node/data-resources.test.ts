/**
 * Get and Get Many of every Argyle data set: the path (hyphenated, the ID encoded), the output,
 * every filter under its API name and in its format, Return All over three pages and a Limit
 * larger than a page. Error wording and date handling in detail: data-filters.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { operationSchema } from '../../../scripts/schema/outputSchemas';
import { schemaViolations } from '../../../scripts/schema/conformance';
import * as payroll from './payroll-fixtures';
import * as platform from './platform-fixtures';
import { API_BASE, argyleApi, runArgyle, runArgyleExpectingError, useNock } from './harness';

useNock();

/** What every Argyle object has: an ID, and fields the descriptors describe. */
type ArgyleObject = { id: string; [field: string]: unknown };

interface DataSetCase {
	resource: string;
	path: string;
	/** The Get operation's ID parameter; none for employments. */
	idParameter?: string;
	one: string;
	many: string;
	/** What Get returns (and Get Many lists, unless `listed` says otherwise). */
	example: ArgyleObject;
	listed?: ArgyleObject;
	/** Every filter set, and the query string Argyle must get for them. */
	filters: IDataObject;
	query: Record<string, string>;
}

const ACCOUNT = '0185a8b4-3d2e-4b0f-9c1a-6f1e2d3c4b5a';
const USER = '0185a8b4-aaaa-4b0f-9c1a-6f1e2d3c4b5a';
const EMPLOYMENT = '6406b2ab-11f0-36aa-a4f1-88db7ed44932';
const ACCOUNT_AND_USER = { filters: { account: ` ${ACCOUNT} `, user: USER }, query: { account: ACCOUNT, user: USER } };
const WITH_EMPLOYMENT = {
	filters: { ...ACCOUNT_AND_USER.filters, employment: EMPLOYMENT },
	query: { ...ACCOUNT_AND_USER.query, employment: EMPLOYMENT },
};

const examples = { ...payroll, ...platform };

const CASES: DataSetCase[] = [
	{
		resource: 'identity',
		path: 'identities',
		idParameter: 'identityId',
		one: 'identity',
		many: 'identities',
		example: examples.IDENTITY,
		...WITH_EMPLOYMENT,
	},
	{
		resource: 'paystub',
		path: 'paystubs',
		idParameter: 'paystubId',
		one: 'paystub',
		many: 'paystubs',
		example: examples.PAYSTUB,
		filters: { ...WITH_EMPLOYMENT.filters, fromStartDate: '2025-03-24T00:00:00', toStartDate: '2025-06-22T23:59:59' },
		query: { ...WITH_EMPLOYMENT.query, from_start_date: '2025-03-24T00:00:00.000Z', to_start_date: '2025-06-22T23:59:59.000Z' },
	},
	{
		resource: 'payrollDocument',
		path: 'payroll-documents',
		idParameter: 'payrollDocumentId',
		one: 'payroll document',
		many: 'payroll documents',
		example: examples.PAYROLL_DOCUMENT,
		filters: { ...WITH_EMPLOYMENT.filters, fromAvailableDate: '2021-01-01', toAvailableDate: '2021-12-31T12:00:00-05:00' },
		query: { ...WITH_EMPLOYMENT.query, from_available_date: '2021-01-01T00:00:00.000Z', to_available_date: '2021-12-31T17:00:00.000Z' },
	},
	{
		resource: 'depositDestination',
		path: 'deposit-destinations',
		idParameter: 'depositDestinationId',
		one: 'deposit destination',
		many: 'deposit destinations',
		example: examples.ACH_DESTINATION,
		...ACCOUNT_AND_USER,
	},
	{
		resource: 'shift',
		path: 'shifts',
		idParameter: 'shiftId',
		one: 'shift',
		many: 'shifts',
		example: examples.SHIFT,
		filters: { ...ACCOUNT_AND_USER.filters, fromStartDatetime: '2023-04-01T08:00:00Z', toStartDatetime: '2023-04-30T08:00:00.250+02:00' },
		query: { ...ACCOUNT_AND_USER.query, from_start_datetime: '2023-04-01T08:00:00.000Z', to_start_datetime: '2023-04-30T06:00:00.250Z' },
	},
	{
		resource: 'gig',
		path: 'gigs',
		idParameter: 'gigId',
		one: 'gig',
		many: 'gigs',
		example: examples.GIG,
		filters: { ...ACCOUNT_AND_USER.filters, fromStartDatetime: '2025-03-01T00:00:00', toStartDatetime: '2025-03-31' },
		query: { ...ACCOUNT_AND_USER.query, from_start_datetime: '2025-03-01T00:00:00.000Z', to_start_datetime: '2025-03-31T00:00:00.000Z' },
	},
	{
		resource: 'vehicle',
		path: 'vehicles',
		idParameter: 'vehicleId',
		one: 'vehicle',
		many: 'vehicles',
		example: examples.VEHICLE,
		...ACCOUNT_AND_USER,
	},
	{
		resource: 'rating',
		path: 'ratings',
		idParameter: 'ratingId',
		one: 'rating',
		many: 'ratings',
		example: examples.RATING,
		...ACCOUNT_AND_USER,
	},
	{ resource: 'employment', path: 'employments', one: 'employment', many: 'employments', example: examples.EMPLOYMENT, ...ACCOUNT_AND_USER },
	{
		resource: 'item',
		path: 'items',
		idParameter: 'itemId',
		one: 'item',
		many: 'items',
		example: examples.ITEM,
		listed: examples.ITEM_LISTED,
		filters: {
			search: ' Whole Goods ',
			ids: 'item_000000001, item_000017821,',
			kind: 'employer',
			status: ['healthy', 'issues'],
			mappingStatus: ['verified'],
			minMatchingScore: 0.8,
			filterSet: 'b1a2c3d4-0000-4000-8000-000000000001',
		},
		query: {
			q: 'Whole Goods',
			id: 'item_000000001,item_000017821',
			kind: 'employer',
			status: 'healthy,issues',
			mapping_status: 'verified',
			min_matching_score: '0.8',
			filter_set: 'b1a2c3d4-0000-4000-8000-000000000001',
		},
	},
	{
		resource: 'userForm',
		path: 'user-forms',
		idParameter: 'userFormId',
		one: 'user form',
		many: 'user forms',
		example: examples.USER_FORM,
		...ACCOUNT_AND_USER,
	},
	{
		resource: 'userUpload',
		path: 'user-uploads',
		idParameter: 'userUploadId',
		one: 'user upload',
		many: 'user uploads',
		example: examples.USER_UPLOAD,
		filters: { ...ACCOUNT_AND_USER.filters, documentType: 'W-2' },
		query: { ...ACCOUNT_AND_USER.query, document_type: 'W-2' },
	},
	{
		resource: 'verification',
		path: 'verifications',
		idParameter: 'verificationId',
		one: 'verification',
		many: 'verifications',
		example: examples.VERIFICATION,
		filters: { user: USER, statusState: 'PAUSED', statusCode: 'syncing_error', reportType: 'doc-voi-mortgage', loanNumber: 'L-1234 ' },
		query: { user: USER, status_state: 'PAUSED', status_code: 'syncing_error', report_type: 'doc-voi-mortgage', loan_number: 'L-1234' },
	},
];

/** `count` copies of the listed object with distinct IDs, starting at `from`. */
const page = (example: ArgyleObject, count: number, from = 0) =>
	Array.from({ length: count }, (_, index) => ({ ...example, id: `obj-${String(from + index).padStart(4, '0')}` }));

const withGet = CASES.filter((entry) => entry.idParameter);

describe.each(withGet)('$resource: Get', ({ resource, path, idParameter, one, example }) => {
	it(`reads /v2/${path}/{id} and outputs the ${one} as Argyle sent it`, async () => {
		argyleApi().get(`/v2/${path}/${String(example.id)}`).reply(200, example);

		const { output } = await runArgyle({ resource, operation: 'get', [idParameter!]: example.id });

		expect(output).toEqual([{ json: example, pairedItem: { item: 0 } }]);
	});

	it('trims the ID and encodes it into the path', async () => {
		argyleApi().get(`/v2/${path}/a%2Fb%3Fc%20d`).reply(200, example);

		const { output } = await runArgyle({ resource, operation: 'get', [idParameter!]: '  a/b?c d ' });

		expect(output).toHaveLength(1);
	});

	it('names the ID when Argyle has nothing with it', async () => {
		argyleApi().get(`/v2/${path}/missing-1`).reply(404, { detail: 'Not found.' });

		const error = await runArgyleExpectingError({ resource, operation: 'get', [idParameter!]: 'missing-1' });

		expect(error.message).toBe(`Argyle found nothing (404) while trying to get ${one} missing-1`);
	});

	it('refuses an empty ID without calling Argyle', async () => {
		const error = await runArgyleExpectingError({ resource, operation: 'get', [idParameter!]: ' ' });

		expect(error.message).toMatch(/^No .+ ID given for item 0$/);
	});
});

it('Employment has Get Many only: Argyle has no GET /v2/employments/{id}', async () => {
	const error = await runArgyleExpectingError({ resource: 'employment', operation: 'get' });

	expect(error.message).toBe('The operation "get" is not supported for the resource "employment"');
});

describe.each(CASES)('$resource: Get Many', ({ resource, path, many, example, listed, filters, query }) => {
	const result = listed ?? example;

	it(`sends every filter to /v2/${path} under its API name and in its format`, async () => {
		argyleApi()
			.get(`/v2/${path}`)
			.query({ ...query, limit: '50' })
			.reply(200, { next: null, previous: null, results: [result] });

		const { output } = await runArgyle({ resource, operation: 'getAll', limit: 50, filters });

		expect(output).toEqual([{ json: result, pairedItem: { item: 0 } }]);
	});

	it('leaves filters out of the query when none is set', async () => {
		argyleApi().get(`/v2/${path}`).query({ limit: '10' }).reply(200, { next: null, results: [] });

		const { output } = await runArgyle({ resource, operation: 'getAll', limit: 10, filters: {} });

		expect(output).toEqual([]);
	});

	it('Return All follows next over three pages, keeping the filters', async () => {
		const pages = [page(result, 200, 0), page(result, 200, 200), page(result, 3, 400)];
		const next = (cursor: string) => `https://api-sandbox.argyle.com/v2/${path}?cursor=${cursor}&limit=200`;
		argyleApi().get(`/v2/${path}`).query({ ...query, limit: '200' }).reply(200, { next: next('c2'), results: pages[0] });
		argyleApi().get(`/v2/${path}`).query({ cursor: 'c2', limit: '200' }).reply(200, { next: next('c3'), results: pages[1] });
		argyleApi().get(`/v2/${path}`).query({ cursor: 'c3', limit: '200' }).reply(200, { next: null, results: pages[2] });

		const { output } = await runArgyle({ resource, operation: 'getAll', returnAll: true, filters });

		expect(output.map((item) => item.json.id)).toEqual(pages.flat().map((entry) => entry.id));
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('a Limit larger than a page reads pages of 200 and stops at the Limit', async () => {
		argyleApi()
			.get(`/v2/${path}`)
			.query({ limit: '200' })
			.reply(200, { next: `${API_BASE}/v2/${path}?cursor=p2`, results: page(result, 200) });
		argyleApi()
			.get(`/v2/${path}`)
			.query({ cursor: 'p2' })
			.reply(200, { next: `${API_BASE}/v2/${path}?cursor=p3`, results: page(result, 200, 200) });

		const { output } = await runArgyle({ resource, operation: 'getAll', limit: 250 });

		expect(output).toHaveLength(250);
		expect(output[249].json.id).toBe('obj-0249');
	});

	it(`says what it was doing when the list fails: "list ${many}"`, async () => {
		argyleApi().get(`/v2/${path}`).query(true).reply(403, { detail: 'Forbidden.' });

		const error = await runArgyleExpectingError({ resource, operation: 'getAll', limit: 5 });

		expect(error.message).toBe(`Argyle refused (403) to let this API key list ${many}`);
	});
});

describe('output descriptors against the recorded objects', () => {
	const variants: Array<[string, string, ArgyleObject]> = [
		...withGet.map(({ resource, example }) => [resource, 'get', example] as [string, string, ArgyleObject]),
		...CASES.map(({ resource, example, listed }) => [resource, 'getAll', listed ?? example] as [string, string, ArgyleObject]),
		['payrollDocument', 'get', examples.PAYOUT_STATEMENT],
		['depositDestination', 'get', examples.CARD_DESTINATION],
		['gig', 'get', examples.CANCELLED_GIG],
		['userUpload', 'get', examples.PROCESSED_UPLOAD],
		['verification', 'get', examples.BANKING_VERIFICATION],
	];

	/** A tax form's own boxes (rent_1, comp_7, …) differ per form type: only its parties are described. */
	const isFormBox = (problem: string) => /^\$\.ocr_data\.form\.\w+: not in the schema$/.test(problem);

	it.each(variants)('%s / %s describes every field of example %#', (resource, operation, example) => {
		const problems = schemaViolations(example, operationSchema(resource, operation));
		expect(problems.filter((problem) => !isFormBox(problem))).toEqual([]);
	});

	it("a W-2 or 1099's boxes pass through beside the described parties", () => {
		expect(schemaViolations(examples.PAYROLL_DOCUMENT, operationSchema('payrollDocument', 'get'))).toEqual(
			['account_no', 'rent_1', 'comp_7', 'state_inc'].map((box) => `$.ocr_data.form.${box}: not in the schema`),
		);
	});

	it('Item: Get has features and no matching_score; Get Many the other way round', () => {
		expect(Object.keys(operationSchema('item', 'get').properties!)).toContain('features');
		expect(Object.keys(operationSchema('item', 'get').properties!)).not.toContain('matching_score');
		expect(schemaViolations(examples.ITEM, operationSchema('item', 'getAll'))).toEqual([
			'$.matching_score: missing',
			'$.features: not in the schema',
		]);
	});
});
