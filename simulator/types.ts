// Shapes of everything the simulator serves, stores and records (see /work/shared/argyle-api.md).

export type ApiVersion = 'v1' | 'v2';

export interface SimulatorOptions {
	/** Basic-auth username. Default: a random `sim_key_…` value. */
	apiKeyId?: string;
	/** Basic-auth password. Default: a random hex value. */
	apiKeySecret?: string;
	/** Port on 127.0.0.1. Default 0 = a random free port. */
	port?: number;
	/** Page size used when a list request sends no `limit` (Argyle: 10). The cap stays `maxPageSize`. */
	defaultPageSize?: number;
	/** Largest `limit` honoured; larger values are clamped (Argyle: 200). */
	maxPageSize?: number;
	/** Per-delivery HTTP timeout (default 10000 ms). A timeout is reported as status 0. */
	deliveryTimeoutMs?: number;
	/** Called with one line per API call (the CLI uses it). */
	log?: (line: string) => void;
	/** How long a requested report stays `generating` before it is `generated` (default 300 ms). */
	reportDelayMs?: number;
	/** Where file downloads redirect to (default `storage`: the storage server, another origin). */
	fileRedirect?: FileRedirect;
	/** Host name of the storage server's URLs (default `localhost`, so not the API's origin). */
	storageHost?: string;
}

/**
 * `storage`: 302 to the storage server on another origin (like Argyle's signed storage URLs);
 * `same-origin`: 302 to the API's own host (a client keeps Authorization there);
 * `loop`: 302 to the storage server, which 302s back to the file URL, forever.
 */
export type FileRedirect = 'storage' | 'same-origin' | 'loop';

/** One request the storage server (or the API's same-origin file path) received. */
export interface StorageRequest {
	method: string;
	/** Absolute URL as requested. */
	url: string;
	/** Lower-case header names, as received. */
	headers: Record<string, string | string[] | undefined>;
	/** Which server answered: the storage server, or the API host (same-origin mode). */
	origin: 'storage' | 'api';
	status: number;
	at: number;
}

export interface WebhookConfig {
	include_resource?: boolean;
	days_synced?: number;
	items?: string[];
	[key: string]: unknown;
}

/** The webhook object exactly as Argyle returns it (create, list, get). */
export interface WebhookSubscription {
	id: string;
	name: string;
	events: string[];
	config: WebhookConfig;
	secret: string | null;
	url: string;
	created_at: string;
	updated_at: string;
	last_sent_at: string | null;
}

export interface PlantWebhookInput {
	url: string;
	events: string[];
	name?: string;
	secret?: string | null;
	config?: WebhookConfig;
	version?: ApiVersion;
}

export type ConnectionStatus = 'connecting' | 'connected' | 'error';

export interface AccountConnection {
	status: ConnectionStatus | string;
	error_code: string | null;
	error_message: string | null;
	updated_at: string;
}

export interface DirectDepositSwitchState {
	status: string;
	error_code: string | null;
	error_message: string | null;
	updated_at: string;
}

export interface DataSetAvailability {
	status: 'in_progress' | 'synced' | 'sync_failed' | string;
	updated_at: string;
	available_count?: number;
	available_from?: string | null;
	available_to?: string | null;
	files_count?: number;
	in_progress_count?: number;
}

export type AvailabilityKey =
	| 'shifts'
	| 'gigs'
	| 'paystubs'
	| 'payroll_documents'
	| 'identities'
	| 'ratings'
	| 'vehicles'
	| 'deposit_destinations'
	| 'user_forms'
	| 'user_uploads';

export type AccountAvailability = Record<AvailabilityKey, DataSetAvailability | null>;

/** v2 account object (argyle-api.md §6). */
export interface ArgyleAccount {
	id: string;
	user: string;
	employers: string[];
	item: string;
	source: string;
	created_at: string;
	updated_at: string;
	scanned_at: string | null;
	connection: AccountConnection;
	direct_deposit_switch: DirectDepositSwitchState;
	availability: AccountAvailability;
	ongoing_refresh: { status: 'enabled' | 'disabled' | 'idle' | string };
}

