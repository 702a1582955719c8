// One route builder for every collection: `GET /v2/<path>` (filters declared per resource, cursor
// pages) and `GET /v2/<path>/{id}` (404 `{"detail":"Not found."}`).
import { sendJson } from '../http';
import type { Collection, Store } from '../store';
import { notFound, sendPage, v2, type Handler, type Route } from './common';
import { applyFilters, type Filter } from './filters';

export interface CollectionSpec<T extends { id: string }> {
	/** The URL path after /v2/, e.g. `payroll-documents`. */
	path: string;
	source(store: Store): Collection<T>;
	filters: ReadonlyArray<Filter<T>>;
	/** False when Argyle has no `GET /<path>/{id}` (employments). */
	retrieve?: boolean;
}

export function listHandler<T extends { id: string }>(spec: CollectionSpec<T>): Handler {
	return (host, req, res) => {
		const result = applyFilters(spec.filters, req.url.searchParams, host.store);
		if ('errors' in result) return sendJson(res, 400, result.errors);
		sendPage(host, req, res, spec.source(host.store).entries().filter((e) => result.test(e.value)));
	};
}

export function retrieveHandler<T extends { id: string }>(spec: CollectionSpec<T>): Handler {
	return (host, _req, res, [id]) => {
		const found = spec.source(host.store).get(id);
		if (!found) return notFound(res);
		sendJson(res, 200, found);
	};
}

export function collectionRoutes<T extends { id: string }>(spec: CollectionSpec<T>): Route[] {
	const routes: Route[] = [{ pattern: v2(spec.path), methods: { GET: listHandler(spec) } }];
	if (spec.retrieve !== false) routes.push({ pattern: v2(`${spec.path}/{}`), methods: { GET: retrieveHandler(spec) } });
	return routes;
}
