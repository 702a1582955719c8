/**
 * The deliveries the bench sends: exact bytes, as Argyle would sign them.
 *   small: the baseline's accounts.failed body, byte for byte (n8n-webhook-baseline.md §2)
 *   large: accounts.updated with the full v2 account object in data.resource (include_resource),
 *          every availability data set filled (argyle-api.md §6), built with the simulator's fixtures
 *   micro: bodies of a given size for the in-process per-delivery measurement
 */
import { makeAccount } from '../../simulator/fixtures';

export const SMALL_BODY =
	'{"event":"accounts.failed","name":"bench","data":{"account":"0187c66e-e7e5-811c-b006-2232f00f426a","user":"018051aa-f7a9-a0db-2f38-6cfa325e9d69","error_code":"invalid_mfa","error_message":"This user did not provide the correct multi-factor authentication response."}}';

const FIXED_TIME = '2026-11-20T09:14:07.512345Z';

/** A full v2 account object with every field and every availability data set present. */
export function fullAccount(): Record<string, unknown> {
	const account = makeAccount('018051aa-f7a9-a0db-2f38-6cfa325e9d69', {
		id: '0187c66e-e7e5-811c-b006-2232f00f426a',
		employers: ['Whole Foods Market'],
		item: 'item_000012345',
		source: 'thepayrollcompany',
		created_at: FIXED_TIME,
		updated_at: FIXED_TIME,
		scanned_at: FIXED_TIME,
	}) as unknown as Record<string, unknown>;
	const synced = (extra: Record<string, unknown>) => ({ status: 'synced', updated_at: FIXED_TIME, ...extra });
	const range = { available_from: '2024-11-20T09:14:07.512345Z', available_to: FIXED_TIME };
	account.connection = { status: 'error', error_code: 'auth_required', error_message: 'The user changed their password; Argyle needs the new one to keep syncing.', updated_at: FIXED_TIME };
	account.direct_deposit_switch = { status: 'success', error_code: null, error_message: null, updated_at: FIXED_TIME };
	account.availability = {
		shifts: synced({ available_count: 412, ...range }),
		gigs: synced({ available_count: 1893, ...range }),
		paystubs: synced({ available_count: 52, ...range }),
		payroll_documents: synced({ files_count: 6 }),
		identities: synced({ available_count: 1 }),
		ratings: synced({ available_count: 3 }),
		vehicles: synced({ available_count: 2 }),
		deposit_destinations: synced({ available_count: 2 }),
		user_forms: synced({ available_count: 1 }),
		user_uploads: { status: 'in_progress', updated_at: FIXED_TIME, in_progress_count: 1, available_count: 4 },
	};
	account.ongoing_refresh = { status: 'enabled' };
	return account;
}

export function largeBody(subscriptionName = 'bench'): string {
	const resource = fullAccount();
	return JSON.stringify({
		event: 'accounts.updated',
		name: subscriptionName,
		data: { account: resource.id, user: resource.user, resource },
	});
}

/**
 * A delivery of about `bytes` (at least that many): an accounts.failed / accounts.updated body whose
 * data.resource holds more and more fields of the full account object, then (past the full object)
 * more account objects in data.history.
 */
export function bodyOfSize(bytes: number): string {
	const full = fullAccount();
	const envelope = (event: string, data: Record<string, unknown>) => JSON.stringify({ event, name: 'bench', data });
	const base = { account: full.id, user: full.user };
	const resource: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(full)) {
		// the availability object is most of the size: add it one data set at a time
		const steps: unknown[] =
			key === 'availability'
				? Object.keys(value as object).map((_, i) => Object.fromEntries(Object.entries(value as object).slice(0, i + 1)))
				: [value];
		for (const step of steps) {
			resource[key] = step;
			const body = envelope('accounts.updated', { ...base, resource });
			if (body.length >= bytes) return body;
		}
	}
	const history: unknown[] = [];
	for (let i = 0; i < 10_000; i++) {
		const body = envelope('accounts.updated', { ...base, resource, history });
		if (body.length >= bytes) return body;
		history.push({ ...full, updated_at: `2026-11-${String(10 + (i % 18)).padStart(2, '0')}T00:00:00Z` });
	}
	throw new Error(`cannot build a ${bytes}-byte body`);
}
