// Webhook events the simulator accepts and delivers: the package's own catalogue (every v2 family,
// plus the legacy pay distribution events on v1), with a realistic `data` builder for each.
import { ALL_EVENTS, eventsAccepting, eventsForVersion } from '../../nodes/shared/catalogue';
import type { Store } from '../store';
import type { ApiVersion } from '../types';

export { buildEventData, type EventContext } from './builders';

export const V2_EVENTS: readonly string[] = eventsForVersion('v2');

/** The simulator's v1 accepts the v2 names too: it does not model which legacy events exist. */
export const V1_EVENTS: readonly string[] = ALL_EVENTS;

export const WILDCARD = '*';

const V2_SET = new Set(V2_EVENTS);
const V1_SET = new Set(V1_EVENTS);

export function knownEvents(version: ApiVersion): ReadonlySet<string> {
	return version === 'v1' ? V1_SET : V2_SET;
}

export function isItemsEvent(event: string): boolean {
	return event.startsWith('items.');
}

const RESOURCE_EVENTS = new Set<string>(eventsAccepting('include_resource'));

/** Events whose payload carries `data.resource` when the subscription asks for `include_resource`. */
export function supportsResource(event: string): boolean {
	return RESOURCE_EVENTS.has(event);
}

/** What `include_resource` adds: the stored verification for verifications.updated, the account otherwise. */
export function resourceFor(store: Store, event: string, data: Record<string, unknown>): unknown {
	if (event === 'verifications.updated') {
		const verification = typeof data.verification === 'string' ? store.data.verifications.get(data.verification) : undefined;
		return verification && structuredClone(verification);
	}
	const account = typeof data.account === 'string' ? store.accounts.get(data.account) : undefined;
	return account && structuredClone(account);
}
