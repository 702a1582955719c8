// What a newly connected account holds (argyle-objects.md, real sandbox shapes): its employment and
// identity, a year of paystubs with a payout statement each, last year's W-2 or 1099, a profile
// picture, one bank account, and shifts (employers) or gigs, a vehicle and ratings (gig platforms).
// A user's first connected account also brings a completed verification with its report.
import { makeAccount, makeUser, newId } from '../fixtures';
import { makeDepositDestination } from '../resources/deposits';
import { makeProfilePicture, makeTaxForm } from '../resources/documents';
import { makeRating, makeVehicle } from '../resources/gigExtras';
import { makeIdentity } from '../resources/identity';
import { itemProfile, makeItem, type ArgyleItem } from '../resources/items';
import { paySchedule } from '../resources/paystubs';
import { makeReport, makeVerification } from '../resources/reports';
import { digits, pick } from '../resources/util';
import type { AccountKind, AccountSeed, ArgyleAccount, DataObject } from '../types';
import type { Dataset } from './dataset';

export const SEEDED = { paystubs: 26, shifts: 40, gigs: 40 } as const;

/** The seed's Item: the one it names (added to the catalogue when unknown), one matching its employer, or a random one of its kind. */
function itemFor(dataset: Dataset, seed: AccountSeed): ArgyleItem {
	const items = dataset.store.items;
	const kind: AccountKind = seed.kind ?? 'employer';
	const named = seed.employers?.[0];
	const known = seed.item ? items.get(seed.item) : named ? items.values().find((i) => i.name.toLowerCase() === named.toLowerCase()) : undefined;
	if (known) return known;
	if (seed.item || named) {
		const fallback = pick(items.values().filter((i) => i.kind === kind)).name;
		return items.add(makeItem(seed.item ?? `item_${digits(9)}`, named ?? fallback, kind));
	}
	return pick(items.values().filter((i) => i.kind === kind && i.status !== 'unavailable'));
}

/** Adds an account (and its user when `seed.user` names none that exists) and seeds its data when it is connected. */
export function createAccount(dataset: Dataset, seed: AccountSeed): ArgyleAccount {
	const { store } = dataset;
	let userId = seed.user;
	if (!userId || !store.users.get(userId)) userId = store.users.add(makeUser(userId ? { id: userId } : {})).id;
	const item = itemFor(dataset, seed);
	const kind: AccountKind = seed.kind ?? (item.kind === 'gig' ? 'gig' : 'employer');
	const fields = { item: item.id, employers: seed.employers ?? [item.name], source: seed.source ?? itemProfile(item).source };
	const account = store.addAccount(makeAccount(userId, { ...seed, ...fields }));
	store.accountKinds.set(account.id, kind);
	if (account.connection.status === 'connected') seedAccountData(dataset, account);
	dataset.refresh(account);
	Object.assign(account.availability, seed.availability);
	return account;
}

export function seedAccountData(dataset: Dataset, account: ArgyleAccount): void {
	const ctx = dataset.context(account);
	const picture = dataset.add('payroll_documents', makeProfilePicture(ctx, newId()));
	const identity = dataset.add('identities', makeIdentity(ctx, newId(), String(picture.file_url)));
	dataset.add('deposit_destinations', makeDepositDestination(ctx, newId()));
	const stubs = dataset.addPaystubs(account, SEEDED.paystubs, paySchedule(ctx, SEEDED.paystubs));
	const lastYear = ctx.now.getUTCFullYear() - 1;
	const ofLastYear = stubs.filter((s) => new Date(String(s.paystub_date)).getUTCFullYear() === lastYear);
	dataset.add('payroll_documents', makeTaxForm(ctx, newId(), lastYear, ofLastYear, identity));
	if (ctx.kind === 'gig') {
		dataset.addGigs(account, SEEDED.gigs);
		dataset.add('vehicles', makeVehicle(ctx, newId()));
		dataset.add('ratings', makeRating(ctx, newId()));
	} else {
		dataset.addShifts(account, SEEDED.shifts);
	}
	ensureVerification(dataset, account);
}

/** A generated VOIE report requested two days ago (outside the daily limit), covering the user's accounts. */
function seedReport(dataset: Dataset, account: ArgyleAccount): DataObject {
	const user = dataset.store.users.get(account.user)!;
	const accounts = dataset.store.accountsOf(user.id);
	const createdAt = new Date(Date.now() - 2 * 86_400_000);
	return dataset.add(
		'reports',
		makeReport({ id: newId(), user, type: 'voie', metadata: {}, accounts, baseUrl: dataset.baseUrl, createdAt, status: 'generated' }),
	);
}

/** The user's newest generated report, seeded when it has none. */
export function ensureReport(dataset: Dataset, account: ArgyleAccount): DataObject {
	const generated = dataset.store.data.reports.values().filter((r) => r.user === account.user && r.status === 'generated');
	return generated[generated.length - 1] ?? seedReport(dataset, account);
}

/** The user's verification (completed, with its stored report), seeded when it has none. */
export function ensureVerification(dataset: Dataset, account: ArgyleAccount): DataObject {
	const found = dataset.store.data.verifications.values().find((v) => v.user === account.user);
	if (found) return found;
	return dataset.add('verifications', makeVerification(newId(), account.user, seedReport(dataset, account), new Date()));
}
