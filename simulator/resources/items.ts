// Argyle's Item catalogue (employers, gig platforms, payroll platforms, benefits), list and retrieve
// shapes as in argyle-objects.md §3.10/§6.10. A few ids and texts are the real ones recorded in the
// research (Whole Foods, Comcast, Uber Driver, Gusto); the rest are made up in the same style.
import type { UserAddress as Address } from '../types';

export type ItemKind = 'employer' | 'gig' | 'platform' | 'benefits';

/** An Item in the list shape (without matching_score, which depends on the query). */
export interface ArgyleItem {
	id: string;
	name: string;
	kind: ItemKind | string;
	known_limitations: string | null;
	status: 'healthy' | 'issues' | 'unavailable' | string;
	status_details: string | null;
	mapping_status: 'verified' | 'mapped' | 'unmapped' | string;
	logo_url: string;
	is_grouping: boolean;
	[key: string]: unknown;
}

/** What seeding needs to know about an Item besides its API fields. */
export interface ItemProfile {
	address: Address;
	timezone: string;
	/** Payroll data source shown on the account. */
	source: string;
	/** Gig platforms: what the gigs are. */
	gigType?: 'rideshare' | 'delivery' | 'services';
}

type RowExtra = Partial<ArgyleItem> & { gigType?: ItemProfile['gigType'] };
type Row = [id: string, name: string, kind: ItemKind, city: string, state: string, line1: string, postal: string, extra?: RowExtra];

const ISSUES = 'We have identified issues with the underlying platform. We are actively investigating and will provide an update within 24 hours.';
const SSN = 'First 5 digits of SSN obfuscated.';

const ROWS: Row[] = [
	['item_000026933', 'Whole Foods', 'employer', 'Austin', 'TX', '550 Bowie St', '78703'],
	['item_000029932', 'Comcast', 'employer', 'Philadelphia', 'PA', '1701 John F Kennedy Blvd', '19103'],
	['item_000000312', 'Walmart', 'employer', 'Bentonville', 'AR', '702 SW 8th St', '72716', { known_limitations: SSN }],
	['item_000000431', 'Target', 'employer', 'Minneapolis', 'MN', '1000 Nicollet Mall', '55403'],
	['item_000001187', 'Starbucks', 'employer', 'Seattle', 'WA', '2401 Utah Ave S', '98134'],
	['item_000002050', 'Amazon', 'employer', 'Seattle', 'WA', '410 Terry Ave N', '98109'],
	['item_000003316', 'The Home Depot', 'employer', 'Atlanta', 'GA', '2455 Paces Ferry Rd', '30339'],
	['item_000004172', 'FedEx', 'employer', 'Memphis', 'TN', '942 S Shady Grove Rd', '38120'],
	['item_000005524', 'Costco', 'employer', 'Issaquah', 'WA', '999 Lake Dr', '98027'],
	['item_000006610', 'Kroger', 'employer', 'Cincinnati', 'OH', '1014 Vine St', '45202'],
	['item_000007233', 'CVS Health', 'employer', 'Woonsocket', 'RI', '1 CVS Dr', '02895'],
	['item_000008391', 'UPS', 'employer', 'Atlanta', 'GA', '55 Glenlake Pkwy NE', '30328'],
	['item_000009914', 'Wells Fargo', 'employer', 'San Francisco', 'CA', '420 Montgomery St', '94104'],
	['item_000010482', "McDonald's", 'employer', 'Chicago', 'IL', '110 N Carpenter St', '60607'],
	['item_000011305', 'Walgreens', 'employer', 'Deerfield', 'IL', '200 Wilmot Rd', '60015', { status: 'issues', status_details: ISSUES }],
	['item_000012740', 'US Postal Service', 'employer', 'Washington', 'DC', '475 L Enfant Plaza SW', '20260', { mapping_status: 'mapped' }],
	['item_000041078', 'Uber Driver', 'gig', 'San Francisco', 'CA', '1515 3rd St', '94158', { gigType: 'rideshare' }],
	['item_000041079', 'Uber Eats', 'gig', 'San Francisco', 'CA', '1515 3rd St', '94158', { gigType: 'delivery' }],
	['item_000041091', 'Lyft Driver', 'gig', 'San Francisco', 'CA', '185 Berry St', '94107', { gigType: 'rideshare' }],
	['item_000042310', 'DoorDash Dasher', 'gig', 'San Francisco', 'CA', '303 2nd St', '94107', { gigType: 'delivery' }],
	['item_000042655', 'Instacart Shopper', 'gig', 'San Francisco', 'CA', '50 Beale St', '94105', { gigType: 'delivery' }],
	['item_000043004', 'Grubhub Driver', 'gig', 'Chicago', 'IL', '111 W Washington St', '60602', { gigType: 'delivery' }],
	['item_000043517', 'Amazon Flex', 'gig', 'Seattle', 'WA', '410 Terry Ave N', '98109', { gigType: 'delivery' }],
	['item_000044120', 'Shipt Shopper', 'gig', 'Birmingham', 'AL', '420 20th St N', '35203', { gigType: 'delivery', status: 'issues', status_details: ISSUES }],
	['item_000044873', 'TaskRabbit', 'gig', 'San Francisco', 'CA', '425 Market St', '94105', { gigType: 'services', mapping_status: 'mapped' }],
	['item_000017821', 'Gusto', 'platform', 'San Francisco', 'CA', '525 20th St', '94107', { status: 'issues', status_details: ISSUES }],
	['item_000016503', 'ADP', 'platform', 'Roseland', 'NJ', '1 ADP Blvd', '07068', { is_grouping: true }],
	['item_000016877', 'Paychex', 'platform', 'Rochester', 'NY', '911 Panorama Trl S', '14625'],
	['item_000018245', 'Workday', 'platform', 'Pleasanton', 'CA', '6110 Stoneridge Mall Rd', '94588', { is_grouping: true }],
	['item_000018932', 'UKG', 'platform', 'Weston', 'FL', '2250 N Commerce Pkwy', '33326'],
	['item_000019310', 'Paylocity', 'platform', 'Schaumburg', 'IL', '1400 American Ln', '60173', {
		status: 'unavailable',
		status_details: 'New connections are paused while the platform is upgraded.',
	}],
	['item_000020114', 'Social Security Administration', 'benefits', 'Baltimore', 'MD', '6401 Security Blvd', '21235'],
	['item_000020571', 'New York State Unemployment', 'benefits', 'Albany', 'NY', '12 State St', '12207', { mapping_status: 'mapped' }],
];

