/**
 * What the download tests share: the two Download File operations handed to the real node (they
 * live in resources/downloads.ts until they join the payrollDocument and userUpload resources), a
 * payroll document, and nock scopes that tell the Argyle host (only with the credential) from a
 * storage host (only WITHOUT any Authorization header).
 */
import nock from 'nock';

import { API_BASE, BASIC_AUTH, runArgyle } from './harness';

/** For jest.mock of nodes/Argyle/resources: handlerFor also knows payrollDocument/userUpload downloadFile. */
export function resourcesWithDownloads() {
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
}

export const STORAGE = 'https://storage.example-bucket.com';
export const DOC_ID = '019795df-abc8-bfcb-77f1-7a89092493f7';
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
export const FILE_PATH = `/v2/payroll-documents/${DOC_ID}/file`;

export function payrollDocument(extra: Record<string, unknown> = {}) {
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
export const argyle = () => nock(API_BASE, { reqheaders: { authorization: BASIC_AUTH } });
/** Another host, only matching requests WITHOUT any Authorization header. */
export const storage = () => nock(STORAGE, { badheaders: ['authorization'] });

export const DOWNLOAD_PARAMETERS = { resource: 'payrollDocument', operation: 'downloadFile', payrollDocumentId: DOC_ID };

export const download = (extra: Record<string, unknown> = {}) => runArgyle({ ...DOWNLOAD_PARAMETERS, ...extra });
