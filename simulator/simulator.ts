// ArgyleSimulator: a local, in-memory Argyle API (v2 + v1 webhooks, v2 accounts/users) on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control';
import { envelope, postJson, sign, SIGNATURE_HEADER, subscriptionMatch } from './delivery';
import { supportsAccountResource } from './events';
import { FaultBook, DEFAULT_FAULT_BODY, type FaultDescription } from './faults';
import { DEFAULT_FAILED_CODE, errorMessageFor, isoNow, makeAccount, makeUser, newId } from './fixtures';
import { checkBasicAuth, parseJsonBody, queryObject, readBody, sendJson, sendText, sendEmpty, type ParsedBody } from './http';
import { dispatch, matchRoute, type ApiHost } from './router';
import { Store } from './store';
import type {
	AccountEventExtra,
	AccountSeed,
	ApiVersion,
	ArgyleAccount,
	ArgyleUser,
	CallRecord,
	DeliverOptions,
	DeliveryResult,
	FaultSpec,
	PlantWebhookInput,
	SimulatorOptions,
	UserSeed,
	WebhookSubscription,
} from './types';
import type { WebhookInput } from './validation';

const ARGYLE_DEFAULT_PAGE_SIZE = 10;
const ARGYLE_MAX_PAGE_SIZE = 200;
const MAX_KEPT_CALLS = 50_000;
const MAX_KEPT_DELIVERIES = 5_000;

const clone = <T>(v: T): T => structuredClone(v);

export class ArgyleSimulator {
	readonly baseUrl: string;
	readonly apiKeyId: string;
	readonly apiKeySecret: string;
	/** Every API call (not /_sim), oldest first. Cleared in place by clearCalls()/reset(). */
	readonly calls: CallRecord[] = [];
	/** Every delivery attempt, oldest first (last 5000 kept). Cleared in place by reset(). */
	readonly deliveries: DeliveryResult[] = [];

	private readonly store = new Store();
	private readonly faults = new FaultBook();
	private readonly pending = new Set<Promise<unknown>>();
	private readonly sleepers = new Map<NodeJS.Timeout, () => void>();
	private readonly aborter = new AbortController();
	private readonly deliveryTimeoutMs: number;
	private readonly apiHost: ApiHost;
	private defaultSize: number;
	private maxSize: number;
	private planted = 0;
	private stopped = false;
	/** API keys accepted besides apiKeyId/apiKeySecret (addApiKey; cleared by reset()). */
	private readonly extraKeys: Array<{ id: string; secret: string }> = [];

	private constructor(
		private readonly server: http.Server,
		port: number,
		private readonly opts: SimulatorOptions,
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.apiKeyId = opts.apiKeyId ?? `sim_key_${randomBytes(6).toString('hex')}`;
		this.apiKeySecret = opts.apiKeySecret ?? randomBytes(16).toString('hex');
		this.deliveryTimeoutMs = opts.deliveryTimeoutMs ?? 10_000;
		this.defaultSize = opts.defaultPageSize ?? ARGYLE_DEFAULT_PAGE_SIZE;
		this.maxSize = opts.maxPageSize ?? ARGYLE_MAX_PAGE_SIZE;
		this.apiHost = this.makeApiHost();
	}

