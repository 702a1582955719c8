/** Argyle v2 objects shaped like the OpenAPI examples (IDs are made up). */
import type { ArgyleAccount, ArgyleUser, WebhookSubscription } from '../../../nodes/shared/types';

export const ACCOUNT_ID = '0185a8b4-3d2e-4b0f-9c1a-6f1e2d3c4b5a';
export const OTHER_ACCOUNT_ID = '0185a8b4-3d2e-4b0f-9c1a-000000000002';
export const USER_ID = '0185a8b4-aaaa-4b0f-9c1a-6f1e2d3c4b5a';

export function account(id = ACCOUNT_ID, extra: Partial<ArgyleAccount> = {}): ArgyleAccount {
	return {
		id,
		user: USER_ID,
		employers: ['walmart'],
		item: 'item_000000001',
		source: 'argyle_sandbox',
		created_at: '2026-01-05T10:00:00.000Z',
		updated_at: '2026-01-05T10:05:00.000Z',
		scanned_at: null,
		connection: {
			status: 'error',
			error_code: 'unsupported_auth_type',
			error_message: 'The login type is not supported',
			updated_at: '2026-01-05T10:05:00.000Z',
		},
		direct_deposit_switch: { status: 'idle', error_code: null, error_message: null, updated_at: null },
		availability: {
			shifts: null,
			gigs: null,
			paystubs: null,
			payroll_documents: null,
			identities: null,
			ratings: null,
			vehicles: null,
			deposit_destinations: null,
			user_forms: null,
			user_uploads: null,
		},
		ongoing_refresh: { status: 'idle' },
		...extra,
	};
}

export function user(id = USER_ID, extra: Partial<ArgyleUser> = {}): ArgyleUser {
	return {
		id,
		created_at: '2026-01-05T09:00:00.000Z',
		items_connected: ['item_000000001'],
		employers_connected: ['walmart'],
		external_metadata: { crm: 'x' },
		external_id: 'crm-42',
		...extra,
	};
}

export function subscription(id: string, extra: Partial<WebhookSubscription> = {}): WebhookSubscription {
	return {
		id,
		name: `subscription ${id}`,
		events: ['accounts.failed'],
		url: `https://other-tool.example.com/hooks/${id}`,
		secret: `whsec-${id}`,
		config: { include_resource: false },
		created_at: '2026-01-01T00:00:00Z',
		updated_at: '2026-01-01T00:00:00Z',
		last_sent_at: null,
		...extra,
	};
}

/** `count` accounts with distinct IDs, starting at `from`. */
export function accounts(count: number, from = 0): ArgyleAccount[] {
	return Array.from({ length: count }, (_, index) =>
		account(`acc-${String(from + index).padStart(4, '0')}`),
	);
}
