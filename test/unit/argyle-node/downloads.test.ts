/**
 * Payroll Document and User Upload: Download File: what the items hold (bytes, file name, MIME type,
 * binary field), and the failures before any file is fetched. Redirects and the API key:
 * download-redirects.test.ts.
 */
import { extensionFor, safeFileName } from '../../../nodes/Argyle/resources/downloads';
import { DOWNLOADED_FILE } from '../../../nodes/shared/objects/file';
import { TEST_CREDENTIALS } from '../helpers/context';
import { expectSchemaFits } from './conforms';
import { API_BASE, runArgyle, runArgyleExpectingError, useNock } from './harness';
import { argyle, DOC_ID, download, DOWNLOAD_PARAMETERS, FILE_PATH, payrollDocument, PDF, STORAGE, storage } from './download-fixtures';


useNock();

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

	it('a file_url without a scheme (as in Argyle spec examples) is taken as https', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument({ file_url: 'storage.example-bucket.com/x.pdf' }));
		storage().get('/x.pdf').reply(200, PDF);

		const { output } = await download();

		// no Content-Type: n8n's generic binary type
		expect(output[0].json).toMatchObject({ mimeType: 'application/octet-stream', fileName: `W-2-${DOC_ID}.bin` });
	});

	it('a missing document is a 404 naming it; a document without a file says so', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(404, { detail: 'Not found.' });
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument({ file_url: null }));

		const missing = await runArgyleExpectingError(DOWNLOAD_PARAMETERS);
		const noFile = await runArgyleExpectingError(DOWNLOAD_PARAMETERS);

		expect(missing.message).toBe(`Argyle found nothing (404) while trying to get payroll document ${DOC_ID}`);
		expect(noFile.message).toBe(`Argyle has no file for payroll document ${DOC_ID}`);
	});

	it('refuses an empty ID, an empty binary field name and a file_url that is not http(s)', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument({ file_url: 'ftp://files.example.com/x' }));
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());

		const noId = await runArgyleExpectingError({ resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: ' ' });
		const ftp = await runArgyleExpectingError(DOWNLOAD_PARAMETERS);
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
