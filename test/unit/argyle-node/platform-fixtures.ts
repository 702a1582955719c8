/**
 * Gig, Link and verification objects as the research recorded them (/work/research/argyle-objects.md
 * §6: real sandbox fixtures where there are some, otherwise the OpenAPI examples), typed with the
 * types the node's output descriptors give.
 */
import type {
	ArgyleGig,
	ArgyleItem,
	ArgyleItemListed,
	ArgyleRating,
	ArgyleShift,
	ArgyleUserForm,
	ArgyleUserUpload,
	ArgyleVehicle,
	ArgyleVerification,
} from '../../../nodes/shared/types';

export const SHIFT: ArgyleShift = {
	id: '0183d245-b5c1-2a6d-5e37-1b831d765c5d',
	account: '0187c66e-e7e5-811c-b006-2232f00f426a',
	employer: 'Whole Goods',
	created_at: '2023-04-27T07:02:01.279Z',
	updated_at: '2023-04-27T07:02:01.279Z',
	status: 'completed',
	type: 'hourly',
	start_datetime: '2023-04-26T00:00:00Z',
	end_datetime: '2023-04-26T08:00:00Z',
	all_datetimes: {
		shift_start: '2023-04-26T00:00:00Z',
		shift_end: '2023-04-26T08:00:00Z',
		breaks: [{ break_start: '2023-04-26T03:36:00Z', break_end: '2023-04-26T04:24:00Z' }],
	},
	hours: '7.2',
	timezone: 'America/New_York',
	location: '302 East N St, New York, NY 10014, US',
	metadata: {},
};

export const GIG: ArgyleGig = {
	id: '0f017ed4-1cd1-33f0-a87d-dda5f46afb99',
	account: '019571bc-2f60-3955-d972-dbadfe0913a8',
	employer: 'Lyft Driver',
	created_at: '2025-03-07T17:52:09.361Z',
	updated_at: '2025-03-07T17:52:09.361Z',
	status: 'completed',
	type: 'rideshare',
	task_count: 1,
	start_datetime: '2025-03-05T18:18:24Z',
	end_datetime: '2025-03-05T18:24:04Z',
	all_datetimes: {
		request_at: '2025-03-05T18:18:24Z',
		accept_at: '2025-03-05T18:18:31Z',
		pickup_at: '2025-03-05T18:19:21Z',
		dropoff_at: '2025-03-05T18:24:04Z',
		cancel_at: null,
		shift_start: null,
		shift_end: null,
		breaks: [],
	},
	duration: 340,
	timezone: 'America/New_York',
	earning_type: 'work',
	start_location: { lat: '40.68163491708842', lng: '-73.78307331678731', formatted_address: '105 Joel Fields, New York, NY 81762, US' },
	end_location: { lat: '40.70311206823279', lng: '-73.86672529291789', formatted_address: '473 Espinoza Canyon, New York, NY 44051, US' },
	distance: '8.29',
	distance_unit: 'miles',
	metadata: {},
	circumstances: { is_pool: false, is_rush: false, is_surge: true, service_type: 'Lyft driverXL', position: null },
	income: {
		currency: 'USD',
		total_charge: '21.55',
		fees: '0.00',
		total: '21.55',
		pay: '10.24',
		tips: '9.16',
		bonus: '2.15',
		other: '0.00',
		customer_price: null,
	},
	income_rates: { hour: '11.82', mile: '1.10' },
	task_details: { events: [], orders: [] },
};

/** The recorded cancelled variant: no end, no duration, no locations. */
export const CANCELLED_GIG: ArgyleGig = {
	...GIG,
	id: '0f017ed4-1cd1-33f0-a87d-000000000002',
	status: 'cancelled',
	end_datetime: null,
	duration: null,
	start_location: null,
	end_location: null,
	distance: '0.00',
	income_rates: { hour: null, mile: null },
};

export const VEHICLE: ArgyleVehicle = {
	id: '0176364c-c8a2-4d43-2a12-7b4146a829a9',
	account: '0187c66e-e7e5-811c-b006-2232f00f426a',
	identification: 'JASJ1Y',
	make: 'Ford',
	model: 'Focus',
	type: 'car',
	year: 2011,
	vin: 'W081C4YIZQYE55DSE',
	employer: 'GigAntic',
	created_at: '2023-02-09T13:28:11.427Z',
	updated_at: '2023-02-09T13:32:13.215Z',
	metadata: { source: 'gig platform' },
};

export const RATING: ArgyleRating = {
	id: '0176a5bd-6ed4-1a21-8661-32bc3546e6de',
	account: '0187c66e-e7e5-811c-b006-2232f00f426a',
	rating: '4.98',
	acceptance_rate: '0.91',
	ontime_rate: '0.94',
	achievements: [
		{
			count: 3,
			label: 'excellent_service',
			points: null,
			metadata: null,
			badge_url: 'www.partner.com/badgeinfo',
			description: 'Excellent Service',
		},
		{ count: 2, label: 'speed_demon', points: '200', award: 'Speed Demon', description: 'Fast Service', metadata: {} },
	],
	rewards: [{ program_name: 'Driver Rewards Program', tier: 'Elite', valid_through: '2026-05-15', points: '117' }],
	employer: 'GigAndGo',
	created_at: '2023-03-15T13:19:55.723Z',
	updated_at: '2023-03-15T13:19:55.723Z',
	metadata: null,
};

