// Every change to an account's data goes through here: objects are created with the account's
// context (its Item, employer, employment) and availability is recomputed after each change.
import { newId } from '../fixtures';
import type { Store } from '../store';
import type { AccountKind, ArgyleAccount, DataObject, DataResource } from '../types';
import type { AccountContext } from '../resources/context';
import { makePayoutStatement } from '../resources/documents';
import { makeDepositDestination } from '../resources/deposits';
import { makeRating, makeVehicle } from '../resources/gigExtras';
import { makeGig, gigTimes } from '../resources/gigs';
import { makeEmployment, makeIdentity } from '../resources/identity';
import { itemProfile, makeItem } from '../resources/items';
import { makePaystub, nextPeriod, paySchedule, type PayPeriod } from '../resources/paystubs';
import { makeShift, shiftDays } from '../resources/shifts';
import { makeUserForm, makeUserUpload } from '../resources/uploads';
import { millis } from '../resources/util';
import { computeAvailability, DATED, type DatedResource } from './availability';

/** Data sets whose events name one object (identities.added → data.identity). */
export type NamedResource = Extract<
	DataResource,
	'identities' | 'payroll_documents' | 'deposit_destinations' | 'vehicles' | 'ratings' | 'user_uploads' | 'user_forms'
>;

const MAKERS: Record<NamedResource, (ctx: AccountContext, id: string) => DataObject> = {
	identities: (ctx, id) => makeIdentity(ctx, id, null),
	payroll_documents: (ctx, id) => makePayoutStatement(ctx, id, ctx.now),
	deposit_destinations: (ctx, id) => makeDepositDestination(ctx, id, false),
	vehicles: makeVehicle,
	ratings: makeRating,
	user_uploads: (ctx, id) => makeUserUpload(ctx, id),
	user_forms: makeUserForm,
};

/** How many objects of a data set an account keeps however many `.removed` events fire. */
const KEEP: Record<NamedResource, number> = {
	identities: 1,
	payroll_documents: 1,
	deposit_destinations: 1,
	vehicles: 1,
	ratings: 1,
	user_uploads: 0,
	user_forms: 0,
};

const byDate = (resource: DatedResource) => (a: DataObject, b: DataObject) =>
	Date.parse(String(a[DATED[resource]])) - Date.parse(String(b[DATED[resource]]));

export class Dataset {
	constructor(
		readonly store: Store,
		readonly baseUrl: string,
	) {}

	kindOf(account: ArgyleAccount): AccountKind {
		return this.store.accountKinds.get(account.id) ?? (this.store.items.get(account.item)?.kind === 'gig' ? 'gig' : 'employer');
	}

	context(account: ArgyleAccount, now = new Date()): AccountContext {
		const item = this.store.items.get(account.item) ?? makeItem(account.item, account.employers[0] ?? 'Whole Goods', 'employer');
		const user = this.store.users.get(account.user);
		if (!user) throw new Error(`ArgyleSimulator: account ${account.id} has no user`);
		const stored = this.store.objectsOf('employments', account.id)[0];
		const employer = account.employers[0] ?? item.name;
		const ctx = { account, user, item, profile: itemProfile(item), kind: this.kindOf(account), employment: stored?.id ?? newId(), employer, baseUrl: this.baseUrl, now };
		// Every object of an account names the same employment: store it with the first one.
		if (!stored) this.add('employments', makeEmployment(ctx));
		return ctx;
	}

	add(resource: DataResource, object: DataObject): DataObject {
		return this.store.data[resource].add(object);
	}

	/** Dated objects of an account, oldest first. */
	dated(resource: DatedResource, accountId: string): DataObject[] {
		return this.store.objectsOf(resource, accountId).sort(byDate(resource));
	}

	/** A new object of a named data set (a second deposit destination is inactive). */
	create(resource: NamedResource, account: ArgyleAccount): DataObject {
		const object = this.add(resource, MAKERS[resource](this.context(account), newId()));
		this.refresh(account);
		return object;
	}

	/** The account's first object of the data set, created when it has none. */
	ensure(resource: NamedResource, account: ArgyleAccount): DataObject {
		return this.store.objectsOf(resource, account.id)[0] ?? this.create(resource, account);
	}

