// An account's `availability`, computed from what the store holds for it, so counts and date ranges
// always match the data (argyle-objects.md §2.2 says which keys each data set shows).
import type { Store } from '../store';
import type { AccountAvailability, AccountKind, ArgyleAccount, AvailabilityKey, DataObject, DataSetAvailability } from '../types';
import { midnight } from '../resources/util';

/** The data sets that count dated items, and the field each is dated by. */
export const DATED = { paystubs: 'paystub_date', shifts: 'start_datetime', gigs: 'start_datetime' } as const;
export type DatedResource = keyof typeof DATED;

/** Data sets a payroll connection of each kind always reports (others are null until they hold data). */
const APPLIES: Record<AccountKind, readonly AvailabilityKey[]> = {
	employer: ['shifts', 'paystubs', 'payroll_documents', 'identities', 'deposit_destinations'],
	gig: ['gigs', 'paystubs', 'payroll_documents', 'identities', 'ratings', 'vehicles', 'deposit_destinations'],
};

const PLAIN = ['payroll_documents', 'identities', 'ratings', 'vehicles', 'deposit_destinations'] as const;

const latest = (objects: DataObject[], fallback: string): string =>
	objects.map((o) => String(o.updated_at ?? o.created_at)).sort().pop() ?? fallback;

/** `{available_from, available_to, available_count}` of dated objects: midnight of the oldest and newest day. */
export function rangeOf(objects: DataObject[], resource: DatedResource) {
	const dates = objects.map((o) => Date.parse(String(o[DATED[resource]]))).sort((a, b) => a - b);
	return {
		available_from: dates.length ? midnight(new Date(dates[0])) : null,
		available_to: dates.length ? midnight(new Date(dates[dates.length - 1])) : null,
		available_count: dates.length,
	};
}

export function computeAvailability(store: Store, account: ArgyleAccount, kind: AccountKind): AccountAvailability {
	const out = {} as AccountAvailability;
	const applies = account.connection.status === 'connected' ? APPLIES[kind] : [];
	const set = (key: AvailabilityKey, objects: DataObject[], value: () => Omit<DataSetAvailability, 'status' | 'updated_at'>) => {
		out[key] = objects.length || applies.includes(key) ? { status: 'synced', updated_at: latest(objects, account.updated_at), ...value() } : null;
	};
	for (const resource of Object.keys(DATED) as DatedResource[]) {
		const objects = store.objectsOf(resource, account.id);
		set(resource, objects, () => rangeOf(objects, resource));
	}
	for (const resource of PLAIN) set(resource, store.objectsOf(resource, account.id), () => ({}));
	const forms = store.objectsOf('user_forms', account.id);
	set('user_forms', forms, () => ({ available_count: forms.length, files_count: 0, in_progress_count: 0 }));
	const uploads = store.objectsOf('user_uploads', account.id);
	set('user_uploads', uploads, () => ({ files_count: uploads.length, in_progress_count: 0 }));
	return out;
}
