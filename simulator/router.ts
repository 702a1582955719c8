// The Argyle API surface: every route module's routes, matched in order, and DRF's 405 for a known
// route with another method.
import type { ServerResponse } from 'node:http';

import { sendJson } from './http';
import { ACCOUNT_ROUTES } from './routes/accounts';
import type { ApiHost, ApiRequest, Route } from './routes/common';
import { DATA_SET_ROUTES } from './routes/dataSets';
import { FILE_ROUTES } from './routes/files';
import { ITEM_ROUTES } from './routes/items';
import { REPORT_ROUTES } from './routes/reports';
import { USER_ROUTES } from './routes/users';
import { WEBHOOK_ROUTES } from './routes/webhooks';

export type { ApiHost, ApiRequest } from './routes/common';

const ROUTES: Route[] = [
	...WEBHOOK_ROUTES,
	...ACCOUNT_ROUTES,
	...USER_ROUTES,
	...ITEM_ROUTES,
	...DATA_SET_ROUTES,
	...REPORT_ROUTES,
	...FILE_ROUTES,
];

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

export interface RouteMatch {
	route: Route;
	params: string[];
}

export function matchRoute(pathname: string): RouteMatch | undefined {
	for (const route of ROUTES) {
		const m = route.pattern.exec(pathname);
		if (m) return { route, params: m.slice(1).map(safeDecode) };
	}
	return undefined;
}

/** Dispatches an authenticated request on a matched route (405 for other methods, like DRF). */
export function dispatch(host: ApiHost, match: RouteMatch, req: ApiRequest, res: ServerResponse): void {
	const handler = match.route.methods[req.method];
	if (!handler) {
		const allow = [...Object.keys(match.route.methods), 'OPTIONS'].join(', ');
		return sendJson(res, 405, { detail: `Method "${req.method}" not allowed.` }, { Allow: allow });
	}
	handler(host, req, res, match.params);
}