const TIMEZONES: Record<string, string> = {
	CA: 'America/Los_Angeles', WA: 'America/Los_Angeles', TX: 'America/Chicago', IL: 'America/Chicago', MN: 'America/Chicago',
	AR: 'America/Chicago', TN: 'America/Chicago', AL: 'America/Chicago',
};

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

export const logoUrl = (name: string): string =>
	`https://res.cloudinary.com/argyle-media/image/upload/v1594718493/partner-logos/${slug(name)}.png`;

/** A new Item in the catalogue's style (for accounts seeded with an employer the catalogue lacks). */
export function makeItem(id: string, name: string, kind: ItemKind | string, extra: Partial<ArgyleItem> = {}): ArgyleItem {
	return {
		id,
		name,
		kind,
		known_limitations: null,
		status: 'healthy',
		status_details: null,
		mapping_status: 'verified',
		logo_url: logoUrl(name),
		is_grouping: false,
		...extra,
	};
}

/** The catalogue, in Argyle's list order (fresh copies). */
export function catalogueItems(): ArgyleItem[] {
	return ROWS.map(([id, name, kind, , , , , extra = {}]) => {
		const { gigType: _gigType, ...fields } = extra;
		return makeItem(id, name, kind, fields);
	});
}

const PROFILES = new Map<string, ItemProfile>(
	ROWS.map(([id, name, kind, city, state, line1, postal, extra]) => [
		id,
		{
			address: { city, state, country: 'US', postal_code: postal, line1, line2: null },
			timezone: TIMEZONES[state] ?? 'America/New_York',
			source: kind === 'gig' ? slug(name).split('_')[0] : kind === 'platform' ? slug(name) : 'argyle_sandbox',
			...(extra?.gigType ? { gigType: extra.gigType } : kind === 'gig' ? { gigType: 'rideshare' as const } : {}),
		},
	]),
);

/** Address, timezone and source of a catalogue Item; a plausible default for any other. */
export function itemProfile(item: ArgyleItem): ItemProfile {
	return (
		PROFILES.get(item.id) ?? {
			address: { city: 'New York', state: 'NY', country: 'US', postal_code: '10014', line1: '302 East N St', line2: null },
			timezone: 'America/New_York',
			source: 'argyle_sandbox',
			...(item.kind === 'gig' ? { gigType: 'rideshare' as const } : {}),
		}
	);
}

const supported = (fields: string[]) => Object.fromEntries(fields.map((f) => [f, { supported: true }]));

/** `GET /v2/items/{id}`: the list fields plus `features` (retrieve only). */
export function itemWithFeatures(item: ArgyleItem): ArgyleItem & { features: Record<string, unknown> } {
	const gig = item.kind === 'gig';
	return {
		...item,
		features: {
			data_retrieval: { refresh_frequency: item.status === 'unavailable' ? null : gig ? '1h' : '5h' },
			field_coverage: {
				identities: supported(['first_name', 'last_name', 'full_name', 'email', 'phone_number', 'address', 'birth_date', 'ssn']),
				paystubs: {
					...supported(['gross_pay', 'net_pay', 'taxes', 'deductions', 'gross_pay_list', 'deduction_list']),
					hours_ytd: { supported: !gig },
					paystub_period: { start_date: { supported: true }, end_date: { supported: true } },
				},
				payroll_documents: supported(['document_type', 'file_url']),
				deposit_destinations: supported(['destination_type', 'ach_deposit_account', 'allocation_type']),
				shifts: gig ? {} : supported(['start_datetime', 'end_datetime', 'hours', 'location']),
				gigs: gig ? supported(['start_datetime', 'end_datetime', 'income', 'distance', 'start_location']) : {},
				vehicles: gig ? supported(['make', 'model', 'year', 'vin']) : {},
				ratings: gig ? supported(['rating', 'acceptance_rate']) : {},
			},
			deposit_destinations: { max_observed_destinations: gig ? '1' : '2' },
			direct_deposit_switch: {
				card: { supported: gig, max_allocations: gig ? '1' : '0' },
				deposit_account: {
					types: ['ach_deposit_account'],
					supported: item.status !== 'unavailable',
					max_allocations: gig ? '1' : '3',
					amount_allocation: !gig,
					percent_allocation: true,
					amount_precision: gig ? null : '0.01',
					percent_precision: '1',
				},
			},
		},
	};
}
