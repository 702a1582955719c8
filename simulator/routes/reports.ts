// Payroll reports: `POST /v2/reports/{voe|voie|voe-mortgage|voie-mortgage}` `{user, metadata?}`
// answers the report `generating`; after the report delay it is `generated` and `reports.generated`
// is delivered. `GET /v2/reports` (filter user), `GET` and `DELETE /v2/reports/{id}`.
// Argyle allows 10 reports per user per day; the 11th within 24 hours answers 429 with Retry-After
// (deleting one of those 10 frees a place, as Argyle documents).
import type { ServerResponse } from 'node:http';

import { newId } from '../fixtures';
import { sendEmpty, sendJson } from '../http';
import { makeReport, REPORT_TYPES } from '../resources/reports';
import type { DataObject } from '../types';
import { listHandler, retrieveHandler, type CollectionSpec } from './collection';
import { BAD, notFound, requireObject, requireUser, typeName, v2, type ApiHost, type Handler, type Route } from './common';
import { USER } from './dataSets';

export const DAILY_REPORT_LIMIT = 10;
const DAY_MS = 86_400_000;

const REPORTS: CollectionSpec<DataObject> = { path: 'reports', source: (store) => store.data.reports, filters: [USER] };

/** Reports of the user requested in the last 24 hours, oldest first. */
function requestedToday(host: ApiHost, user: string): DataObject[] {
	const since = Date.now() - DAY_MS;
	return host.store.data.reports
		.values()
		.filter((r) => r.user === user && Date.parse(String(r.created_at)) > since)
		.sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
}

function limitReached(host: ApiHost, user: string, res: ServerResponse): boolean {
	const today = requestedToday(host, user);
	if (today.length < DAILY_REPORT_LIMIT) return false;
	const retryAfter = Math.max(1, Math.ceil((Date.parse(String(today[0].created_at)) + DAY_MS - Date.now()) / 1000));
	sendJson(
		res,
		429,
		{ detail: `Daily report limit reached: at most ${DAILY_REPORT_LIMIT} reports per user in 24 hours. Delete a report requested in the last 24 hours to generate another.` },
		{ 'Retry-After': String(retryAfter) },
	);
	return true;
}

/** Marks the report generated (if it still exists) and delivers reports.generated. */
function generate(host: ApiHost, id: string): Promise<unknown> {
	const report = host.store.data.reports.get(id);
	if (!report || report.status !== 'generating') return Promise.resolve();
	report.status = 'generated';
	return host.deliver('reports.generated', { user: report.user, type: report.type, report: report.id });
}

const reportCreate: Handler = (host, req, res, [type]) => {
	if (!(REPORT_TYPES as readonly string[]).includes(type)) return notFound(res);
	const body = requireObject(req, res);
	if (body === BAD) return;
	const metadata = body.metadata ?? {};
	if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
		return sendJson(res, 400, { metadata: [`Expected a dictionary of items but got type "${typeName(metadata)}".`] });
	}
	const userId = requireUser(host, body, res);
	if (userId === BAD || limitReached(host, userId, res)) return;
	const user = host.store.users.get(userId)!;
	const accounts = host.store.accountsOf(userId);
	const report = host.store.data.reports.add(
		makeReport({ id: newId(), user, type, metadata, accounts, baseUrl: host.baseUrl, createdAt: new Date(), status: 'generating' }),
	);
	sendJson(res, 200, report);
	host.later(host.reportDelayMs(), () => generate(host, report.id));
};

const reportDelete: Handler = (host, _req, res, [id]) => {
	if (!host.store.data.reports.delete(id)) return notFound(res);
	sendEmpty(res, 204);
};

export const REPORT_ROUTES: Route[] = [
	{ pattern: v2('reports'), methods: { GET: listHandler(REPORTS) } },
	{ pattern: v2('reports/{}'), methods: { GET: retrieveHandler(REPORTS), POST: reportCreate, DELETE: reportDelete } },
];
