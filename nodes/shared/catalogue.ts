/**
 * The one catalogue of Argyle webhook events: every v2 family (and the legacy v1 account events),
 * each event's option name, when it fires, the subscription config it accepts and the fields of its
 * `data`. The trigger's options, the event types, the simulator's deliveries, the output schemas and
 * the docs' event table are all read from here. Events Argyle adds later pass through untouched.
 */
import type { ApiVersion } from './apiVersion';
import type { Fields } from './fields';
import { titleFromSnake } from './labels';
import { ACCOUNTS } from './events/accounts';
import { DIRECT_DEPOSIT_SWITCHES } from './events/directDepositSwitches';
import { ITEMS } from './events/items';
import {
	DEPOSIT_DESTINATIONS,
	IDENTITIES,
	PAYROLL_DOCUMENTS,
	RATINGS,
	USER_FORMS,
	USER_UPLOADS,
	VEHICLES,
} from './events/objectFamilies';
import { REPORTS } from './events/reports';
import type { ConfigKey } from './events/shape';
import { GIGS, PAYSTUBS, SHIFTS } from './events/syncedFamilies';
import { USERS } from './events/users';
import { VERIFICATIONS } from './events/verifications';

export { API_VERSIONS, type ApiVersion } from './apiVersion';
export type { ConfigKey } from './events/shape';
export { MAX_SUBSCRIBED_ITEMS } from './events/items';

/** In Argyle's order (docs.argyle.com's webhook reference); keys are the event-name prefixes. */
export const FAMILIES = {
	users: USERS,
	accounts: ACCOUNTS,
	items: ITEMS,
	identities: IDENTITIES,
	paystubs: PAYSTUBS,
	payroll_documents: PAYROLL_DOCUMENTS,
	deposit_destinations: DEPOSIT_DESTINATIONS,
	direct_deposit_switches: DIRECT_DEPOSIT_SWITCHES,
	shifts: SHIFTS,
	gigs: GIGS,
	vehicles: VEHICLES,
	ratings: RATINGS,
	reports: REPORTS,
	user_uploads: USER_UPLOADS,
	user_forms: USER_FORMS,
	verifications: VERIFICATIONS,
} as const;

type Families = typeof FAMILIES;
export type FamilyName = keyof Families;

export type KnownEvent = {
	[F in FamilyName]: `${F}.${keyof Families[F]['events'] & string}`;
}[FamilyName];

/** Argyle adds events without notice: an unknown name is kept as it is. */
export type EventName = KnownEvent | (string & {});

/** The fields of an event's `data`, as the catalogue describes them. */
export type DataFieldsOf<E extends KnownEvent> = E extends `${infer F extends FamilyName}.${infer N}`
	? N extends keyof Families[F]['events']
		? Families[F]['events'][N] extends { data: infer D extends Fields }
			? D
			: never
		: never
	: never;

export interface EventEntry {
	readonly name: KnownEvent;
	readonly family: FamilyName;
	/** The option name: family and event, e.g. "Paystubs: Fully Synced". */
	readonly displayName: string;
	readonly when: string;
	readonly versions: readonly ApiVersion[];
	readonly config: readonly ConfigKey[];
	readonly data: Fields;
	readonly derived: boolean;
}

function flatten(): Record<KnownEvent, EventEntry> {
	const entries: Record<string, EventEntry> = {};
	for (const [familyName, family] of Object.entries(FAMILIES) as Array<[FamilyName, Families[FamilyName]]>) {
		for (const [eventName, spec] of Object.entries(family.events)) {
			const name = `${familyName}.${eventName}` as KnownEvent;
			const legacy = spec.versions && !spec.versions.includes('v2') ? ' (Legacy V1)' : '';
			entries[name] = {
				name,
				family: familyName,
				displayName: `${family.label}: ${titleFromSnake(eventName)}${legacy}`,
				when: spec.when,
				versions: spec.versions ?? family.versions,
				config: spec.config ?? [],
				data: spec.data,
				derived: spec.derived === true,
			};
		}
	}
	return entries as Record<KnownEvent, EventEntry>;
}

export const EVENTS: Readonly<Record<KnownEvent, EventEntry>> = flatten();

export const ALL_EVENTS = Object.keys(EVENTS) as KnownEvent[];

export function isKnownEvent(event: string): event is KnownEvent {
	return Object.hasOwn(EVENTS, event);
}

export function eventsForVersion(version: ApiVersion): KnownEvent[] {
	return ALL_EVENTS.filter((event) => EVENTS[event].versions.includes(version));
}

/** The known events that accept a config key, e.g. the `*.partially_synced` ones for days_synced. */
export function eventsAccepting(key: ConfigKey): KnownEvent[] {
	return ALL_EVENTS.filter((event) => EVENTS[event].config.includes(key));
}

/** The option name of an event, or the raw name of one the catalogue does not know. */
export function eventDisplayName(event: string): string {
	return isKnownEvent(event) ? EVENTS[event].displayName : event;
}
