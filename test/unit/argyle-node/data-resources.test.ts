/**
 * Get and Get Many of every Argyle data set: the path (hyphenated, the ID encoded), the output,
 * every filter under its API name and in its format, Return All over three pages and a Limit
 * larger than a page. Error wording and date handling in detail: data-filters.test.ts.
 */
import { CASES, WITH_GET, type ArgyleObject } from './data-cases';
import { API_BASE, argyleApi, runArgyle, runArgyleExpectingError, useNock } from './harness';

useNock();

/** `count` copies of the listed object with distinct IDs, starting at `from`. */
const page = (example: ArgyleObject, count: number, from = 0) =>
	Array.from({ length: count }, (_, index) => ({ ...example, id: `obj-${String(from + index).padStart(4, '0')}` }));

describe.each(WITH_GET)('$resource: Get', ({ resource, path, idParameter, one, example }) => {
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
