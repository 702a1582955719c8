// ArgyleSimulator: a local, in-memory Argyle API (v2 + v1 webhooks, v2 accounts, users, data sets,
// items, reports, file downloads) on 127.0.0.1, with a storage server on another host name.
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control';
import { applyAccountEvent } from './accountEvents';
import { Dataset } from './data/dataset';
import { createAccount } from './data/seed';
import { sign } from './delivery';
import { deliverEvent } from './dispatch';
import { buildEventData } from './events';
import { FaultBook, type FaultDescription } from './faults';
import { isoNow, makeUser } from './fixtures';
import { buildApiHost } from './host';
import { parseJsonBody, readBody, sendJson } from './http';
import { Outbox } from './outbox';
import { serveApi } from './requests';
import type { ApiHost } from './router';
import { StorageServer } from './storage';
import { Store } from './store';
import { Timers } from './timers';
import type {
	AccountEventExtra,
	AccountSeed,
	ApiVersion,
	ArgyleAccount,
	ArgyleUser,
	CallRecord,
	DataObject,
	DataResource,
	DeliverOptions,
	DeliveryResult,
	FaultSpec,
	FileRedirect,
	PlantWebhookInput,
	SimulatorOptions,
	StorageRequest,
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
	/** Every request the storage server received, headers included (cleared by reset()). */
	readonly storageRequests: StorageRequest[];
	/** Origin of the storage server file downloads redirect to, e.g. `http://localhost:41234`. */
	readonly storageOrigin: string;

	private readonly store = new Store();
	private readonly faults = new FaultBook();
	private readonly outbox: Outbox;
	private readonly timers = new Timers();
	private readonly dataset: Dataset;
	private readonly apiHost: ApiHost;
	private defaultSize: number;
	private maxSize: number;
	private redirect: FileRedirect;
	private planted = 0;
	/** API keys accepted besides apiKeyId/apiKeySecret (addApiKey; cleared by reset()). */
	private readonly extraKeys: Array<{ id: string; secret: string }> = [];

	private constructor(
		private readonly server: http.Server,
		port: number,
		private readonly storage: StorageServer,
		private readonly opts: SimulatorOptions,
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.apiKeyId = opts.apiKeyId ?? `sim_key_${randomBytes(6).toString('hex')}`;
		this.apiKeySecret = opts.apiKeySecret ?? randomBytes(16).toString('hex');
		this.outbox = new Outbox(opts.deliveryTimeoutMs ?? 10_000, opts.log);
		this.deliveries = this.outbox.deliveries;
		this.storageRequests = storage.requests;
		this.storageOrigin = storage.origin;
		this.defaultSize = opts.defaultPageSize ?? ARGYLE_DEFAULT_PAGE_SIZE;
		this.maxSize = opts.maxPageSize ?? ARGYLE_MAX_PAGE_SIZE;
		this.redirect = opts.fileRedirect ?? 'storage';
		this.dataset = new Dataset(this.store, this.baseUrl);
		const { store, dataset, outbox, timers, baseUrl } = this;
		const settings = () => ({ ...this.pageSizes(), reportDelayMs: opts.reportDelayMs ?? 300, fileRedirect: this.redirect });
		const deliver = (event: string, data: Record<string, unknown>) => this.deliver(event, data);
		this.apiHost = buildApiHost({ store, dataset, storage, outbox, timers, baseUrl, settings, deliver });
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
		const storage = await StorageServer.start(opts.storageHost);
		sim = new ArgyleSimulator(server, (server.address() as AddressInfo).port, storage, opts);
		return sim;
	}

	async stop(): Promise<void> {
		if (this.timers.isStopped) return;
		this.timers.stop();
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections();
		await closed;
		await this.storage.stop();
		await this.outbox.close();
	}

	/** Clears subscriptions, accounts, users, data, calls, deliveries, storage requests and faults; restores the options. */
	reset(): void {
		this.store.clear();
		this.storage.clear();
		this.redirect = this.opts.fileRedirect ?? 'storage';
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

	/**
	 * Adds a realistic account and, when it is connected, its data (see data/seed.ts; `seed.kind`:
	 * employer or gig). `seed.user` may name an existing user; an unknown id creates that user; absent: a new user.
	 */
	addAccount(seed: AccountSeed = {}): ArgyleAccount {
		return clone(createAccount(this.dataset, clone(seed)));
	}

	/** Stored objects of a data set (copies), optionally only an account's or a user's. */
	objects(resource: DataResource, filter: { account?: string; user?: string } = {}): DataObject[] {
		const all = this.store.data[resource].values();
		return clone(all.filter((o) => (!filter.account || o.account === filter.account) && (!filter.user || this.store.ownerOf(o) === filter.user)));
	}

	/** Where file downloads redirect; `rejectAuthorization`: the storage server answers 400 to a request with an Authorization header. */
	setFileRedirect(mode: FileRedirect, options: { rejectAuthorization?: boolean } = {}): void {
		this.redirect = mode;
		this.storage.rejectAuthorization = options.rejectAuthorization ?? false;
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
		return deliverEvent(this.store, this.outbox, event, data, opts);
	}

	/**
	 * Sends an accounts.* event for a stored account with `data = {account, user}` and updates the account:
	 * failed → connection error (error_code default `invalid_credentials`, error_message per code);
	 * updated with error_code/error_message → connection error; connected → connection connected;
	 * removed → the account is deleted from the store first. Other events leave the account alone.
	 */
	fireAccountEvent(event: string, accountId: string, extra: AccountEventExtra = {}, opts: DeliverOptions = {}): Promise<DeliveryResult[]> {
		const account = this.store.accounts.get(accountId);
		if (!account) return Promise.reject(new Error(`ArgyleSimulator: unknown account ${accountId}`));
		const data = applyAccountEvent(this.store, account, event, extra);
		return this.deliver(event, data, opts);
	}

	/**
	 * Sends any event with a realistic `data` for a stored account (a new one when `account` is not
	 * given), merged with `data`. The event changes the store as it says (paystubs.added adds
	 * paystubs, vehicles.removed removes a vehicle) and names stored objects; accounts.* go through
	 * fireAccountEvent. An event the simulator has no builder for is sent with `data` as given.
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
		const built = buildEventData(event, { account, user, accounts: this.store.accountsOf(user.id), dataset: this.dataset });
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

	private pageSizes() {
		return { defaultSize: this.defaultSize, maxSize: this.maxSize };
	}

	/** Page size used without `limit`, and the cap for `limit` (restored by reset()). */
	setPageSize(n: number): void {
		if (!Number.isInteger(n) || n < 1) throw new Error(`page size must be a positive integer (got ${n})`);
		this.defaultSize = n;
		this.maxSize = n;
	}

	// ---- internals ----

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const method = (req.method ?? 'GET').toUpperCase();
		const url = new URL(req.url ?? '/', this.baseUrl);
		let raw: Buffer;
		try {
			raw = await readBody(req);
		} catch {
			return sendJson(res, 413, { detail: 'Request body too large.' });
		}
		if (this.storage.owns(url.pathname)) return this.storage.handle(req, res, 'api');
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
				sleep: (ms) => this.timers.sleep(ms),
				stopped: () => this.timers.isStopped,
				log: this.opts.log,
			},
			{ method, url, authorization: req.headers.authorization, body: parsed },
			res,
		);
	}
}