export const ITEM_LISTED: ArgyleItemListed = {
	id: 'item_000017821',
	name: 'Gusto',
	kind: 'platform',
	known_limitations: null,
	status: 'issues',
	status_details:
		'We have identified issues with the underlying platform. We are actively investigating and will provide an update by March 20, 11:00 UTC at the latest.',
	mapping_status: 'verified',
	logo_url: 'https://res.cloudinary.com/argyle-media/image/upload/v1594718493/partner-logos/gusto_platform.png',
	is_grouping: false,
	matching_score: null,
};

export const ITEM: ArgyleItem = {
	id: 'item_000000001',
	name: 'Whole Goods',
	kind: 'employer',
	known_limitations: 'First 5 digits of SSN obfuscated.',
	status: 'healthy',
	status_details: null,
	logo_url: 'argyle.com/image-holdings',
	is_grouping: false,
	mapping_status: 'verified',
	features: {
		data_retrieval: { refresh_frequency: '5h' },
		field_coverage: {
			identities: { first_name: { supported: true }, last_name: { supported: true } },
			paystubs: { hours_ytd: { supported: false }, paystub_period: { start_date: { supported: true }, end_date: { supported: true } } },
			payroll_documents: {},
			deposit_destinations: {},
			shifts: {},
			gigs: {},
			vehicles: {},
			ratings: {},
		},
		deposit_destinations: { max_observed_destinations: '2' },
		direct_deposit_switch: {
			card: { supported: true, max_allocations: '3' },
			deposit_account: {
				types: ['ach_deposit_account'],
				supported: true,
				max_allocations: '2',
				amount_allocation: false,
				percent_allocation: true,
				amount_precision: null,
				percent_precision: '0.01',
			},
		},
	},
};

export const USER_UPLOAD: ArgyleUserUpload = {
	id: '01320596-2c3d-189c-53e7-a8ce6d625b33',
	account: '01856c65-43b6-8b5d-b32a-56b8fbda5c28',
	document_type: 'paystubs',
	file_url: 'www.argyle.com/storagename',
	file_name: 'most_recent_paystub.pdf',
	metadata: { employment: {}, ocr_data: {}, ocr_documents: [], ocr_authenticity: {}, ocr_authenticity_score: null },
	processing: { classification: 'unauthorized', ocr: 'unauthorized', authenticity: 'unauthorized' },
	created_at: '2024-07-08T13:43:49.864Z',
	updated_at: '2024-07-08T13:43:51.868Z',
};

/** A processed upload with two documents in the file. */
export const PROCESSED_UPLOAD: ArgyleUserUpload = {
	...USER_UPLOAD,
	id: '01320596-2c3d-189c-53e7-000000000002',
	file_name: 'combined_paystubs.pdf',
	metadata: {
		employment: {},
		ocr_documents: [
			{ ocr_data: {}, ocr_authenticity: {}, ocr_authenticity_score: null },
			{ ocr_data: {}, ocr_authenticity: {}, ocr_authenticity_score: 87 },
		],
		ocr_data: {},
		ocr_authenticity: {},
		ocr_authenticity_score: null,
	},
	processing: { classification: 'completed', ocr: 'completed', authenticity: 'completed' },
};

export const USER_FORM: ArgyleUserForm = {
	id: '0186ef31-4a6c-bc77-ffb7-a9db11505d7d',
	account: '0182c1e2-59ec-16ba-34e2-4f20594a7df7',
	data: { income_source: 'Block & Fish Tackle', payroll_provider: 'Payroll Corp.' },
	created_at: '2023-03-17T10:50:30.414265Z',
	updated_at: '2023-03-17T10:50:31.621908Z',
};

export const VERIFICATION: ArgyleVerification = {
	id: '43a2c6c3-1e63-91e5-88e3-f9ab2dcc489b',
	user: '018051aa-f7a9-a0db-2f38-6cfa325e9d69',
	created_at: '2023-03-09T16:22:06.081Z',
	updated_at: '2023-03-09T16:22:06.081Z',
	channel: 'api',
	status: { state: 'PENDING', code: 'pending', errors: [] },
	report: { id: null, type: 'voie', file_url: null, json_url: null },
	employments: [],
	loan: { number: '1234', borrower_id: 'ABC789', application_id: '2121313', officer_email: 'john.doe@mortgage.com', division: 'wholesale' },
	billing: { cost_center: '5' },
	configuration: { notified_recipients: ['loan.officer@example.com', 'processor@example.com'] },
	data_source: 'payroll',
};

/** The banking variant, paused with an error. */
export const BANKING_VERIFICATION: ArgyleVerification = {
	...VERIFICATION,
	id: '43a2c6c3-1e63-91e5-88e3-000000000002',
	status: {
		state: 'PAUSED',
		code: 'syncing_error',
		errors: [
			{
				code: 'self-employed_income',
				title: 'Self-employed income',
				message: 'The user has self-employed income.',
				resources: [{ id: null, type: 'employments', name: 'Freelance Consulting LLC' }],
			},
		],
	},
	report: {
		id: null,
		type: 'voai',
		file_url: null,
		json_url: null,
		configuration: {
			from_date: '2024-01-01T00:00:00Z',
			income_stream_confidence_minimum: 50,
			report_custom_fields: [{ label: 'loanID', value: '12345', shown: true }],
		},
	},
	data_source: 'banking',
};
