/**
 * Types for what Argyle sends and returns (docs.argyle.com, OpenAPI v1.0.111).
 * Argyle adds fields and enum values without notice, so every object keeps an index
 * signature and every enum accepts an unknown string: nothing unknown is dropped.
 */
import type { DataFieldsOf, FamilyName, KnownEvent } from './catalogue';
import type { Fields, ObjectOf } from './fields';
import type { ACCOUNT } from './objects/account';
import type { USER } from './objects/user';
import type { DEPOSIT_DESTINATION } from './objects/depositDestination';
import type { EMPLOYMENT } from './objects/employment';
import type { GIG } from './objects/gig';
import type { IDENTITY } from './objects/identity';
import type { ITEM_DETAILS, ITEM_LISTED } from './objects/item';
import type { PAYROLL_DOCUMENT } from './objects/payrollDocument';
import type { PAYSTUB } from './objects/paystub';
import type { RATING } from './objects/rating';
import type { SHIFT } from './objects/shift';
import type { USER_FORM } from './objects/userForm';
import type { USER_UPLOAD } from './objects/userUpload';
import type { VEHICLE } from './objects/vehicle';
import type { VERIFICATION } from './objects/verification';

type Open<T> = T & { [key: string]: unknown };

export type Timestamp = string;

/** The v2 account object (`GET /v2/accounts/{id}`, and `data.resource` with `include_resource`). */
export type ArgyleAccount = ObjectOf<typeof ACCOUNT>;

export type ArgyleVerification = ObjectOf<typeof VERIFICATION>;

/* The v2 data objects (`GET /v2/<collection>/{id}`, and each result of the list). */
export type ArgyleIdentity = ObjectOf<typeof IDENTITY>;
export type ArgylePaystub = ObjectOf<typeof PAYSTUB>;
export type ArgylePayrollDocument = ObjectOf<typeof PAYROLL_DOCUMENT>;
export type ArgyleDepositDestination = ObjectOf<typeof DEPOSIT_DESTINATION>;
export type ArgyleShift = ObjectOf<typeof SHIFT>;
export type ArgyleGig = ObjectOf<typeof GIG>;
export type ArgyleVehicle = ObjectOf<typeof VEHICLE>;
export type ArgyleRating = ObjectOf<typeof RATING>;
/** Listed only: Argyle has no `GET /v2/employments/{id}`. */
export type ArgyleEmployment = ObjectOf<typeof EMPLOYMENT>;
/** An Item as `GET /v2/items` lists it (with matching_score). */
export type ArgyleItemListed = ObjectOf<typeof ITEM_LISTED>;
/** An Item as `GET /v2/items/{id}` returns it (with features). */
export type ArgyleItem = ObjectOf<typeof ITEM_DETAILS>;
export type ArgyleUserUpload = ObjectOf<typeof USER_UPLOAD>;
export type ArgyleUserForm = ObjectOf<typeof USER_FORM>;

/** The v2 user (`GET /v2/users/{id}`). */
export type ArgyleUser = ObjectOf<typeof USER>;

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

/* Deliveries: `{ event, name, data }`, typed per event from the catalogue. */

/** The `data` of a known event. */
export type EventData<E extends KnownEvent> = ObjectOf<DataFieldsOf<E>>;

/** A delivery of a known event. `name` is the subscription name, echoed by Argyle. */
export type KnownEventPayload<E extends KnownEvent = KnownEvent> = E extends KnownEvent
	? { event: E; name: string; data: EventData<E> }
	: never;

/** A delivery of an event this package does not know yet: passed through untouched. */
export interface UnknownEventPayload {
	event: string & {};
	name?: string;
	data?: Record<string, unknown>;
}

export type ArgyleEventPayload = KnownEventPayload | UnknownEventPayload;

/**
 * The item the trigger emits: `event` and `name`, then the `data` fields lifted to the top level
 * (absent fields left out, unknown fields kept), so a workflow can branch on `error_code`.
 */
export type KnownTriggerItem<E extends KnownEvent = KnownEvent> = E extends KnownEvent
	? Open<{ event: E; name?: string }> & LiftedData<DataFieldsOf<E>>
	: never;

/** A data field named like the delivery's own `event` or `name` is kept as `data_<key>` (see toItem). */
type LiftedData<D extends Fields> = ObjectOf<{ readonly [K in keyof D as K extends 'event' | 'name' ? `data_${K}` : K]: D[K] }>;

export type UnknownTriggerItem = Open<{ event: string & {}; name?: string }>;

export type ArgyleTriggerItem = KnownTriggerItem | UnknownTriggerItem;

/** The items of one family, discriminated on `event`, e.g. `FamilyItem<'paystubs'>`. */
export type FamilyItem<F extends FamilyName> = KnownTriggerItem<Extract<KnownEvent, `${F}.${string}`>>;

export type UserEvent = FamilyItem<'users'>;
export type AccountEvent = FamilyItem<'accounts'>;
export type ItemEvent = FamilyItem<'items'>;
export type IdentityEvent = FamilyItem<'identities'>;
export type PaystubsEvent = FamilyItem<'paystubs'>;
export type PayrollDocumentEvent = FamilyItem<'payroll_documents'>;
export type DepositDestinationEvent = FamilyItem<'deposit_destinations'>;
export type DirectDepositSwitchEvent = FamilyItem<'direct_deposit_switches'>;
export type ShiftsEvent = FamilyItem<'shifts'>;
export type GigsEvent = FamilyItem<'gigs'>;
export type VehicleEvent = FamilyItem<'vehicles'>;
export type RatingEvent = FamilyItem<'ratings'>;
export type ReportEvent = FamilyItem<'reports'>;
export type UserUploadEvent = FamilyItem<'user_uploads'>;
export type UserFormEvent = FamilyItem<'user_forms'>;
export type VerificationEvent = FamilyItem<'verifications'>;
