/**
 * Payroll Document and User Upload: Download File, and the rule every download follows: the API key
 * goes only to the credential's own origin, never to the host a file_url redirects to.
 *
 * The two operations live in resources/downloads.ts until they join the payrollDocument and
 * userUpload resources; until then this file hands them to the real node's execute loop.
 */
import nock from 'nock';
import { sleep } from 'n8n-workflow';

import { extensionFor, safeFileName } from '../../../nodes/Argyle/resources/downloads';
import { MAX_REDIRECTS } from '../../../nodes/shared/download';
import { DOWNLOADED_FILE } from '../../../nodes/shared/objects/file';
import { executeContext, TEST_CREDENTIALS } from '../helpers/context';
import { expectSchemaFits } from './conforms';
import { API_BASE, BASIC_AUTH, runArgyle, runArgyleExpectingError, useNock } from './harness';

jest.mock('../../../nodes/Argyle/resources', () => {
	const actual = jest.requireActual('../../../nodes/Argyle/resources');
	const downloads = jest.requireActual('../../../nodes/Argyle/resources/downloads');
	const extra: Record<string, { run: unknown }> = {
		'payrollDocument:downloadFile': downloads.payrollDocumentDownload,
		'userUpload:downloadFile': downloads.userUploadDownload,
	};
	return {
		...actual,
		handlerFor: (ctx: never, resource: string, operation: string) =>
			extra[`${resource}:${operation}`]?.run ?? actual.handlerFor(ctx, resource, operation),
	};
});

useNock();

const STORAGE = 'https://storage.example-bucket.com';
const DOC_ID = '019795df-abc8-bfcb-77f1-7a89092493f7';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
const FILE_PATH = `/v2/payroll-documents/${DOC_ID}/file`;

function payrollDocument(extra: Record<string, unknown> = {}) {
	return {
		id: DOC_ID,
		account: 'acc-1',
		document_type: 'W-2',
		file_url: `${API_BASE}${FILE_PATH}`,
		employer: 'Whole Goods',
		...extra,
	};
}

/** The Argyle host, only matching requests that carry the credential. */
const argyle = () => nock(API_BASE, { reqheaders: { authorization: BASIC_AUTH } });
/** Another host, only matching requests WITHOUT any Authorization header. */
const storage = () => nock(STORAGE, { badheaders: ['authorization'] });

const download = (extra: Record<string, unknown> = {}) =>
	runArgyle({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID, ...extra });

