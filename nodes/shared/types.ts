/**
 * Types for what Argyle sends and returns (docs.argyle.com, OpenAPI v1.0.111).
 * Argyle adds fields and enum values without notice, so every object keeps an index
 * signature and every enum accepts an unknown string: nothing unknown is dropped.
 */
import type { AccountEventName, ConnectionErrorCode } from './catalogue';

type Open<T> = T & { [key: string]: unknown };
type OpenString<T extends string> = T | (string & {});

export type Timestamp = string;

export type ConnectionStatus = OpenString<'connecting' | 'connected' | 'error'>;

export type AccountConnection = Open<{
	status: ConnectionStatus;
	error_code: ConnectionErrorCode | null;
	error_message: string | null;
	updated_at: Timestamp | null;
}>;

export type DirectDepositSwitch = Open<{
	status: OpenString<
		| 'idle'
		| 'awaiting_confirmation'
		| 'awaiting_user_action'
		| 'awaiting_connection'
		| 'scanning'
		| 'updating'
		| 'success'
		| 'error'
	>;
	error_code: string | null;
	error_message: string | null;
	updated_at: Timestamp | null;
}>;

export type DataSetAvailability = Open<{
	status: OpenString<'in_progress' | 'synced' | 'sync_failed'>;
	updated_at: Timestamp | null;
	available_count?: number;
	available_from?: Timestamp | null;
	available_to?: Timestamp | null;
	files_count?: number;
	in_progress_count?: number;
}> | null;

/** The v2 account object (`GET /v2/accounts/{id}`, and `data.resource` with `include_resource`). */
export type ArgyleAccount = Open<{
	id: string;
	user: string;
	employers: string[];
	item: string;
	source: string;
	created_at: Timestamp;
	updated_at: Timestamp;
	scanned_at: Timestamp | null;
	connection: AccountConnection;
	direct_deposit_switch: DirectDepositSwitch;
	availability: Record<string, DataSetAvailability>;
	ongoing_refresh: Open<{ status: OpenString<'enabled' | 'disabled' | 'idle'> }>;
}>;

export type ArgyleUser = Open<{
	id: string;
	created_at: Timestamp;
	items_connected: string[];
	employers_connected: string[];
	external_metadata: unknown;
	external_id: string | null;
	first_name?: string | null;
	last_name?: string | null;
	email?: string | null;
	phone_number?: string | null;
}>;

export type WebhookConfig = Open<{
	include_resource?: boolean;
	days_synced?: number;
	items?: string[];
}>;

/** A webhook subscription as Argyle returns it (create, list, get). */
export type WebhookSubscription = Open<{
	id: string;
	name: string;
	events: string[] | string;
	url: string;
	secret?: string | null;
	config?: WebhookConfig | null;
	created_at?: Timestamp;
	updated_at?: Timestamp;
	last_sent_at?: Timestamp | null;
}>;

/** The envelope of every v2 list endpoint. */
export interface ListPage<T> {
	next: string | null;
	previous?: string | null;
	results: T[];
}

/* Delivery payloads: `{ event, name, data }`, one type per account event. */

interface AccountEventData {
	account: string;
	user: string;
	/** The full account object, when the subscription asked for `include_resource`. */
	resource?: ArgyleAccount;
}

interface Delivery<E extends string, D> {
	event: E;
	/** The subscription name, echoed by Argyle in every delivery. */
	name: string;
	data: Open<D>;
}

export type AccountAddedPayload = Delivery<'accounts.added', AccountEventData>;
export type AccountUpdatedPayload = Delivery<'accounts.updated', AccountEventData>;
export type AccountConnectedPayload = Delivery<'accounts.connected', AccountEventData>;
export type AccountFailedPayload = Delivery<
	'accounts.failed',
	AccountEventData & { error_code: ConnectionErrorCode; error_message: string }
>;
export type AccountRemovedPayload = Delivery<'accounts.removed', Omit<AccountEventData, 'resource'>>;
export type PayDistributionUpdatedPayload = Delivery<
	'accounts.pay_distribution_updated',
	AccountEventData
>;
export type PayDistributionFailedPayload = Delivery<
	'accounts.pay_distribution_failed',
	AccountEventData & { error_code?: string; error_message?: string }
>;

export type KnownAccountEventPayload =
	| AccountAddedPayload
	| AccountUpdatedPayload
	| AccountConnectedPayload
	| AccountFailedPayload
	| AccountRemovedPayload
	| PayDistributionUpdatedPayload
	| PayDistributionFailedPayload;

/** Anything Argyle may send: a known payload, or an event this package does not know yet. */
export type AccountEventPayload =
	| KnownAccountEventPayload
	| Delivery<Exclude<AccountEventName, KnownAccountEventPayload['event']>, Partial<AccountEventData>>;

/**
 * The item the trigger emits: `event` and `name`, then the `data` fields lifted to the top
 * level (absent fields left out, unknown fields kept), so a workflow can branch on `error_code`.
 */
export type ArgyleTriggerItem = Open<{
	event: AccountEventName;
	name?: string;
	account?: string;
	user?: string;
	error_code?: ConnectionErrorCode;
	error_message?: string;
	resource?: ArgyleAccount;
}>;
