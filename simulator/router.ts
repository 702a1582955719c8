// The Argyle API surface: /v2|/v1 webhooks, /v2 accounts and users.
import type { ServerResponse } from 'node:http';
import { InvalidCursorError, paginate, resolveLimit, type Sequenced } from './pagination';
import type { Store } from './store';
import type { ApiVersion, ArgyleAccount, WebhookSubscription } from './types';
import { sendEmpty, sendJson, type ParsedBody } from './http';
import { validateWebhook, type WebhookInput } from './validation';
import { isoNow, makeUser, newId } from './fixtures';

/** What the routes need from the simulator. */
export interface ApiHost {
	readonly store: Store;
	readonly baseUrl: string;
	pageSizes(): { defaultSize: number; maxSize: number };
	createWebhook(version: ApiVersion, input: WebhookInput): WebhookSubscription;
	/** Runs `work` once the response has been sent (Argyle sends webhooks after answering). */
	afterResponse(res: ServerResponse, work: () => Promise<unknown>): void;
	sendRemoved(accounts: ArgyleAccount[]): Promise<unknown>;
	sendAccountUpdated(accountId: string): Promise<unknown>;
}

export interface ApiRequest {
	method: string;
	url: URL;
	body: ParsedBody;
}

type Handler = (host: ApiHost, req: ApiRequest, res: ServerResponse, params: string[]) => void;

interface Route {
	pattern: RegExp;
	methods: Record<string, Handler>;
}

const NOT_FOUND = { detail: 'Not found.' };
const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

function sendPage<T>(host: ApiHost, req: ApiRequest, res: ServerResponse, items: Array<Sequenced<T>>): void {
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

function requireJson(req: ApiRequest, res: ServerResponse): unknown | typeof BAD {
	if (!req.body.ok) {
		sendJson(res, 400, { detail: `JSON parse error - ${req.body.error}` });
		return BAD;
	}
	return req.body.value;
}
const BAD = Symbol('bad');

const webhookList: Handler = (host, req, res, [version]) =>
	sendPage(host, req, res, host.store.webhooks[version as ApiVersion].entries());

const webhookCreate: Handler = (host, req, res, [version]) => {
	const body = requireJson(req, res);
	if (body === BAD) return;
	const result = validateWebhook(version as ApiVersion, body ?? {});
	if (!result.ok) return sendJson(res, 400, result.errors);
	sendJson(res, 200, host.createWebhook(version as ApiVersion, result.value));
};

const webhookGet: Handler = (host, _req, res, [version, id]) => {
	const sub = host.store.webhooks[version as ApiVersion].get(id);
	if (!sub) return sendJson(res, 404, NOT_FOUND);
	sendJson(res, 200, sub);
};

const webhookDelete: Handler = (host, _req, res, [version, id]) => {
	if (!host.store.webhooks[version as ApiVersion].delete(id)) return sendJson(res, 404, NOT_FOUND);
	sendEmpty(res, 204);
};

const accountList: Handler = (host, req, res) => {
	const q = req.url.searchParams;
	const errors: Record<string, string[]> = {};
	const user = q.get('user');
	if (user && !UUID_RE.test(user)) errors.user = ['Enter a valid UUID.'];
	const ongoing = q.get('ongoing_refresh_status');
	if (ongoing && !['enabled', 'disabled', 'idle'].includes(ongoing)) {
		errors.ongoing_refresh_status = [`Select a valid choice. ${ongoing} is not one of the available choices.`];
	}
	if (Object.keys(errors).length) return sendJson(res, 400, errors);
	const item = q.get('item');
	const items = host.store.accounts
		.entries()
		.filter(
			({ value: a }) =>
				(!user || a.user === user) && (!item || a.item === item) && (!ongoing || a.ongoing_refresh.status === ongoing),
		);
	sendPage(host, req, res, items);
};

const accountGet: Handler = (host, _req, res, [id]) => {
	const account = host.store.accounts.get(id);
	if (!account) return sendJson(res, 404, NOT_FOUND);
	sendJson(res, 200, account);
};

const accountDelete: Handler = (host, _req, res, [id]) => {
	const removed = host.store.removeAccount(id);
	if (!removed) return sendJson(res, 404, NOT_FOUND);
	sendEmpty(res, 204);
	host.afterResponse(res, () => host.sendRemoved([removed]));
};

const accountDisableRefresh: Handler = (host, _req, res, [id]) => {
	const account = host.store.accounts.get(id);
	if (!account) return sendJson(res, 404, NOT_FOUND);
	account.ongoing_refresh = { status: 'disabled' };
	account.updated_at = isoNow();
	sendJson(res, 200, account);
	host.afterResponse(res, () => host.sendAccountUpdated(id));
};

const userList: Handler = (host, req, res) => {
	const externalId = req.url.searchParams.get('external_id');
	const items = host.store.users.entries().filter(({ value: u }) => externalId === null || u.external_id === externalId);
	sendPage(host, req, res, items);
};

const userCreate: Handler = (host, req, res) => {
	const body = requireJson(req, res);
	if (body === BAD) return;
	const seed = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
	const user = makeUser({
		first_name: null,
		last_name: null,
		email: null,
		phone_number: null,
		address: null,
		birth_date: null,
		...(typeof seed.external_id === 'string' ? { external_id: seed.external_id } : {}),
		...(seed.external_metadata && typeof seed.external_metadata === 'object'
			? { external_metadata: seed.external_metadata as Record<string, unknown> }
			: {}),
	});
	host.store.users.add(user);
	sendJson(res, 200, { id: user.id, user_token: `sim.${Buffer.from(newId()).toString('base64url')}` });
};

const userGet: Handler = (host, _req, res, [id]) => {
	const user = host.store.users.get(id);
	if (!user) return sendJson(res, 404, NOT_FOUND);
	sendJson(res, 200, user);
};

const userDelete: Handler = (host, _req, res, [id]) => {
	const removed = host.store.removeUser(id);
	if (!removed) return sendJson(res, 404, NOT_FOUND);
	sendEmpty(res, 204);
	if (removed.length) host.afterResponse(res, () => host.sendRemoved(removed));
};

const ROUTES: Route[] = [
	{ pattern: /^\/(v1|v2)\/webhooks\/?$/, methods: { GET: webhookList, POST: webhookCreate } },
	{ pattern: /^\/(v1|v2)\/webhooks\/([^/]+)\/?$/, methods: { GET: webhookGet, DELETE: webhookDelete } },
	{ pattern: /^\/v2\/accounts\/?$/, methods: { GET: accountList } },
	{ pattern: /^\/v2\/accounts\/([^/]+)\/?$/, methods: { GET: accountGet, DELETE: accountDelete } },
	{ pattern: /^\/v2\/accounts\/([^/]+)\/disable-ongoing-refresh\/?$/, methods: { POST: accountDisableRefresh } },
	{ pattern: /^\/v2\/users\/?$/, methods: { GET: userList, POST: userCreate } },
	{ pattern: /^\/v2\/users\/([^/]+)\/?$/, methods: { GET: userGet, DELETE: userDelete } },
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