describe('Payroll Document: Download File', () => {
	it('reads the document, follows the redirect to storage WITHOUT the API key, and outputs the file', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(302, '', { Location: `${STORAGE}/docs/abc?sig=xyz` });
		let storageHeaders: Record<string, unknown> = {};
		storage()
			.get('/docs/abc')
			.query({ sig: 'xyz' })
			.reply(function () {
				storageHeaders = this.req.headers;
				return [200, PDF, { 'Content-Type': 'application/pdf; charset=binary' }];
			});

		const { output } = await download();

		expect(storageHeaders.authorization).toBeUndefined();
		expect(JSON.stringify(storageHeaders)).not.toContain(Buffer.from(TEST_CREDENTIALS.apiKeySecret).toString('base64').slice(0, 12));
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual({
			id: DOC_ID,
			account: 'acc-1',
			document_type: 'W-2',
			fileName: `W-2-${DOC_ID}.pdf`,
			mimeType: 'application/pdf',
			fileSize: PDF.length,
			binaryProperty: 'data',
		});
		expect(output[0].pairedItem).toEqual({ item: 0 });
		const binary = output[0].binary!.data;
		expect(Buffer.from(binary.data, 'base64')).toEqual(PDF);
		expect(binary).toMatchObject({ fileName: `W-2-${DOC_ID}.pdf`, mimeType: 'application/pdf', fileExtension: 'pdf' });
		expectSchemaFits(output, DOWNLOADED_FILE);
	});

	it('puts the file in the chosen binary field and names it after the MIME type the file answer gives', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument({ document_type: 'drivers-license' }));
		argyle().get(FILE_PATH).reply(302, '', { Location: `${STORAGE}/img` });
		storage().get('/img').reply(200, Buffer.from([0xff, 0xd8, 0xff]), { 'Content-Type': 'image/jpeg' });

		const { output } = await download({ binaryPropertyName: 'licence' });

		expect(output[0].json).toMatchObject({ fileName: `drivers-license-${DOC_ID}.jpg`, mimeType: 'image/jpeg', binaryProperty: 'licence' });
		expect(Object.keys(output[0].binary!)).toEqual(['licence']);
	});

	it('a redirect that stays on the Argyle host keeps the credential; a relative Location is resolved', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(307, '', { Location: '/v2/files/signed/1' });
		argyle().get('/v2/files/signed/1').reply(200, PDF, { 'Content-Type': 'application/pdf' });

		const { output } = await download();

		expect(output[0].json.fileSize).toBe(PDF.length);
	});

	it('a redirect from storage back to the Argyle host gets the credential again, storage never', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(302, '', { Location: `${STORAGE}/hop` });
		storage().get('/hop').reply(302, '', { Location: `${API_BASE}/v2/files/final` });
		argyle().get('/v2/files/final').reply(200, PDF, { 'Content-Type': 'application/pdf' });

		const { output } = await download();

		expect(output[0].json.mimeType).toBe('application/pdf');
	});

	it('a file_url on another host than the Base URL is fetched without the credential', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument({ file_url: `${STORAGE}/direct.pdf` }));
		storage().get('/direct.pdf').reply(200, PDF, { 'Content-Type': 'application/pdf' });

		const { output } = await download();

		expect(output[0].json.fileSize).toBe(PDF.length);
	});

	it('a file_url without a scheme (as in Argyle spec examples) is taken as https', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument({ file_url: 'storage.example-bucket.com/x.pdf' }));
		storage().get('/x.pdf').reply(200, PDF);

		const { output } = await download();

		// no Content-Type: n8n's generic binary type
		expect(output[0].json).toMatchObject({ mimeType: 'application/octet-stream', fileName: `W-2-${DOC_ID}.bin` });
	});

	it('a redirect loop stops with a clear error', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(302, '', { Location: `${STORAGE}/a` });
		storage().get('/a').reply(302, '', { Location: `${API_BASE}${FILE_PATH}` });

		const error = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID });

		expect(error.message).toBe(`The download redirected in a loop while trying to download payroll document ${DOC_ID}`);
		expect(error.context.itemIndex).toBe(0);
	});

	it(`stops after ${MAX_REDIRECTS} redirects`, async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(302, '', { Location: `${STORAGE}/1` });
		for (let hop = 1; hop <= MAX_REDIRECTS; hop++) {
			storage().get(`/${hop}`).reply(302, '', { Location: `${STORAGE}/${hop + 1}` });
		}

		const error = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID });

		expect(error.message).toBe(`The download redirected more than 5 times while trying to download payroll document ${DOC_ID}`);
		expect(error.description).toContain(STORAGE);
	});

	it('a redirect without a Location is an error that says so', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(302, '');

		const error = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID });

		expect(error.message).toBe(`The download redirected (HTTP 302) to no usable address while trying to download payroll document ${DOC_ID}`);
	});

	it('storage refusing the file says the link is short-lived and that it never got the key', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(302, '', { Location: `${STORAGE}/expired` });
		storage().get('/expired').reply(403, '<Error><Code>AccessDenied</Code></Error>', { 'Content-Type': 'application/xml' });

		const error = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID });

		expect(error.message).toBe(`${STORAGE} refused (HTTP 403) to download payroll document ${DOC_ID}`);
		expect(error.description).toContain('short-lived');
		expect(error.description).toContain(`only ever sent to ${API_BASE}`);
		expect(error.httpCode).toBe('403');
	});

	it("the file endpoint's own 404 and 401 read like every Argyle error, with Argyle's words", async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).times(2).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(404, { detail: 'File not found.' });
		argyle().get(FILE_PATH).reply(401, { detail: 'Invalid username/password.' });

		const notFound = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID });
		const rejected = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID });

		expect(notFound.message).toBe(`Argyle found nothing (404) while trying to download payroll document ${DOC_ID}`);
		expect(notFound.description).toContain('Argyle said: "File not found."');
		expect(rejected.message).toBe(`Argyle rejected the API key (401) while trying to download payroll document ${DOC_ID}`);
		expect(JSON.stringify({ ...rejected, message: rejected.message })).not.toContain(TEST_CREDENTIALS.apiKeySecret);
	});

	it('waits out a 429 on the file, then downloads', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(429, { detail: 'Request was throttled.' }, { 'Retry-After': '3' });
		argyle().get(FILE_PATH).reply(302, '', { Location: `${STORAGE}/ok` });
		storage().get('/ok').reply(200, PDF, { 'Content-Type': 'application/pdf' });

		const { output } = await download();

		expect(jest.mocked(sleep)).toHaveBeenCalledWith(3000);
		expect(output[0].json.fileSize).toBe(PDF.length);
	});

	it('a missing document is a 404 naming it; a document without a file says so', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(404, { detail: 'Not found.' });
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument({ file_url: null }));

		const missing = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID });
		const noFile = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID });

		expect(missing.message).toBe(`Argyle found nothing (404) while trying to get payroll document ${DOC_ID}`);
		expect(noFile.message).toBe(`Argyle has no file for payroll document ${DOC_ID}`);
	});

	it('refuses an empty ID, an empty binary field name and a file_url that is not http(s)', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument({ file_url: 'ftp://files.example.com/x' }));
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());

		const noId = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: ' ' });
		const ftp = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID });
		const noField = await runArgyleExpectingError({
			resource: 'payrollDocument',
			operation: 'downloadFile',
			payrollDocumentId: DOC_ID,
			binaryPropertyName: ' ',
		});

		expect(noId.message).toBe('No Payroll Document ID given for item 0');
		expect(ftp.message).toBe(`Argyle gave no usable URL to download payroll document ${DOC_ID}`);
		expect(noField.message).toBe('No binary field name given');
	});
});

