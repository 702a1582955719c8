/**
 * For each event family, the Argyle node operation that fetches what the event is about, with the
 * expression that takes the ID from the trigger's item. The docs' event table shows it.
 */
import type { FamilyName } from '../../nodes/shared/catalogue';

export const FETCH_WITH: Record<FamilyName, string> = {
	users: 'User: Get with User ID `{{ $json.user }}`',
	accounts: 'Account: Get with Account ID `{{ $json.account }}` (or turn on Include Resource)',
	items: 'Item: Get with Item ID `{{ $json.item }}`',
	identities: 'Identity: Get with Identity ID `{{ $json.identity }}`',
	paystubs: 'Paystub: Get Many with the filter Account `{{ $json.account }}` (and the added or updated date range)',
	payroll_documents: 'Payroll Document: Get with `{{ $json.payroll_document }}`, or Download File for the PDF',
	deposit_destinations: 'Deposit Destination: Get with `{{ $json.deposit_destination }}`',
	direct_deposit_switches: 'Deposit Destination: Get with `{{ $json.deposit_destination }}`, Account: Get with `{{ $json.account }}`',
	shifts: 'Shift: Get Many with the filter Account `{{ $json.account }}`',
	gigs: 'Gig: Get Many with the filter Account `{{ $json.account }}`',
	vehicles: 'Vehicle: Get with `{{ $json.vehicle }}`',
	ratings: 'Rating: Get with `{{ $json.rating }}`',
	reports: 'Report: Get Many with the filter User `{{ $json.user }}`, then Report: Download',
	user_uploads: 'User Upload: Get with `{{ $json.user_upload }}`, or Download File',
	user_forms: 'User Form: Get with `{{ $json.user_form }}`',
	verifications: 'Verification: Get with `{{ $json.verification }}`',
};
