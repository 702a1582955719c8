// `POST /v2/accounts/{id}/periodic-scan` in the sandbox: a data refresh that adds 1-5 paystubs (and
// 1-5 gigs on gig accounts), then paystubs.added (+ gigs.added) and accounts.updated.
import { addedData } from '../events/synced';
import { between } from '../resources/util';
import type { ArgyleAccount } from '../types';
import { isoNow } from '../fixtures';
import type { Dataset } from './dataset';

export interface PendingEvent {
	event: string;
	data: Record<string, unknown>;
}

/** Adds the new data and returns the events to deliver, in order. */
export function periodicScan(dataset: Dataset, account: ArgyleAccount, count = () => between(1, 5)): PendingEvent[] {
	const events: PendingEvent[] = [];
	const paystubs = dataset.addPaystubs(account, count());
	events.push({ event: 'paystubs.added', data: addedData(dataset.store, 'paystubs', account, paystubs) });
	if (dataset.kindOf(account) === 'gig') {
		const gigs = dataset.addGigs(account, count());
		events.push({ event: 'gigs.added', data: addedData(dataset.store, 'gigs', account, gigs) });
	}
	const now = isoNow();
	account.scanned_at = now;
	account.updated_at = now;
	events.push({ event: 'accounts.updated', data: { account: account.id, user: account.user } });
	return events;
}
