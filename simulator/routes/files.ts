// File downloads: `file_url` of payroll documents and user uploads, `file_url`/`json_url` of reports.
// With valid Basic auth they answer 302 to a signed URL on the storage server (another origin),
// which serves the bytes; see storage.ts and the fileRedirect option for same-origin and loops.
import type { ServerResponse } from 'node:http';

import { payrollDocumentFile, reportFile, userUploadFile, type StoredFile } from '../files/content';
import { sendEmpty, sendJson } from '../http';
import type { DataObject, DataResource } from '../types';
import { notFound, v2, type ApiHost, type ApiRequest, type Handler, type Route } from './common';

function redirect(host: ApiHost, req: ApiRequest, res: ServerResponse, file: StoredFile): void {
	const mode = host.fileRedirect();
	const location =
		mode === 'loop'
			? host.storage.loopLink(`${host.baseUrl}${req.url.pathname}${req.url.search}`)
			: host.storage.link(file, mode === 'same-origin' ? host.baseUrl : host.storage.origin);
	sendEmpty(res, 302, { Location: location, 'Content-Length': '0', 'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate' });
}

function download(resource: DataResource, content: (host: ApiHost, object: DataObject) => StoredFile | string): Handler {
	return (host, req, res, [id]) => {
		const object = host.store.data[resource].get(id);
		if (!object) return notFound(res);
		const file = content(host, object);
		if (typeof file === 'string') return sendJson(res, 404, { detail: file });
		redirect(host, req, res, file);
	};
}

const report = (format: 'pdf' | 'json') => (host: ApiHost, object: DataObject) =>
	object.status === 'generated' ? reportFile(host.store, object, format) : 'The report is not generated yet.';

export const FILE_ROUTES: Route[] = [
	{ pattern: v2('payroll-documents/{}/file'), methods: { GET: download('payroll_documents', (host, doc) => payrollDocumentFile(host.store, doc)) } },
	{ pattern: v2('user-uploads/{}/file'), methods: { GET: download('user_uploads', (_host, upload) => userUploadFile(upload)) } },
	{ pattern: v2('reports/{}/file'), methods: { GET: download('reports', report('pdf')) } },
	{ pattern: v2('reports/{}/json'), methods: { GET: download('reports', report('json')) } },
];