/** Seed for `addAccount`: any top-level field, nested objects may be partial. */
/** What an account connects to: an employer (shifts) or a gig platform (gigs, vehicles, ratings). */
export type AccountKind = 'employer' | 'gig';

export interface AccountSeed
	extends Partial<Omit<ArgyleAccount, 'connection' | 'direct_deposit_switch' | 'availability' | 'ongoing_refresh'>> {
	/** Default: the kind of the seeded `item` when the catalogue knows it, else employer. */
	kind?: AccountKind;
	connection?: Partial<AccountConnection>;
	direct_deposit_switch?: Partial<DirectDepositSwitchState>;
	availability?: Partial<AccountAvailability>;
	ongoing_refresh?: Partial<ArgyleAccount['ongoing_refresh']>;
}

/** Argyle's Address (users, identities, paystubs' employer_address). */
export interface UserAddress {
	city: string | null;
	line1: string | null;
	line2: string | null;
	state: string | null;
	country: string | null;
	postal_code: string | null;
}

export interface BirthDate {
	year: number;
	month: number;
	day: number;
}

/**
 * v2 user object (argyle-objects.md §3.15). Users created through `POST /v2/users` without personal
 * data have only the first six keys; the others appear once set.
 */
export interface ArgyleUser {
	id: string;
	created_at: string;
	items_connected: string[];
	employers_connected: string[];
	external_metadata: unknown;
	external_id: string | null;
	first_name?: string | null;
	last_name?: string | null;
	email?: string | null;
	phone_number?: string | null;
	ssn?: string | null;
	address?: UserAddress | null;
	birth_date?: BirthDate | null;
}

export type UserSeed = Partial<ArgyleUser>;

/** Every v2/v1 list response. `next`/`previous` are absolute URLs on the simulator. */
export interface ListPage<T> {
	next: string | null;
	previous: string | null;
	results: T[];
}

export interface CallRecord {
	method: string;
	/** URL path without the query string, e.g. `/v2/webhooks`. */
	path: string;
	query: Record<string, string>;
	/** Parsed JSON body, the raw text when it is not JSON, or null when empty. */
	body: unknown;
	/** True when the request carried this simulator's key id and secret. */
	authorized: boolean;
	/** Status sent; 0 while the response is still pending (e.g. during a fault delay). */
	status: number;
	/** Date.now() when the request arrived. */
	at: number;
	/** True when an injected fault answered (or delayed) the call. */
	faulted: boolean;
}

export interface DeliveryResult {
	subscriptionId: string;
	url: string;
	event: string;
	/** HTTP status of the receiver, 0 on network error / timeout / refused host. */
	status: number;
	responseBody: string;
	/** The exact string POSTed. */
	body: string;
	/** Lowercase hex HMAC-SHA512 of `body`, or null when the subscription has no secret (no header sent). */
	signature: string | null;
	error?: string;
	at: number;
}

export interface DeliverOptions {
	/** Deliver only to this subscription id (it must still match the event). */
	only?: string;
}

export interface AccountEventExtra {
	error_code?: string;
	error_message?: string;
}

export interface FaultSpec {
	/** HTTP method, case-insensitive. Absent: any method. */
	method?: string;
	/** String: exact path or path prefix (query ignored unless the string has `?`). RegExp: tested against path and path+query. */
	path?: string | RegExp;
	/** Status to answer with. Absent: the call is only delayed, then answered normally. */
	status?: number;
	/** Body for `status` (default `{"detail":"Simulated failure."}`); strings are sent raw as text/plain. */
	body?: unknown;
	retryAfterSeconds?: number;
	delayMs?: number;
	/** How many matching calls it applies to (default 1; Infinity allowed). */
	times?: number;
}

/** The data sets served under `/v2/<path>` (store keys use the event names' underscores). */
export type DataResource =
	| 'identities'
	| 'paystubs'
	| 'payroll_documents'
	| 'deposit_destinations'
	| 'shifts'
	| 'gigs'
	| 'vehicles'
	| 'ratings'
	| 'employments'
	| 'user_forms'
	| 'user_uploads'
	| 'reports'
	| 'verifications';

/** A stored data object (identity, paystub, …) exactly as the API answers it. */
export interface DataObject {
	id: string;
	[key: string]: unknown;
}
