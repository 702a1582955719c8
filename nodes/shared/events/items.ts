/** items.*: an employer or platform in Argyle's catalogue changed. Needs the Item IDs in the subscription. */
import { anyObject, nullable, object, oneOf, optional, text, url } from '../fields';
import { family } from './shape';

const ITEM_ID = text('The Item ID, e.g. item_000000001');

export const ITEMS = family({
	label: 'Item',
	versions: ['v2'],
	events: {
		updated: {
			when: 'Any property of one of the subscribed Items changed, e.g. its status or coverage',
			config: ['items'],
			data: {
				item: ITEM_ID,
				name: optional(text('The employer or platform name')),
				status: optional(oneOf('How well the Item works now', ['healthy', 'issues', 'unavailable'])),
				status_details: optional(nullable(text('What the status means right now'))),
				mapping_status: optional(oneOf('How the Item maps to a platform', ['verified', 'mapped', 'unmapped'])),
				known_limitations: optional(nullable(text('What the Item cannot provide'))),
				logo_url: optional(nullable(url('The Item logo'))),
				features: optional(
					object('What the Item supports', {
						field_coverage: optional(anyObject('Which fields each data set provides')),
						direct_deposit_switch: optional(anyObject('Direct deposit switch support')),
					}),
				),
			},
		},
		removed: {
			when: "One of the subscribed Items was removed from Argyle's catalogue",
			config: ['items'],
			data: { item: ITEM_ID },
		},
	},
});

/** Argyle keeps at most this many Item IDs in one subscription. */
export const MAX_SUBSCRIBED_ITEMS = 30;
