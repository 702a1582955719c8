/**
 * What every event family is made of, and the field sets several families share. A family file
 * lists its events with a one-line "when it fires", the subscription config each accepts and the
 * fields of its `data`; catalogue.ts flattens them into the one list the node, the types, the
 * simulator and the output schemas read.
 */
import type { ApiVersion } from '../apiVersion';
import { id, integer, nullable, timestamp, type Fields } from '../fields';

/** Keys of a subscription's `config` that Argyle honours per event. */
export type ConfigKey = 'include_resource' | 'days_synced' | 'items';

export interface EventSpec {
	/** When Argyle sends it, in one line. */
	readonly when: string;
	readonly data: Fields;
	readonly config?: readonly ConfigKey[];
	/** Known only from third-party specs or by analogy (the research marks it DERIVED). */
	readonly derived?: true;
	/** Default: the family's versions. */
	readonly versions?: readonly ApiVersion[];
}

export interface FamilySpec {
	/** How the family reads in an option name: "Paystubs" in "Paystubs: Fully Synced". */
	readonly label: string;
	readonly versions: readonly ApiVersion[];
	readonly events: { readonly [event: string]: EventSpec };
}

/** Keeps the literal types of a family, so the event names and fields reach the type system. */
export const family = <const F extends FamilySpec>(spec: F): F => spec;

export const ACCOUNT_AND_USER = {
	account: id('The account'),
	user: id('The Argyle user'),
} as const;

/** Paystubs, gigs and shifts report counts and date ranges, not single objects. */
export const AVAILABLE = {
	...ACCOUNT_AND_USER,
	available_from: nullable(timestamp('Date of the oldest item available; null when there is none')),
	available_to: nullable(timestamp('Date of the newest item available; null when there is none')),
	available_count: integer('How many items are available in all'),
} as const;

export const ADDED = {
	added_count: integer('How many items this refresh added'),
	added_from: nullable(timestamp('Date of the oldest added item')),
	added_to: nullable(timestamp('Date of the newest added item')),
} as const;

export const UPDATED_RANGE = {
	updated_count: integer('How many items changed'),
	updated_from: nullable(timestamp('Date of the oldest changed item')),
	updated_to: nullable(timestamp('Date of the newest changed item')),
} as const;

export const REMOVED_RANGE = {
	removed_count: integer('How many items were removed'),
	removed_from: nullable(timestamp('Date of the oldest removed item')),
	removed_to: nullable(timestamp('Date of the newest removed item')),
} as const;

export const DAYS_SYNCED = {
	days_synced: integer("Days of history retrieved so far: at least the subscription's Days Synced"),
} as const;