describe('User Upload: Download File', () => {
	const UPLOAD_ID = '01320596-2c3d-189c-53e7-a8ce6d625b33';
	const upload = (extra: Record<string, unknown> = {}) => ({
		id: UPLOAD_ID,
		account: 'acc-9',
		document_type: 'paystubs',
		file_url: `${API_BASE}/v2/user-uploads/${UPLOAD_ID}/file`,
		file_name: 'most_recent_paystub.pdf',
		...extra,
	});

	it('keeps the original file name and the MIME type of the file answer, one item per input, paired', async () => {
		const items = [{ json: { user_upload: UPLOAD_ID } }, { json: { user_upload: 'gone' } }, { json: { user_upload: UPLOAD_ID } }];
		argyle().get(`/v2/user-uploads/${UPLOAD_ID}`).reply(200, upload());
		argyle().get(`/v2/user-uploads/${UPLOAD_ID}/file`).reply(302, '', { Location: `${STORAGE}/u1` });
		storage().get('/u1').reply(200, PDF, { 'Content-Type': 'application/pdf' });
		argyle().get('/v2/user-uploads/gone').reply(404, { detail: 'Not found.' });
		argyle().get(`/v2/user-uploads/${UPLOAD_ID}`).reply(200, upload({ file_name: 'scans/front side.png' }));
		argyle().get(`/v2/user-uploads/${UPLOAD_ID}/file`).reply(302, '', { Location: `${STORAGE}/u2` });
		storage().get('/u2').reply(200, Buffer.from('png'), { 'Content-Type': 'image/png' });

		const { output } = await runArgyle(
			{ resource: 'userUpload', operation: 'downloadFile', userUploadId: (i: number) => items[i].json.user_upload },
			{ items, continueOnFail: true },
		);

		expect(output.map((item) => [item.json.fileName ?? item.json.error, item.pairedItem])).toEqual([
			['most_recent_paystub.pdf', { item: 0 }],
			['Argyle found nothing (404) while trying to get user upload gone', { item: 1 }],
			['scans-front side.png', { item: 2 }],
		]);
		expect(output[0].json).toMatchObject({ id: UPLOAD_ID, account: 'acc-9', document_type: 'paystubs', mimeType: 'application/pdf' });
		expect(output[2].binary!.data).toMatchObject({ mimeType: 'image/png', fileName: 'scans-front side.png' });
		expectSchemaFits([output[0], output[2]], DOWNLOADED_FILE);
	});

	it('without a file name, names the file after the upload and the MIME type', async () => {
		argyle().get(`/v2/user-uploads/${UPLOAD_ID}`).reply(200, upload({ file_name: null, file_url: `${STORAGE}/raw` }));
		storage().get('/raw').reply(200, Buffer.from('GIF89a'), { 'Content-Type': 'image/gif' });

		const { output } = await runArgyle({ resource: 'userUpload', operation: 'downloadFile', userUploadId: UPLOAD_ID });

		expect(output[0].json.fileName).toBe(`user-upload-${UPLOAD_ID}.gif`);
	});
});

