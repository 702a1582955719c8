/** Report: Generate, Get, Get Many, Delete and Download (PDF as binary, or JSON). */
import nock from 'nock';
import { sleep } from 'n8n-workflow';

import { API_BASE, argyleApi, BASIC_AUTH, fromItem, runArgyle, runArgyleExpectingError, useNock } from './harness';
import { expectSchemaFits } from './conforms';
import { USER_ID } from './fixtures';

useNock();

const REPORT_ID = '43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b';
const STORAGE = 'https://reports.example-bucket.com';
const PDF = Buffer.from('%PDF-1.7 report');

function report(extra: Record<string, unknown> = {}) {
	return {
		id: REPORT_ID,
		user: USER_ID,
		reference_id: REPORT_ID,
		generated_at: '2023-03-09T16:22:06.081Z',
		created_at: '2023-03-09T16:22:06.081Z',
		type: 'voie',
		status: 'generated',
		file_url: `${API_BASE}/v2/reports/${REPORT_ID}/pdf`,
		json_url: `${API_BASE}/v2/reports/${REPORT_ID}/json`,
		last_synced_at: '2023-03-09T14:08:25.069Z',
		accounts: [{ id: 'acc-1', item: 'item_123456789', last_synced_at: '2023-03-09T14:08:25.069105Z' }],
		metadata: {},
		external_id: 'July_Connection',
		...extra,
	};
}

const fileHost = () => nock(API_BASE, { reqheaders: { authorization: BASIC_AUTH } });
const storage = () => nock(STORAGE, { badheaders: ['authorization'] });

describe('Report: Generate', () => {
	it.each(['voe', 'voie', 'voe-mortgage', 'voie-mortgage'])('POSTs /v2/reports/%s with {user} and outputs the report', async (type) => {
		argyleApi().post(`/v2/reports/${type}`, { user: USER_ID }).reply(200, report({ type, status: 'generating' }));

		const { output } = await runArgyle({ resource: 'report', operation: 'generate', reportType: type, userId: USER_ID });

		expect(output).toEqual([{ json: report({ type, status: 'generating' }), pairedItem: { item: 0 } }]);
		expectSchemaFits(output, ['report', 'generate']);
	});

	it('sends metadata only when it is set', async () => {
		argyleApi().post('/v2/reports/voe', { user: USER_ID, metadata: { loan: '1234' } }).reply(201, report());
		argyleApi().post('/v2/reports/voe', { user: USER_ID }).reply(201, report());

		await runArgyle({ resource: 'report', operation: 'generate', reportType: 'voe', userId: USER_ID, additionalFields: { metadata: '{"loan": "1234"}' } });
		await runArgyle({ resource: 'report', operation: 'generate', reportType: 'voe', userId: USER_ID, additionalFields: { metadata: '{}' } });
	});

	it('a refusal (e.g. the daily limit) keeps retrying only for 429 and then names the limit', async () => {
		argyleApi().post('/v2/reports/voie').times(5).reply(429, { detail: 'Daily report limit reached.' });

		const error = await runArgyleExpectingError({ resource: 'report', operation: 'generate', reportType: 'voie', userId: USER_ID });

		expect(jest.mocked(sleep)).toHaveBeenCalledTimes(4);
		expect(error.message).toBe(`Argyle kept rate-limiting (429) the request to generate a voie report for user ${USER_ID} after 5 attempts`);
		expect(error.description).toContain('at most 10 reports per user per day');
	});

	it('a 5xx is not repeated (a second report would count against the limit) and says how to check', async () => {
		argyleApi().post('/v2/reports/voie').reply(500, { detail: 'Server error' });

		const error = await runArgyleExpectingError({ resource: 'report', operation: 'generate', reportType: 'voie', userId: USER_ID });

		expect(jest.mocked(sleep)).not.toHaveBeenCalled();
		expect(error.description).toContain('Check with Get Many (filter User) before generating it again.');
	});

	it('refuses metadata that is not a JSON object and an empty user ID', async () => {
		const badMetadata = await runArgyleExpectingError({
			resource: 'report',
			operation: 'generate',
			reportType: 'voe',
			userId: USER_ID,
			additionalFields: { metadata: '"text"' },
		});
		const noUser = await runArgyleExpectingError({ resource: 'report', operation: 'generate', reportType: 'voe', userId: '' });

		expect(badMetadata.message).toBe('Metadata must be a JSON object');
		expect(noUser.message).toBe('No User ID given for item 0');
	});

	it('an answer that is not a report object says the Base URL may be wrong', async () => {
		argyleApi().post('/v2/reports/voe').reply(200, '');

		const error = await runArgyleExpectingError({ resource: 'report', operation: 'generate', reportType: 'voe', userId: USER_ID });

		expect(error.message).toBe(`Argyle returned an unexpected answer while trying to generate a voe report for user ${USER_ID}`);
	});
});

