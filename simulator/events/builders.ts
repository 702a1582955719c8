// A realistic `data` for every event of the catalogue, about objects the store really holds: the
// event changes the store first (a paystubs.added adds paystubs, a vehicles.removed removes a
// vehicle), then reports counts, ranges and IDs that match it. Values follow real recorded sandbox
// deliveries where the research has them (users.fully_synced, paystubs/gigs partially_synced).
import { randomInt } from 'node:crypto';

import type { DatedResource } from '../data/availability';
import { ensureReport, ensureVerification } from '../data/seed';
import { isoNow, newId } from '../fixtures';
import { itemWithFeatures } from '../resources/items';
import type { Builder, EventContext } from './context';
import { naming } from './objects';
import { addedData, availableData, removedData, updatedData } from './synced';

export type { EventContext } from './context';

/** Real deliveries: days_synced is the span covered so far, at least the threshold (90 gave 140). */
const DAYS_SYNCED = 140;

/** Two new items per `.added`, one changed per `.updated`, one gone per `.removed`. */
function syncedFamily(resource: DatedResource): Record<string, Builder> {
	const builders: Record<string, Builder> = {
		added: ({ dataset, account }) => addedData(dataset.store, resource, account, dataset.addDated(resource, account, 2)),
		updated: ({ dataset, account }) => {
			if (!dataset.store.objectsOf(resource, account.id).length) dataset.addDated(resource, account, 2);
			const changed = dataset.dated(resource, account.id).slice(-1);
			for (const object of changed) dataset.touch(account, object);
			return updatedData(dataset.store, resource, account, changed);
		},
		partially_synced: ({ dataset, account }) => ({
			...availableData(dataset.store, resource, account, DAYS_SYNCED),
			days_synced: DAYS_SYNCED,
			...(resource === 'gigs' ? { item_id: account.item } : {}),
		}),
		fully_synced: ({ dataset, account }) => availableData(dataset.store, resource, account),
	};
	if (resource !== 'paystubs') {
		builders.removed = ({ dataset, account }) => removedData(dataset.store, resource, account, dataset.removeDated(resource, account, 1));
	}
	return builders;
}

function itemUpdated({ dataset, account }: EventContext) {
	const item = itemWithFeatures(dataset.context(account).item);
	const features = item.features as { field_coverage: unknown; direct_deposit_switch: unknown };
	return {
		item: item.id,
		name: item.name,
		status: item.status,
		status_details: item.status_details,
		mapping_status: item.mapping_status,
		known_limitations: item.known_limitations,
		logo_url: item.logo_url,
		features: { field_coverage: features.field_coverage, direct_deposit_switch: features.direct_deposit_switch },
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
	paystubs: syncedFamily('paystubs'),
	gigs: syncedFamily('gigs'),
	shifts: syncedFamily('shifts'),
	identities: naming('identities', 'identity', ['added', 'updated']),
	payroll_documents: naming('payroll_documents', 'payroll_document', ['added', 'updated', 'removed', 'ocr_completed', 'ocr_failed']),
	deposit_destinations: naming('deposit_destinations', 'deposit_destination', ['added', 'updated', 'removed']),
	vehicles: naming('vehicles', 'vehicle', ['added', 'updated', 'removed']),
	ratings: naming('ratings', 'rating', ['added', 'updated']),
	user_uploads: naming('user_uploads', 'user_upload', ['added', 'removed', 'ocr_completed', 'ocr_failed', 'ocr_authenticity']),
	user_forms: naming('user_forms', 'user_form', ['submitted', 'removed']),
	direct_deposit_switches: {
		completed: (ctx) => ({
			account: ctx.account.id,
			user: ctx.user.id,
			deposit_destination: ctx.dataset.ensure('deposit_destinations', ctx.account).id,
			direct_deposit_changed: true,
			type: 'ach_deposit_account',
			flow: 'update',
			details: null,
		}),
		failed: (ctx) => ({
			account: ctx.account.id,
			user: ctx.user.id,
			error_code: 'confirmation_timeout',
			error_message: 'This user did not finish confirming the direct deposit switch.',
		}),
	},
	reports: {
		ready: (ctx) => ({
			user: ctx.user.id,
			resource: { user: ctx.user.id, external_id: ctx.user.external_id, accounts: reportAccounts(ctx), documents: [] },
		}),
		generated: (ctx) => {
			const report = ensureReport(ctx.dataset, ctx.account);
			return { user: ctx.user.id, type: report.type, report: report.id };
		},
	},
	verifications: {
		updated: (ctx) => ({ user: ctx.user.id, verification: ensureVerification(ctx.dataset, ctx.account).id }),
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
			verification: ensureVerification(ctx.dataset, ctx.account).id,
			connection: { id: newId(), data_source: 'payroll', connected_at: isoNow() },
		}),
	},
};

/**
 * The `data` Argyle would send for `event` about this account (changing the store as the event
 * says), or undefined for an event the simulator has no builder for (accounts.* are built with
 * their state changes, see fireAccountEvent).
 */
export function buildEventData(event: string, ctx: EventContext): Record<string, unknown> | undefined {
	const [family, name] = event.split('.', 2);
	const builders = Object.hasOwn(BUILDERS, family) ? BUILDERS[family] : undefined;
	const builder = builders && name && Object.hasOwn(builders, name) ? builders[name] : undefined;
	return builder?.(ctx);
}
