/**
 * Paystubs, gigs and shifts arrive newest first and report counts and date ranges instead of single
 * objects: `partially_synced` once N days (the subscription's Days Synced) are in, `fully_synced`
 * when all are, and `added`/`updated`/`removed` on later refreshes only.
 */
import { id, list, optional, text } from '../fields';
import { ADDED, AVAILABLE, DAYS_SYNCED, family, REMOVED_RANGE, UPDATED_RANGE } from './shape';

const ids = (what: string) => list(`IDs of the ${what}`, id(`One of the ${what}`));

export const PAYSTUBS = family({
	label: 'Paystubs',
	versions: ['v2'],
	events: {
		added: { when: 'A refresh found new paystubs (never during the first sync)', data: { ...AVAILABLE, ...ADDED } },
		updated: {
			when: 'Paystubs changed, e.g. a status from scheduled to completed',
			data: { ...AVAILABLE, ...UPDATED_RANGE, updated_paystubs: ids('changed paystubs') },
		},
		partially_synced: {
			when: "The first sync has the paystubs of the last N days (the subscription's Days Synced); skipped when one pull got them all",
			data: { ...AVAILABLE, ...DAYS_SYNCED },
			config: ['days_synced'],
		},
		fully_synced: { when: 'The first sync has retrieved every paystub', data: AVAILABLE },
	},
});

export const GIGS = family({
	label: 'Gigs',
	versions: ['v2'],
	events: {
		added: { when: 'A refresh found new gigs (never during the first sync)', data: { ...AVAILABLE, ...ADDED } },
		updated: {
			when: "Gigs changed, e.g. a gig's status from in_progress to completed",
			data: { ...AVAILABLE, ...UPDATED_RANGE, updated_gigs: ids('changed gigs') },
			derived: true,
		},
		removed: {
			when: 'A refresh found gigs gone from the platform',
			data: { ...AVAILABLE, ...REMOVED_RANGE, removed_gigs: ids('removed gigs') },
			derived: true,
		},
		partially_synced: {
			when: "The first sync has the gigs of the last N days (the subscription's Days Synced)",
			data: { ...AVAILABLE, ...DAYS_SYNCED, item_id: optional(text('The Item the account was connected through')) },
			config: ['days_synced'],
		},
		fully_synced: { when: 'The first sync has retrieved every gig; can take hours for large accounts', data: AVAILABLE },
	},
});

export const SHIFTS = family({
	label: 'Shifts',
	versions: ['v2'],
	events: {
		added: { when: 'A refresh found new shifts (never during the first sync)', data: { ...AVAILABLE, ...ADDED } },
		updated: {
			when: 'Shifts changed, e.g. a status from scheduled to completed',
			data: { ...AVAILABLE, ...UPDATED_RANGE, updated_shifts: ids('changed shifts') },
			derived: true,
		},
		removed: {
			when: 'A refresh found shifts gone from the platform',
			data: { ...AVAILABLE, ...REMOVED_RANGE, removed_shifts: ids('removed shifts') },
			derived: true,
		},
		partially_synced: {
			when: "The first sync has the shifts of the last N days (the subscription's Days Synced)",
			data: { ...AVAILABLE, ...DAYS_SYNCED },
			config: ['days_synced'],
		},
		fully_synced: { when: 'The first sync has retrieved every shift', data: AVAILABLE },
	},
});
