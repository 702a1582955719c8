/** The v2 account object (`GET /v2/accounts/{id}`, and `resource` in account events). */
import { id, integer, list, nullable, object, oneOf, optional, text, timestamp } from '../fields';

const availability = (dataSet: string) =>
	nullable(
		object(`Sync state of the account's ${dataSet}; null when the platform has none`, {
			status: oneOf('Sync state', ['in_progress', 'synced', 'sync_failed']),
			updated_at: nullable(timestamp('When the state last changed')),
			available_count: optional(integer('How many items are available')),
			available_from: optional(nullable(timestamp('Date of the oldest item'))),
			available_to: optional(nullable(timestamp('Date of the newest item'))),
			files_count: optional(integer('How many files are available')),
			in_progress_count: optional(integer('How many items are still being retrieved')),
		}),
	);

export const CONNECTION = object('The state of the connection to the payroll platform', {
	status: oneOf('connecting, connected, or error (then see error_code; refreshes are paused)', [
		'connecting',
		'connected',
		'error',
	]),
	error_code: nullable(text('A connection error code, e.g. auth_required')),
	error_message: nullable(text("Argyle's explanation of the error")),
	updated_at: nullable(timestamp('When the connection state last changed')),
});

export const ACCOUNT = {
	id: id('The account'),
	user: id('The Argyle user the account belongs to'),
	employers: list('Employers reached through this login (usually one)', text('Employer name')),
	item: text('The Link Item (employer or platform) the user connected, e.g. item_000000001'),
	source: text('The payroll data source, e.g. adp or argyle_sandbox'),
	created_at: timestamp('When the user submitted credentials'),
	updated_at: timestamp('When the account last changed'),
	scanned_at: nullable(timestamp('When data was last retrieved; null if it never connected')),
	connection: CONNECTION,
	direct_deposit_switch: object('The state of the latest direct deposit switch', {
		status: oneOf('Where the switch is', [
			'idle',
			'awaiting_confirmation',
			'awaiting_user_action',
			'awaiting_connection',
			'scanning',
			'updating',
			'success',
			'error',
		]),
		error_code: nullable(text('A direct deposit switch error code')),
		error_message: nullable(text("Argyle's explanation of the error")),
		updated_at: nullable(timestamp('When the switch state last changed')),
	}),
	availability: object('Sync state per data set', {
		shifts: availability('shifts'),
		gigs: availability('gigs'),
		paystubs: availability('paystubs'),
		payroll_documents: availability('payroll documents'),
		identities: availability('identities'),
		ratings: availability('ratings'),
		vehicles: availability('vehicles'),
		deposit_destinations: availability('deposit destinations'),
		user_forms: availability('user forms'),
		user_uploads: availability('user uploads'),
	}),
	ongoing_refresh: object('Whether Argyle keeps the data up to date', {
		status: oneOf('enabled, disabled (through the API), or idle (never connected)', ['enabled', 'disabled', 'idle']),
	}),
} as const;

export const ACCOUNT_OBJECT = object('The full account object', ACCOUNT);
