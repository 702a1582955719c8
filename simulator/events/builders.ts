// A realistic `data` for every event of the catalogue, for a stored account and its user. Values
// follow real recorded sandbox deliveries where the research has them (users.fully_synced,
// paystubs/gigs partially_synced) and the documented shapes elsewhere.
import { randomInt } from 'node:crypto';

import type { ArgyleAccount, ArgyleUser } from '../types';
import { isoNow, newId } from '../fixtures';

export interface EventContext {
	account: ArgyleAccount;
	user: ArgyleUser;
	/** Every account of the user (users.fully_synced, reports.ready list them). */
	accounts: ArgyleAccount[];
}

type Builder = (ctx: EventContext) => Record<string, unknown>;

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
const midnight = (days: number) => `${daysAgo(days).slice(0, 10)}T00:00:00Z`;

const base = ({ account, user }: EventContext) => ({ account: account.id, user: user.id });

/** Counts and dates of paystubs, gigs or shifts, as Argyle reports them for one account. */
function available(ctx: EventContext, count: number) {
	return { ...base(ctx), available_from: midnight(365), available_to: midnight(3), available_count: count };
}

function syncedFamily(family: 'paystubs' | 'gigs' | 'shifts', count: number): Record<string, Builder> {
	const builders: Record<string, Builder> = {
		added: (ctx) => ({ ...available(ctx, count + 2), added_count: 2, added_from: midnight(10), added_to: midnight(3) }),
		updated: (ctx) => ({
			...available(ctx, count),
			updated_count: 1,
			[`updated_${family}`]: [newId()],
			updated_from: midnight(17),
			updated_to: midnight(17),
		}),
		// Real deliveries: days_synced is the span covered so far, at least the threshold (90 gave 140).
		partially_synced: (ctx) => ({
			...available(ctx, Math.ceil(count / 3)),
			available_from: midnight(140),
			days_synced: 140,
			...(family === 'gigs' ? { item_id: ctx.account.item } : {}),
		}),
		fully_synced: (ctx) => available(ctx, count),
	};
	if (family !== 'paystubs') {
		builders.removed = (ctx) => ({
			...available(ctx, count - 1),
			removed_count: 1,
			[`removed_${family}`]: [newId()],
			removed_from: midnight(40),
			removed_to: midnight(40),
		});
	}
	return builders;
}

/** Families whose events name one object of the account by its ID. */
const naming = (idKey: string, events: string[]): Record<string, Builder> =>
	Object.fromEntries(events.map((event) => [event, (ctx: EventContext) => ({ ...base(ctx), [idKey]: newId() })]));

function itemUpdated({ account }: EventContext) {
	return {
		item: account.item,
		name: account.employers[0] ?? 'Whole Goods',
		status: 'issues',
		status_details: 'We have identified issues with the underlying platform and are investigating.',
		mapping_status: 'verified',
		known_limitations: 'First 5 digits of SSN obfuscated.',
		logo_url: 'https://res.cloudinary.com/argyle-media/image/upload/v1594718493/partner-logos/gusto_platform.png',
		features: {
			field_coverage: { identities: { first_name: { supported: true } }, paystubs: { hours_ytd: { supported: false } } },
			direct_deposit_switch: { card: { supported: true, max_allocations: '3' } },
		},
	};
}

const reportAccounts = (ctx: EventContext) => ctx.accounts.map((a) => ({ id: a.id, last_synced_at: a.scanned_at ?? isoNow() }));

const BUILDERS: Record<string, Record<string, Builder>> = {
	users: {
		fully_synced: (ctx) => ({
			user: ctx.user.id,
			resource: {
				id: ctx.user.id,
				accounts_connected: ctx.accounts.map((a) => a.id),
				items_connected: [...ctx.user.items_connected],
				employers_connected: [...ctx.user.employers_connected],
				external_metadata: ctx.user.external_metadata,
				external_id: ctx.user.external_id,
				created_at: ctx.user.created_at,
			},
		}),
	},
	items: { updated: itemUpdated, removed: ({ account }) => ({ item: account.item }) },
	paystubs: syncedFamily('paystubs', 26),
	gigs: syncedFamily('gigs', 140),
	shifts: syncedFamily('shifts', 54),
	identities: naming('identity', ['added', 'updated']),
	payroll_documents: naming('payroll_document', ['added', 'updated', 'removed', 'ocr_completed', 'ocr_failed']),
	deposit_destinations: naming('deposit_destination', ['added', 'updated', 'removed']),
	vehicles: naming('vehicle', ['added', 'updated', 'removed']),
	ratings: naming('rating', ['added', 'updated']),
	user_uploads: naming('user_upload', ['added', 'removed', 'ocr_completed', 'ocr_failed', 'ocr_authenticity']),
	user_forms: naming('user_form', ['submitted', 'removed']),
	direct_deposit_switches: {
		completed: (ctx) => ({
			...base(ctx),
			deposit_destination: newId(),
			direct_deposit_changed: true,
			type: 'ach_deposit_account',
			flow: 'update',
			details: null,
		}),
		failed: (ctx) => ({
			...base(ctx),
			error_code: 'confirmation_timeout',
			error_message: 'This user did not finish confirming the direct deposit switch.',
		}),
	},
	reports: {
		ready: (ctx) => ({
			user: ctx.user.id,
			resource: { user: ctx.user.id, external_id: ctx.user.external_id, accounts: reportAccounts(ctx), documents: [] },
		}),
		generated: (ctx) => ({ user: ctx.user.id, type: 'voie', report: newId() }),
	},
	verifications: {
		updated: (ctx) => ({ user: ctx.user.id, verification: newId() }),
		creation_failed: (ctx) => ({
			user: ctx.user.id,
			context: {
				user: ctx.user.id,
				attempted_at: isoNow(),
				channel: 'api',
				data_source: 'payroll',
				report_type: 'voie',
				loan: { number: String(1000 + randomInt(9000)), borrower_id: 'ABC789', application_id: '2121313', officer_email: 'officer@example.com' },
				billing: { cost_center: '5' },
			},
		}),
		connection_added: (ctx) => ({
			user: ctx.user.id,
			verification: newId(),
			connection: { id: newId(), data_source: 'payroll', connected_at: isoNow() },
		}),
	},
};

/**
 * The `data` Argyle would send for `event` about this account, or undefined for an event the
 * simulator has no builder for (accounts.* are built with their state changes, see fireAccountEvent).
 */
export function buildEventData(event: string, ctx: EventContext): Record<string, unknown> | undefined {
	const [family, name] = event.split('.', 2);
	const builders = Object.hasOwn(BUILDERS, family) ? BUILDERS[family] : undefined;
	const builder = builders && name && Object.hasOwn(builders, name) ? builders[name] : undefined;
	return builder?.(ctx);
}