describe('why downloads follow redirects by hand', () => {
	it("n8n-core's own redirect following sends the API key to the redirect's host (sendCredentialsOnCrossOriginRedirect defaults to true)", async () => {
		const ctx = executeContext({});
		argyle().get(FILE_PATH).reply(302, '', { Location: `${STORAGE}/leak` });
		let storageAuthorization: unknown;
		nock(STORAGE)
			.get('/leak')
			.reply(function () {
				storageAuthorization = this.req.headers.authorization;
				return [200, 'ok'];
			});

		await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'argyleApi', { method: 'GET', url: `${API_BASE}${FILE_PATH}` });

		expect(storageAuthorization).toBe(BASIC_AUTH);
	});
});

describe('download edge cases', () => {
	it('a storage host that cannot be reached is retried, then named in the error (without the key)', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(302, '', { Location: 'http://127.0.0.1:1/file' });
		nock.enableNetConnect('127.0.0.1');

		const error = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID }).finally(
			() => nock.disableNetConnect(),
		);

		expect(jest.mocked(sleep)).toHaveBeenCalledTimes(4);
		expect(error.message).toBe(`Could not reach http://127.0.0.1:1 to download payroll document ${DOC_ID}: the connection was refused`);
		expect(error.description).toContain(`only ever sent to ${API_BASE}`);
	});

	it('the file endpoint failing at the network level reads like any unreachable Argyle', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).times(5).replyWithError('socket hang up');

		const error = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID });

		expect(error.message).toMatch(new RegExp(`^Could not reach Argyle at ${API_BASE} to download payroll document ${DOC_ID}: .* after 5 attempts$`));
	});

	it('a file_url that is a path is taken as below the Base URL, with the credential', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument({ file_url: FILE_PATH }));
		argyle().get(FILE_PATH).reply(200, PDF, { 'Content-Type': 'application/pdf' });

		const { output } = await download();

		expect(output[0].json.fileSize).toBe(PDF.length);
	});

	it('a redirect to a non-http address is refused', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(302, '', { Location: 'file:///etc/passwd' });

		const error = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID });

		expect(error.message).toBe(`The download redirected (HTTP 302) to no usable address while trying to download payroll document ${DOC_ID}`);
		expect(error.description).toContain('file:///etc/passwd');
	});
});

describe('file names', () => {
	it.each([
		['application/pdf', 'pdf'],
		['image/jpeg', 'jpg'],
		['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
		['image/avif', 'avif'],
		['application/x-something-long', 'bin'],
		[undefined, 'bin'],
	])('the extension for %s is %s', (mimeType, extension) => {
		expect(extensionFor(mimeType)).toBe(extension);
	});

	it.each([
		['W-2/2023.pdf', 'W-2-2023.pdf'],
		['a\\b\u0000c.pdf', 'a-bc.pdf'],
		['..', 'file'],
		['  ', 'file'],
	])('%j is saved as %j', (name, safe) => {
		expect(safeFileName(name)).toBe(safe);
	});
});
