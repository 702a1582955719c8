/**
 * The v2 Item: an employer, gig platform or payroll platform users can connect to in Link. A list
 * result carries matching_score (for a search with q); a single Item carries features instead.
 */
import { amount, anyObject, flag, list, nullable, object, oneOf, text, url } from '../fields';

export const ITEM_KINDS = ['employer', 'gig', 'platform', 'benefits'] as const;
export const ITEM_STATUSES = ['healthy', 'issues', 'unavailable'] as const;
export const ITEM_MAPPING_STATUSES = ['verified', 'mapped', 'unmapped'] as const;

const ITEM_BASE = {
	id: text('The Item ID, e.g. item_000000001'),
	name: text('Employer or platform name'),
	kind: oneOf('Kind of Item', ITEM_KINDS),
	known_limitations: nullable(text('What the Item cannot provide')),
	status: oneOf('healthy, issues (impaired, new connections still work), or unavailable (no new connections)', ITEM_STATUSES),
	status_details: nullable(text('What the status means right now')),
	mapping_status: oneOf('verified (connected with paystubs before), mapped (known, not connected yet), or unmapped', ITEM_MAPPING_STATUSES),
	logo_url: url('Logo'),
	is_grouping: flag('Whether it only groups other Items'),
} as const;

const DATA_SETS = ['identities', 'paystubs', 'payroll_documents', 'deposit_destinations', 'shifts', 'gigs', 'vehicles', 'ratings'] as const;

const coverage = Object.fromEntries(
	DATA_SETS.map((dataSet) => [dataSet, anyObject(`Per field of ${dataSet}: { supported: true, false or null }; nested fields nest`)]),
) as Record<(typeof DATA_SETS)[number], ReturnType<typeof anyObject>>;

/** An Item as Get Many lists it. */
export const ITEM_LISTED = {
	...ITEM_BASE,
	matching_score: nullable(amount('How well it matches the search, "0.01" to "1.00"; null without a search')),
} as const;

/** An Item as Get returns it. */
export const ITEM_DETAILS = {
	...ITEM_BASE,
	features: object('What the Item supports', {
		data_retrieval: object('Data refresh', {
			refresh_frequency: nullable(text('How often data is refreshed, e.g. 5h; null when refreshes are suspended')),
		}),
		field_coverage: object('Which fields each data set provides', coverage),
		deposit_destinations: object('Deposit destinations', {
			max_observed_destinations: nullable(text('Most destinations seen on one account, e.g. "2"')),
		}),
		direct_deposit_switch: object('Direct deposit switch support', {
			card: object('Switching cards', {
				supported: flag('Whether it is supported'),
				max_allocations: text('Most cards, e.g. "3"'),
			}),
			deposit_account: object('Switching bank accounts', {
				types: list('Account types, e.g. ach_deposit_account', text('An account type')),
				supported: flag('Whether it is supported'),
				max_allocations: text('Most accounts, e.g. "2"'),
				amount_allocation: flag('Whether an amount can be allocated'),
				percent_allocation: flag('Whether a percent can be allocated'),
				amount_precision: nullable(text('Smallest amount step, e.g. "0.01"')),
				percent_precision: nullable(text('Smallest percent step, e.g. "0.01"')),
			}),
		}),
	}),
} as const;
