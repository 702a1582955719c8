/**
 * What the download tests share: a payroll document, and nock scopes that tell the Argyle host (only with the credential) from a
 * storage host (only WITHOUT any Authorization header).
 */
import nock from 'nock';

import { API_BASE, BASIC_AUTH, runArgyle } from './harness';

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