describe('Report: Get, Get Many, Delete', () => {
	it('Get returns the report', async () => {
		argyleApi().get(`/v2/reports/${REPORT_ID}`).reply(200, report());

		const { output } = await runArgyle({ resource: 'report', operation: 'get', reportId: REPORT_ID });

		expect(output).toEqual([{ json: report(), pairedItem: { item: 0 } }]);
	});

	it('Get Many filters by user', async () => {
		argyleApi().get('/v2/reports').query({ user: USER_ID, limit: '50' }).reply(200, { next: null, results: [report(), report({ id: 'r-2' })] });

		const { output } = await runArgyle({ resource: 'report', operation: 'getAll', limit: 50, filters: { user: ` ${USER_ID} ` } });

		expect(output.map((item) => item.json.id)).toEqual([REPORT_ID, 'r-2']);
		expectSchemaFits(output, ['report', 'getAll']);
	});

	it('Delete deletes, and with Ignore Already Deleted a 404 is a success', async () => {
		argyleApi().delete(`/v2/reports/${REPORT_ID}`).reply(204);
		argyleApi().delete('/v2/reports/gone').reply(404, { detail: 'Not found.' });
		const items = [{ json: { id: REPORT_ID } }, { json: { id: 'gone' } }];

		const { output } = await runArgyle(
			{ resource: 'report', operation: 'delete', reportId: fromItem(items, 'id'), options: { ignoreAlreadyDeleted: true } },
			{ items },
		);

		expect(output.map((item) => item.json)).toEqual([
			{ id: REPORT_ID, deleted: true },
			{ id: 'gone', deleted: false, alreadyDeleted: true },
		]);
	});
});

describe('Report: Download', () => {
	it('PDF: follows file_url to storage without the API key and outputs application/pdf in the binary field', async () => {
		argyleApi().get(`/v2/reports/${REPORT_ID}`).reply(200, report());
		fileHost().get(`/v2/reports/${REPORT_ID}/pdf`).reply(302, '', { Location: `${STORAGE}/r.pdf?token=1` });
		storage().get('/r.pdf').query({ token: '1' }).reply(200, PDF, { 'Content-Type': 'binary/octet-stream' });

		const { output } = await runArgyle({ resource: 'report', operation: 'download', reportId: REPORT_ID, format: 'pdf', binaryPropertyName: 'report' });

		const fileName = `argyle-report-voie-${REPORT_ID}.pdf`;
		expect(output[0].json).toEqual({
			id: REPORT_ID,
			type: 'voie',
			format: 'pdf',
			fileName,
			mimeType: 'application/pdf',
			fileSize: PDF.length,
			binaryProperty: 'report',
		});
		expect(output[0].binary!.report).toMatchObject({ fileName, mimeType: 'application/pdf' });
		expect(Buffer.from(output[0].binary!.report.data, 'base64')).toEqual(PDF);
		expectSchemaFits(output, ['report', 'download']);
	});

	it('JSON: fetches json_url and puts the report data under "report"', async () => {
		const data = { report: { employments: [{ employer: 'Whole Goods' }] }, version: 2 };
		argyleApi().get(`/v2/reports/${REPORT_ID}`).reply(200, report());
		fileHost().get(`/v2/reports/${REPORT_ID}/json`).reply(302, '', { Location: `${STORAGE}/r.json` });
		storage().get('/r.json').reply(200, JSON.stringify(data), { 'Content-Type': 'application/json' });

		const { output } = await runArgyle({ resource: 'report', operation: 'download', reportId: REPORT_ID, format: 'json' });

		expect(output).toEqual([{ json: { id: REPORT_ID, type: 'voie', format: 'json', report: data }, pairedItem: { item: 0 } }]);
		expect(output[0].binary).toBeUndefined();
		expectSchemaFits(output, ['report', 'download']);
	});

	it('JSON that is not an object is an error', async () => {
		argyleApi().get(`/v2/reports/${REPORT_ID}`).reply(200, report({ json_url: `${STORAGE}/broken` }));
		storage().get('/broken').reply(200, '<html>', { 'Content-Type': 'text/html' });

		const error = await runArgyleExpectingError({ resource: 'report', operation: 'download', reportId: REPORT_ID, format: 'json' });

		expect(error.message).toBe(`The JSON of report ${REPORT_ID} is not a JSON object`);
	});

	it.each([
		['generating', `Report ${REPORT_ID} is not ready yet (status generating)`, 'reports.generated'],
		['waiting_for_sync', `Report ${REPORT_ID} is not ready yet (status waiting_for_sync)`, 'reports.generated'],
		['failed', `Argyle failed to generate report ${REPORT_ID}`, 'Generate the report again.'],
	])('a report with status %s is not downloaded', async (status, message, hint) => {
		argyleApi().get(`/v2/reports/${REPORT_ID}`).reply(200, report({ status }));

		const error = await runArgyleExpectingError({ resource: 'report', operation: 'download', reportId: REPORT_ID, format: 'pdf' });

		expect(error.message).toBe(message);
		expect(error.description).toContain(hint);
	});

	it('Continue On Fail: a missing report and a missing file_url become error items, the rest is downloaded', async () => {
		const items = [{ json: { id: 'missing' } }, { json: { id: 'nofile' } }, { json: { id: REPORT_ID } }];
		argyleApi().get('/v2/reports/missing').reply(404, { detail: 'Not found.' });
		argyleApi().get('/v2/reports/nofile').reply(200, report({ id: 'nofile', file_url: null }));
		argyleApi().get(`/v2/reports/${REPORT_ID}`).reply(200, report({ file_url: `${STORAGE}/direct.pdf` }));
		storage().get('/direct.pdf').reply(200, PDF);

		const { output } = await runArgyle(
			{ resource: 'report', operation: 'download', reportId: fromItem(items, 'id'), format: 'pdf' },
			{ items, continueOnFail: true },
		);

		expect(output.map((item) => [item.json.error ?? item.json.fileName, item.pairedItem])).toEqual([
			['Argyle found nothing (404) while trying to get report missing', { item: 0 }],
			['Argyle has no file for report nofile (PDF)', { item: 1 }],
			[`argyle-report-voie-${REPORT_ID}.pdf`, { item: 2 }],
		]);
		expect(output[2].binary!.data.mimeType).toBe('application/pdf');
	});
});