	static async start(opts: SimulatorOptions = {}): Promise<ArgyleSimulator> {
		let sim: ArgyleSimulator | undefined;
		const server = http.createServer((req, res) => {
			if (!sim) return sendJson(res, 503, { detail: 'Starting.' });
			sim.handle(req, res).catch((e: unknown) => {
				sim?.opts.log?.(`simulator error: ${(e as Error)?.stack ?? String(e)}`);
				sendJson(res, 500, { detail: 'A server error occurred.' });
			});
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(opts.port ?? 0, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
		sim = new ArgyleSimulator(server, (server.address() as AddressInfo).port, opts);
		return sim;
	}

	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		this.aborter.abort();
		for (const [timer, wake] of this.sleepers) {
			clearTimeout(timer);
			wake();
		}
		this.sleepers.clear();
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections();
		await closed;
		await Promise.allSettled([...this.pending]);
	}

	/** Clears subscriptions, accounts, users, calls, deliveries and faults, and restores the page sizes. */
	reset(): void {
		this.store.clear();
		this.faults.clear();
		this.calls.length = 0;
		this.deliveries.length = 0;
		this.planted = 0;
		this.extraKeys.length = 0;
		this.defaultSize = this.opts.defaultPageSize ?? ARGYLE_DEFAULT_PAGE_SIZE;
		this.maxSize = this.opts.maxPageSize ?? ARGYLE_MAX_PAGE_SIZE;
	}

	/**
	 * Accepts one more API key besides apiKeyId/apiKeySecret, e.g. a key created in Argyle Console to
	 * rotate the old one (both work until the old one is revoked). Cleared by reset().
	 */
	addApiKey(id: string, secret: string): void {
		this.extraKeys.push({ id, secret });
	}

	// ---- webhook subscriptions ----

	/** Subscriptions Argyle holds: one version, or (no argument) v2 followed by v1. Copies. */
	webhooks(version?: ApiVersion): WebhookSubscription[] {
		const versions: ApiVersion[] = version ? [version] : ['v2', 'v1'];
		return clone(versions.flatMap((v) => this.store.webhooks[v].values()));
	}

	/** Adds a subscription without validation (e.g. duplicates left behind by a crash). */
	plantWebhook(sub: PlantWebhookInput): WebhookSubscription {
		this.planted += 1;
		return clone(
			this.createWebhook(sub.version ?? 'v2', {
				name: sub.name ?? `planted-${this.planted}`,
				url: sub.url,
				events: [...sub.events],
				secret: sub.secret ?? null,
				config: sub.config ? clone(sub.config) : {},
			}),
		);
	}

	/** Deletes a subscription (either version) behind the client's back. */
	removeWebhook(id: string): boolean {
		const found = this.store.findWebhook(id);
		return found ? this.store.webhooks[found.version].delete(id) : false;
	}

	// ---- accounts and users ----

	addUser(seed: UserSeed = {}): ArgyleUser {
		return clone(this.store.users.add(makeUser(clone(seed))));
	}

	/** Adds a realistic account. `seed.user` may name an existing user; an unknown id creates that user; absent: a new user. */
	addAccount(seed: AccountSeed = {}): ArgyleAccount {
		const s = clone(seed);
		let userId = s.user;
		if (!userId || !this.store.users.get(userId)) userId = this.store.users.add(makeUser(userId ? { id: userId } : {})).id;
		return clone(this.store.addAccount(makeAccount(userId, s)));
	}

	/** Merges top-level fields (nested objects replaced) into a stored account; returns the new state. */
	updateAccount(id: string, patch: Partial<ArgyleAccount>): ArgyleAccount | undefined {
		const account = this.store.accounts.get(id);
		if (!account) return undefined;
		Object.assign(account, clone(patch), { id: account.id, updated_at: patch.updated_at ?? isoNow() });
		return clone(account);
	}

	account(id: string): ArgyleAccount | undefined {
		const a = this.store.accounts.get(id);
		return a && clone(a);
	}

	accounts(): ArgyleAccount[] {
		return clone(this.store.accounts.values());
	}

	user(id: string): ArgyleUser | undefined {
		const u = this.store.users.get(id);
		return u && clone(u);
	}

	users(): ArgyleUser[] {
		return clone(this.store.users.values());
	}

	// ---- deliveries ----

	sign(body: string | Buffer, secret: string): string {
		return sign(body, secret);
	}

	/**
	 * POSTs `{"event","name","data"}` to every subscription (v2 and v1) whose events include `event`
	 * (or "*", except items.*). Adds `data.resource` for accounts.* (not removed) when the subscription
	 * lists the event explicitly with `config.include_resource: true` and `data.account` is a known account.
	 */
	deliver(event: string, data: Record<string, unknown>, opts: DeliverOptions = {}): Promise<DeliveryResult[]> {
		const subs = [...this.store.webhooks.v2.values(), ...this.store.webhooks.v1.values()].filter(
			(s) => (!opts.only || s.id === opts.only) && subscriptionMatch(s, event, data).matches,
		);
		return this.track(Promise.all(subs.map((s) => this.deliverOne(s, event, data))));
	}

	/**
	 * Sends an accounts.* event for a stored account with `data = {account, user}` and updates the account:
	 * failed → connection error (error_code default `invalid_credentials`, error_message per code);
	 * updated with error_code/error_message → connection error; connected → connection connected;
	 * removed → the account is deleted from the store first. Other events leave the account alone.
	 */
	fireAccountEvent(
		event: string,
		accountId: string,
		extra: AccountEventExtra = {},
		opts: DeliverOptions = {},
	): Promise<DeliveryResult[]> {
		const account = this.store.accounts.get(accountId);
		if (!account) return Promise.reject(new Error(`ArgyleSimulator: unknown account ${accountId}`));
		const data: Record<string, unknown> = { account: account.id, user: account.user };
		const now = isoNow();
		if (event === 'accounts.failed' || (event === 'accounts.updated' && (extra.error_code || extra.error_message))) {
			const code = extra.error_code ?? (event === 'accounts.failed' ? DEFAULT_FAILED_CODE : account.connection.error_code ?? 'auth_required');
			const message = extra.error_message ?? errorMessageFor(code);
			account.connection = { status: 'error', error_code: code, error_message: message, updated_at: now };
			account.updated_at = now;
			if (event === 'accounts.failed') Object.assign(data, { error_code: code, error_message: message });
		} else if (event === 'accounts.connected') {
			account.connection = { status: 'connected', error_code: null, error_message: null, updated_at: now };
			account.scanned_at = now;
			if (account.ongoing_refresh.status === 'idle') account.ongoing_refresh = { status: 'enabled' };
			account.updated_at = now;
		} else if (event === 'accounts.removed') {
			this.store.removeAccount(accountId);
		}
		return this.deliver(event, data, opts);
	}

	/** Resolves when every delivery started so far (including those sent after API responses) has settled. */
	async idle(): Promise<void> {
		while (this.pending.size) await Promise.allSettled([...this.pending]);
	}

	// ---- faults ----

	injectFault(f: FaultSpec): void {
		this.faults.add(f);
	}

	clearFaults(): void {
		this.faults.clear();
	}

	faultList(): FaultDescription[] {
		return this.faults.describe();
	}

	// ---- call log, paging ----

	clearCalls(): void {
		this.calls.length = 0;
	}

	/** Page size used without `limit`, and the cap for `limit` (restored by reset()). */
	setPageSize(n: number): void {
		if (!Number.isInteger(n) || n < 1) throw new Error(`page size must be a positive integer (got ${n})`);
		this.defaultSize = n;
		this.maxSize = n;
	}

	// ---- internals ----

	private makeApiHost(): ApiHost {
		return {
			store: this.store,
			baseUrl: this.baseUrl,
			pageSizes: () => ({ defaultSize: this.defaultSize, maxSize: this.maxSize }),
			createWebhook: (version, input) => this.createWebhook(version, input),
			afterResponse: (res, work) => this.afterResponse(res, work),
			sendRemoved: (accounts) =>
				Promise.all(accounts.map((a) => this.deliver('accounts.removed', { account: a.id, user: a.user }))),
			sendAccountUpdated: (id) => {
				const a = this.store.accounts.get(id);
				return a ? this.deliver('accounts.updated', { account: a.id, user: a.user }) : Promise.resolve([]);
			},
		};
	}

	private createWebhook(version: ApiVersion, input: WebhookInput): WebhookSubscription {
		const now = isoNow();
		const sub: WebhookSubscription = {
			id: newId(),
			name: input.name,
			events: input.events,
			config: input.config,
			secret: input.secret,
			url: input.url,
			created_at: now,
			updated_at: now,
			last_sent_at: null,
		};
		return this.store.webhooks[version].add(sub);
	}

	private async deliverOne(sub: WebhookSubscription, event: string, data: Record<string, unknown>): Promise<DeliveryResult> {
		const payload: Record<string, unknown> = { ...data };
		const { explicit } = subscriptionMatch(sub, event, data);
		if (
			explicit &&
			sub.config.include_resource === true &&
			supportsAccountResource(event) &&
			typeof data.account === 'string' &&
			!('resource' in data)
		) {
			const account = this.store.accounts.get(data.account);
			if (account) payload.resource = clone(account);
		}
		const body = envelope(event, sub.name, payload);
		const signature = sub.secret ? sign(body, sub.secret) : null;
		sub.last_sent_at = isoNow();
		const at = Date.now();
		const r = await postJson(
			sub.url,
			body,
			signature ? { [SIGNATURE_HEADER]: signature } : {},
			this.deliveryTimeoutMs,
			this.aborter.signal,
		);
		const result: DeliveryResult = {
			subscriptionId: sub.id,
			url: sub.url,
			event,
			status: r.status,
			responseBody: r.responseBody,
			body,
			signature,
			...(r.error !== undefined ? { error: r.error } : {}),
			at,
		};
		this.deliveries.push(result);
		if (this.deliveries.length > MAX_KEPT_DELIVERIES) this.deliveries.splice(0, this.deliveries.length - MAX_KEPT_DELIVERIES);
		this.opts.log?.(`deliver ${event} -> ${sub.url} ${r.status}${r.error ? ` (${r.error})` : ''}`);
		return result;
	}

	private track<T>(p: Promise<T>): Promise<T> {
		this.pending.add(p);
		const forget = (): void => {
			this.pending.delete(p);
		};
		p.then(forget, forget);
		return p;
	}

	private afterResponse(res: ServerResponse, work: () => Promise<unknown>): void {
		let started = false;
		const run = (): void => {
			if (started) return;
			started = true;
			// Keep it tracked for idle() even though nobody awaits it; never let it reject unhandled.
			this.track(
				Promise.resolve()
					.then(work)
					.catch((e: unknown) => this.opts.log?.(`after-response work failed: ${String(e)}`)),
			);
		};
		if (res.writableFinished) setImmediate(run);
		else {
			res.once('finish', () => setImmediate(run));
			res.once('close', () => setImmediate(run));
		}
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.sleepers.delete(timer);
				resolve();
			}, ms);
			this.sleepers.set(timer, resolve);
		});
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const method = (req.method ?? 'GET').toUpperCase();
		const url = new URL(req.url ?? '/', this.baseUrl);
		let raw: Buffer;
		try {
			raw = await readBody(req);
		} catch {
			return sendJson(res, 413, { detail: 'Request body too large.' });
		}
		const parsed = parseJsonBody(raw);
		if (url.pathname === '/_sim' || url.pathname.startsWith('/_sim/')) {
			return handleControl(this, method, url, parsed, res);
		}

		let auth = checkBasicAuth(req.headers.authorization, this.apiKeyId, this.apiKeySecret);
		for (const key of this.extraKeys) {
			if (auth.ok) break;
			const extra = checkBasicAuth(req.headers.authorization, key.id, key.secret);
			if (extra.ok) auth = extra;
		}
		const record: CallRecord = {
			method,
			path: url.pathname,
			query: queryObject(url),
			body: recordedBody(parsed),
			authorized: auth.ok,
			status: 0,
			at: Date.now(),
			faulted: false,
		};
		this.calls.push(record);
		if (this.calls.length > MAX_KEPT_CALLS) this.calls.splice(0, this.calls.length - MAX_KEPT_CALLS);
		// Record the status as soon as the head is written, so it is there before the client can see the answer.
		const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
		(res as unknown as { writeHead: (...a: unknown[]) => ServerResponse }).writeHead = (...a: unknown[]) => {
			const out = writeHead(...a);
			record.status = res.statusCode;
			return out;
		};
		res.once('finish', () => {
			record.status = res.statusCode;
			this.opts.log?.(`${method} ${url.pathname}${url.search} -> ${res.statusCode}${record.faulted ? ' (fault)' : ''}`);
		});

		const fault = this.faults.take(method, url.pathname, url.pathname + url.search);
		if (fault) {
			record.faulted = true;
			if (fault.delayMs) await this.sleep(fault.delayMs);
			if (this.stopped) return;
			if (fault.status !== undefined) return sendFault(res, fault);
		}

		const match = matchRoute(url.pathname);
		if (!match) return sendJson(res, 404, { detail: 'Not found.' });
		if (!auth.ok) return sendJson(res, 401, { detail: auth.detail }, { 'WWW-Authenticate': 'Basic realm="api"' });
		dispatch(this.apiHost, match, { method, url, body: parsed }, res);
	}
}

function recordedBody(parsed: ParsedBody): unknown {
	if (parsed.raw.trim() === '') return null;
	return parsed.ok ? parsed.value : parsed.raw;
}

function sendFault(res: ServerResponse, fault: FaultSpec): void {
	const headers: Record<string, string> = {};
	if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
	const status = fault.status!;
	const body = fault.body === undefined ? DEFAULT_FAULT_BODY : fault.body;
	if (status === 204 || status === 304 || body === null) return sendEmpty(res, status, headers);
	if (typeof body === 'string') return sendText(res, status, body, headers);
	sendJson(res, status, body, headers);
}
