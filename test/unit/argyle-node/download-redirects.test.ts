/**
 * Every download follows file_url's redirects by hand: the API key goes only to the credential's own
 * origin, never to the storage host Argyle redirects to, loops and long chains stop, and failures on
 * either host say what to do.
 */
import nock from 'nock';
import { sleep } from 'n8n-workflow';

import { MAX_REDIRECTS } from '../../../nodes/shared/download';
import { executeContext, TEST_CREDENTIALS } from '../helpers/context';
import { API_BASE, BASIC_AUTH, runArgyleExpectingError, useNock } from './harness';
import { argyle, DOC_ID, download, DOWNLOAD_PARAMETERS, FILE_PATH, payrollDocument, PDF, STORAGE, storage } from './download-fixtures';


useNock();

describe('redirects and the API key', () => {
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

	it('a redirect loop stops with a clear error', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(302, '', { Location: `${STORAGE}/a` });
		storage().get('/a').reply(302, '', { Location: `${API_BASE}${FILE_PATH}` });

		const error = await runArgyleExpectingError(DOWNLOAD_PARAMETERS);

		expect(error.message).toBe(`The download redirected in a loop while trying to download payroll document ${DOC_ID}`);
		expect(error.context.itemIndex).toBe(0);
	});

	it(`stops after ${MAX_REDIRECTS} redirects`, async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(302, '', { Location: `${STORAGE}/1` });
		for (let hop = 1; hop <= MAX_REDIRECTS; hop++) {
			storage().get(`/${hop}`).reply(302, '', { Location: `${STORAGE}/${hop + 1}` });
		}

		const error = await runArgyleExpectingError(DOWNLOAD_PARAMETERS);

		expect(error.message).toBe(`The download redirected more than 5 times while trying to download payroll document ${DOC_ID}`);
		expect(error.description).toContain(STORAGE);
	});

	it('a redirect without a Location is an error that says so', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(302, '');

		const error = await runArgyleExpectingError(DOWNLOAD_PARAMETERS);

		expect(error.message).toBe(`The download redirected (HTTP 302) to no usable address while trying to download payroll document ${DOC_ID}`);
	});
});

describe('failures on the way', () => {
	it('storage refusing the file says the link is short-lived and that it never got the key', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(302, '', { Location: `${STORAGE}/expired` });
		storage().get('/expired').reply(403, '<Error><Code>AccessDenied</Code></Error>', { 'Content-Type': 'application/xml' });

		const error = await runArgyleExpectingError(DOWNLOAD_PARAMETERS);

		expect(error.message).toBe(`${STORAGE} refused (HTTP 403) to download payroll document ${DOC_ID}`);
		expect(error.description).toContain('short-lived');
		expect(error.description).toContain(`only ever sent to ${API_BASE}`);
		expect(error.httpCode).toBe('403');
	});

	it("the file endpoint's own 404 and 401 read like every Argyle error, with Argyle's words", async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).times(2).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(404, { detail: 'File not found.' });
		argyle().get(FILE_PATH).reply(401, { detail: 'Invalid username/password.' });

		const notFound = await runArgyleExpectingError(DOWNLOAD_PARAMETERS);
		const rejected = await runArgyleExpectingError(DOWNLOAD_PARAMETERS);

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
});

describe('download edge cases', () => {
	it('a storage host that cannot be reached is retried, then named in the error (without the key)', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).reply(302, '', { Location: 'http://127.0.0.1:1/file' });
		nock.enableNetConnect('127.0.0.1');

		const error = await runArgyleExpectingError(DOWNLOAD_PARAMETERS).finally(
			() => nock.disableNetConnect(),
		);

		expect(jest.mocked(sleep)).toHaveBeenCalledTimes(4);
		expect(error.message).toBe(`Could not reach http://127.0.0.1:1 to download payroll document ${DOC_ID}: the connection was refused`);
		expect(error.description).toContain(`only ever sent to ${API_BASE}`);
	});

	it('the file endpoint failing at the network level reads like any unreachable Argyle', async () => {
		argyle().get(`/v2/payroll-documents/${DOC_ID}`).reply(200, payrollDocument());
		argyle().get(FILE_PATH).times(5).replyWithError('socket hang up');

		const error = await runArgyleExpectingError(DOWNLOAD_PARAMETERS);

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

		const error = await runArgyleExpectingError(DOWNLOAD_PARAMETERS);

		expect(error.message).toBe(`The download redirected (HTTP 302) to no usable address while trying to download payroll document ${DOC_ID}`);
		expect(error.description).toContain('file:///etc/passwd');
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