	/** Marks an object changed (updated_at now). */
	touch(account: ArgyleAccount, object: DataObject, changes: Record<string, unknown> = {}): DataObject {
		Object.assign(object, changes, { updated_at: millis() });
		this.refresh(account);
		return object;
	}

	/**
	 * Removes one object of the data set: the newest one nothing else points at, as long as the
	 * account keeps its seeded one (else a new one is created and removed). Returns it.
	 */
	removeOne(resource: NamedResource, account: ArgyleAccount): DataObject {
		const candidates = this.removable(resource, account.id);
		const victim = candidates.length > KEEP[resource] ? candidates[candidates.length - 1] : this.create(resource, account);
		this.store.data[resource].delete(victim.id);
		this.refresh(account);
		return victim;
	}

	/** Payroll documents a paystub or the identity's picture points at are never removed. */
	private removable(resource: NamedResource, accountId: string): DataObject[] {
		const objects = this.store.objectsOf(resource, accountId);
		if (resource !== 'payroll_documents') return objects;
		const used = new Set(this.store.objectsOf('paystubs', accountId).map((p) => p.payroll_document));
		const pictures = new Set(this.store.objectsOf('identities', accountId).map((i) => i.picture_url));
		return objects.filter((d) => !used.has(d.id) && !pictures.has(d.file_url));
	}

	/** `count` new paystubs continuing the pay schedule, each with its payout statement. */
	addPaystubs(account: ArgyleAccount, count: number, periods?: PayPeriod[]): DataObject[] {
		const ctx = this.context(account);
		const deposit = this.store.objectsOf('deposit_destinations', account.id)[0]?.ach_deposit_account as
			| { bank_name: string; account_number: string }
			| undefined;
		const added: DataObject[] = [];
		let previous = this.dated('paystubs', account.id).pop();
		for (let i = 0; i < count; i++) {
			const period = periods?.[i] ?? (previous ? nextPeriod(ctx, previous) : paySchedule(ctx, count)[i]);
			const document = this.add('payroll_documents', makePayoutStatement(ctx, newId(), period.payDate));
			previous = this.add('paystubs', makePaystub(ctx, { id: newId(), period, previous, payrollDocument: document.id, deposit }));
			added.push(previous);
		}
		this.refresh(account);
		return added;
	}

	/** `count` new gigs after the newest stored one (or over the last 30 days). */
	addGigs(account: ArgyleAccount, count: number): DataObject[] {
		const ctx = this.context(account);
		const newest = this.dated('gigs', account.id).pop();
		const after = newest ? new Date(String(newest.start_datetime)) : undefined;
		const added = gigTimes(ctx.now, count, 30, after).map((start) => this.add('gigs', makeGig(ctx, newId(), start)));
		this.refresh(account);
		return added;
	}

	/** `count` new shifts on the weekdays before today (after the newest stored one where possible). */
	addShifts(account: ArgyleAccount, count: number): DataObject[] {
		const ctx = this.context(account);
		const newest = this.dated('shifts', account.id).pop();
		let days = shiftDays(ctx.now, count, newest ? new Date(String(newest.start_datetime)) : undefined);
		if (days.length < count) days = shiftDays(ctx.now, count);
		const added = days.map((day) => this.add('shifts', makeShift(ctx, newId(), day)));
		this.refresh(account);
		return added;
	}

	addDated(resource: DatedResource, account: ArgyleAccount, count: number): DataObject[] {
		if (resource === 'paystubs') return this.addPaystubs(account, count);
		return resource === 'gigs' ? this.addGigs(account, count) : this.addShifts(account, count);
	}

	/** Removes the account's newest `count` objects of a dated data set. */
	removeDated(resource: DatedResource, account: ArgyleAccount, count: number): DataObject[] {
		if (!this.store.objectsOf(resource, account.id).length) this.addDated(resource, account, count + 1);
		const removed = this.dated(resource, account.id).slice(-count);
		for (const object of removed) this.store.data[resource].delete(object.id);
		this.refresh(account);
		return removed;
	}

	/** Recomputes the account's availability from the store. */
	refresh(account: ArgyleAccount): void {
		account.availability = computeAvailability(this.store, account, this.kindOf(account));
	}
}
