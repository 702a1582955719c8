// Webhook event names Argyle accepts (argyle-api.md §4). v1 = v2 plus the legacy pay-distribution events.
import type { ApiVersion } from './types';

const families: Record<string, string[]> = {
	users: ['fully_synced'],
	accounts: ['added', 'updated', 'removed', 'connected', 'failed'],
	items: ['updated', 'removed'],
	identities: ['added', 'updated'],
	paystubs: ['added', 'updated', 'partially_synced', 'fully_synced'],
	payroll_documents: ['added', 'updated', 'removed', 'ocr_completed', 'ocr_failed'],
	deposit_destinations: ['added', 'updated', 'removed'],
	direct_deposit_switches: ['completed', 'failed'],
	shifts: ['added', 'updated', 'removed', 'partially_synced', 'fully_synced'],
	gigs: ['added', 'updated', 'removed', 'partially_synced', 'fully_synced'],
	vehicles: ['added', 'updated', 'removed'],
	ratings: ['added', 'updated'],
	reports: ['ready', 'generated'],
	user_uploads: ['added', 'removed', 'ocr_completed', 'ocr_failed', 'ocr_authenticity'],
	user_forms: ['removed', 'submitted'],
	verifications: ['updated', 'creation_failed', 'connection_added'],
};

export const V2_EVENTS: readonly string[] = Object.entries(families).flatMap(([family, names]) =>
	names.map((n) => `${family}.${n}`),
);

export const V1_EVENTS: readonly string[] = [
	...V2_EVENTS,
	'accounts.pay_distribution_updated',
	'accounts.pay_distribution_failed',
];

export const WILDCARD = '*';

export function knownEvents(version: ApiVersion): ReadonlySet<string> {
	return version === 'v1' ? V1_SET : V2_SET;
}

const V2_SET = new Set(V2_EVENTS);
const V1_SET = new Set(V1_EVENTS);

export function isItemsEvent(event: string): boolean {
	return event.startsWith('items.');
}

/** Events whose payload can carry the account object when `config.include_resource` is true. */
export function supportsAccountResource(event: string): boolean {
	return event.startsWith('accounts.') && event !== 'accounts.removed';
}
