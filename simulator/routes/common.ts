// What every route module shares: the host interface the routes use, the handler type, Argyle's
// list envelope with cursor pages, DRF-style error bodies.
import type { ServerResponse } from 'node:http';

import type { Dataset } from '../data/dataset';
import type { ParsedBody } from '../http';
import { sendJson } from '../http';
import { InvalidCursorError, paginate, resolveLimit, type Sequenced } from '../pagination';
import type { StorageServer } from '../storage';
import type { Store } from '../store';
import type { ApiVersion, ArgyleAccount, FileRedirect, WebhookSubscription } from '../types';
import type { WebhookInput } from '../validation';

/** What the routes need from the simulator. */
export interface ApiHost {
	readonly store: Store;
	readonly dataset: Dataset;
	readonly baseUrl: string;
	readonly storage: StorageServer;
	/** Signing key of the user tokens (JWTs) the simulator issues, and the client they name. */
	readonly tokenSecret: Buffer;
	readonly clientId: string;
	pageSizes(): { defaultSize: number; maxSize: number };
	reportDelayMs(): number;
	fileRedirect(): FileRedirect;
	createWebhook(version: ApiVersion, input: WebhookInput): WebhookSubscription;
	/** Runs `work` once the response has been sent (Argyle sends webhooks after answering). */
	afterResponse(res: ServerResponse, work: () => Promise<unknown>): void;
	/** Runs `work` after `ms` (idle() waits for it; stop() drops it). */
	later(ms: number, work: () => Promise<unknown>): void;
	deliver(event: string, data: Record<string, unknown>): Promise<unknown>;
	sendRemoved(accounts: ArgyleAccount[]): Promise<unknown>;
	sendAccountUpdated(accountId: string): Promise<unknown>;
}

export interface ApiRequest {
	method: string;
	url: URL;
	body: ParsedBody;
}

export type Handler = (host: ApiHost, req: ApiRequest, res: ServerResponse, params: string[]) => void;

export interface Route {
	pattern: RegExp;
	methods: Record<string, Handler>;
}

export type ErrorBody = Record<string, unknown>;

export const NOT_FOUND = { detail: 'Not found.' };
export const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export const notFound = (res: ServerResponse): void => sendJson(res, 404, NOT_FOUND);

/** `^/v2/<path>/?$`, with `([^/]+)` for each `{}` in `path`. */
export const v2 = (path: string): RegExp => new RegExp(`^/v2/${path.replace(/\{\}/g, '([^/]+)')}/?$`);

/** Answers one page of `items` (in seq order) with absolute next/previous URLs keeping the query. */
export function sendPage<T>(host: ApiHost, req: ApiRequest, res: ServerResponse, items: Array<Sequenced<T>>): void {
	const { defaultSize, maxSize } = host.pageSizes();
	const limit = resolveLimit(req.url.searchParams.get('limit') ?? undefined, defaultSize, maxSize);
	const pageUrl = (cursor: string): string => {
		const params = new URLSearchParams(req.url.searchParams);
		params.set('cursor', cursor);
		return `${host.baseUrl}${req.url.pathname}?${params.toString()}`;
	};
	try {
		sendJson(res, 200, paginate(items, limit, req.url.searchParams.get('cursor') ?? undefined, pageUrl));
	} catch (e) {
		if (e instanceof InvalidCursorError) sendJson(res, 404, { detail: 'Invalid cursor' });
		else throw e;
	}
}

export const BAD = Symbol('bad');

/** The JSON body, or BAD after answering DRF's 400 for a body that does not parse. */
export function requireJson(req: ApiRequest, res: ServerResponse): unknown | typeof BAD {
	if (!req.body.ok) {
		sendJson(res, 400, { detail: `JSON parse error - ${req.body.error}` });
		return BAD;
	}
	return req.body.value;
}

/** Python's name for a JSON value's type, as DRF's messages use it. */
export function typeName(v: unknown): string {
	if (v === null) return 'NoneType';
	if (Array.isArray(v)) return 'list';
	if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
	return ({ string: 'str', boolean: 'bool' } as Record<string, string>)[typeof v] ?? 'dict';
}

/** The body as an object, or BAD after DRF's 400 for anything else (`{}` for an empty body). */
export function requireObject(req: ApiRequest, res: ServerResponse): Record<string, unknown> | typeof BAD {
	const body = requireJson(req, res);
	if (body === BAD) return BAD;
	if (body === null || body === undefined) return {};
	if (typeof body !== 'object' || Array.isArray(body)) {
		sendJson(res, 400, { non_field_errors: [`Invalid data. Expected a dictionary, but got ${typeName(body)}.`] });
		return BAD;
	}
	return body as Record<string, unknown>;
}

/** Re-sequences a sorted list so cursor pages follow its order. */
export const inOrder = <T>(values: T[]): Array<Sequenced<T>> => values.map((value, i) => ({ seq: i + 1, value }));

/**
 * The `user` of a request body that must name a stored user: 400 when it is missing or not a
 * UUID, 404 when no such user exists (Argyle's exact answer is undocumented). BAD after answering.
 */
export function requireUser(host: ApiHost, body: Record<string, unknown>, res: ServerResponse): string | typeof BAD {
	const user = body.user;
	if (user === undefined || user === null || user === '') sendJson(res, 400, { user: ['This field is required.'] });
	else if (typeof user !== 'string' || !UUID_RE.test(user)) sendJson(res, 400, { user: ['Must be a valid UUID.'] });
	else if (!host.store.users.get(user)) notFound(res);
	else return user;
	return BAD;
}
