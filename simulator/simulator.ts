// ArgyleSimulator: a local, in-memory Argyle API (v2 + v1 webhooks, v2 accounts/users) on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control';
import { applyAccountEvent } from './accountEvents';
import { sign, subscriptionMatch } from './delivery';
import { buildEventData, resourceFor, supportsResource } from './events';
import { FaultBook, type FaultDescription } from './faults';
import { isoNow, makeAccount, makeUser } from './fixtures';
import { parseJsonBody, readBody, sendJson } from './http';
import { Outbox } from './outbox';
import { serveApi } from './requests';
import type { ApiHost } from './router';
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

const ARGYLE_DEFAULT_PAGE_SIZE = 10;
const ARGYLE_MAX_PAGE_SIZE = 200;

const clone = <T>(v: T): T => structuredClone(v);

export class ArgyleSimulator {
	readonly baseUrl: string;
	readonly apiKeyId: string;
	readonly apiKeySecret: string;
	/** Every API call (not /_sim), oldest first. Cleared in place by clearCalls()/reset(). */
	readonly calls: CallRecord[] = [];
	/** Every delivery attempt, oldest first (last 5000 kept). Cleared in place by reset(). */
	readonly deliveries: DeliveryResult[];

	private readonly store = new Store();
	private readonly faults = new FaultBook();
	private readonly outbox: Outbox;
	private readonly sleepers = new Map<NodeJS.Timeout, () => void>();
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
		this.outbox = new Outbox(opts.deliveryTimeoutMs ?? 10_000, opts.log);
		this.deliveries = this.outbox.deliveries;
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
		for (const [timer, wake] of this.sleepers) {
			clearTimeout(timer);
			wake();
		}
		this.sleepers.clear();
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections();
		await closed;
		await this.outbox.close();
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
			this.store.addWebhook(sub.version ?? 'v2', {
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
	 * (or "*", except items.*). Adds `data.resource` (the account, or the verification) for the events
	 * that take include_resource when the subscription lists the event explicitly with it.
	 */
	deliver(event: string, data: Record<string, unknown>, opts: DeliverOptions = {}): Promise<DeliveryResult[]> {
		const subs = [...this.store.webhooks.v2.values(), ...this.store.webhooks.v1.values()].filter(
			(s) => (!opts.only || s.id === opts.only) && subscriptionMatch(s, event, data).matches,
		);
		return this.outbox.track(Promise.all(subs.map((s) => this.deliverOne(s, event, data))));
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
		const data = applyAccountEvent(this.store, account, event, extra);
		return this.deliver(event, data, opts);
	}

	/**
	 * Sends any event with a realistic `data` for a stored account (a new one when `account` is not
	 * given), merged with `data`. accounts.* go through fireAccountEvent, which also changes the account.
	 * An event the simulator has no builder for is sent with `data` as given.
	 */
	fireEvent(
		event: string,
		options: { account?: string; data?: Record<string, unknown>; extra?: AccountEventExtra } & DeliverOptions = {},
	): Promise<DeliveryResult[]> {
		const accountId = options.account ?? this.addAccount().id;
		const account = this.store.accounts.get(accountId);
		if (!account) return Promise.reject(new Error(`ArgyleSimulator: unknown account ${accountId}`));
		const deliverOptions = options.only ? { only: options.only } : {};
		if (event.startsWith('accounts.')) return this.fireAccountEvent(event, accountId, options.extra, deliverOptions);
		const user = this.store.users.get(account.user)!;
		const built = buildEventData(event, { account, user, accounts: this.store.accountsOf(user.id) });
		return this.deliver(event, { ...built, ...options.data }, deliverOptions);
	}

	/** Resolves when every delivery started so far (including those sent after API responses) has settled. */
	async idle(): Promise<void> {
		await this.outbox.idle();
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
			createWebhook: (version, input) => this.store.addWebhook(version, input),
			afterResponse: (res, work) => this.outbox.afterResponse(res, work),
			sendRemoved: (accounts) =>
				Promise.all(accounts.map((a) => this.deliver('accounts.removed', { account: a.id, user: a.user }))),
			sendAccountUpdated: (id) => {
				const a = this.store.accounts.get(id);
				return a ? this.deliver('accounts.updated', { account: a.id, user: a.user }) : Promise.resolve([]);
			},
		};
	}

	private deliverOne(sub: WebhookSubscription, event: string, data: Record<string, unknown>): Promise<DeliveryResult> {
		const payload: Record<string, unknown> = { ...data };
		const { explicit } = subscriptionMatch(sub, event, data);
		if (explicit && sub.config.include_resource === true && supportsResource(event) && !('resource' in data)) {
			const resource = resourceFor(this.store, event, data);
			if (resource) payload.resource = resource;
		}
		return this.outbox.send(sub, event, payload);
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

		await serveApi(
			{
				calls: this.calls,
				faults: this.faults,
				api: this.apiHost,
				keys: () => [{ id: this.apiKeyId, secret: this.apiKeySecret }, ...this.extraKeys],
				sleep: (ms) => this.sleep(ms),
				stopped: () => this.stopped,
				log: this.opts.log,
			},
			{ method, url, authorization: req.headers.authorization, body: parsed },
			res,
		);
	}
}
