// The `data` of paystubs/gigs/shifts events, computed from what the store holds for the account:
// available_* over all its items, added_/updated_/removed_* over the items the change touched.
import { rangeOf, type DatedResource } from '../data/availability';
import type { Store } from '../store';
import type { ArgyleAccount, DataObject } from '../types';

/** `{account, user, available_from, available_to, available_count}`; `within` limits it to the last N days. */
export function availableData(store: Store, resource: DatedResource, account: ArgyleAccount, withinDays?: number) {
	let objects = store.objectsOf(resource, account.id);
	if (withinDays !== undefined) {
		const since = Date.now() - withinDays * 86_400_000;
		objects = objects.filter((o) => Date.parse(String(o[resource === 'paystubs' ? 'paystub_date' : 'start_datetime'])) >= since);
	}
	return { account: account.id, user: account.user, ...rangeOf(objects, resource) };
}

/** `<verb>_count`, `<verb>_from`, `<verb>_to` (and `<verb>_<resource>` ids for updated/removed) of the touched items. */
function changed(resource: DatedResource, verb: 'added' | 'updated' | 'removed', touched: DataObject[], withIds: boolean) {
	const { available_from: from, available_to: to, available_count: count } = rangeOf(touched, resource);
	return {
		[`${verb}_count`]: count,
		[`${verb}_from`]: from,
		[`${verb}_to`]: to,
		...(withIds ? { [`${verb}_${resource}`]: touched.map((o) => o.id) } : {}),
	};
}

export function addedData(store: Store, resource: DatedResource, account: ArgyleAccount, added: DataObject[]) {
	return { ...availableData(store, resource, account), ...changed(resource, 'added', added, false) };
}

export function updatedData(store: Store, resource: DatedResource, account: ArgyleAccount, updated: DataObject[]) {
	return { ...availableData(store, resource, account), ...changed(resource, 'updated', updated, true) };
}

export function removedData(store: Store, resource: DatedResource, account: ArgyleAccount, removed: DataObject[]) {
	return { ...availableData(store, resource, account), ...changed(resource, 'removed', removed, true) };
}
