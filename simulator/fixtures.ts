// Realistic Argyle objects (argyle-api.md §5-§7) with fresh uuid ids.
import { randomInt, randomUUID } from 'node:crypto';
import { makePerson } from './resources/person';
import type { AccountAvailability, AccountSeed, ArgyleAccount, ArgyleUser, UserSeed } from './types';

let microCounter = 0;

/** ISO 8601 with microseconds, like Argyle's `2025-03-18T21:10:32.226533Z`. */
export function isoNow(date: Date = new Date()): string {
	microCounter = (microCounter + 1) % 1000;
	return date.toISOString().replace(/\.(\d{3})Z$/, (_m, ms: string) => `.${ms}${String(microCounter).padStart(3, '0')}Z`);
}

export const newId = (): string => randomUUID();

/** Default `error_message` per `connection.error_code` (wording is ours; codes from the OAS enum). */
export const ERROR_MESSAGES: Readonly<Record<string, string>> = {
	account_disabled: 'The account has been suspended or disabled by the payroll platform.',
	account_inaccessible: 'Argyle is unable to access this account at the moment.',
	account_incomplete: 'The user has not completed setting up their payroll account.',
	account_nonunique: 'The provided login help details matched more than one account.',
	account_not_found: 'No account matched the provided login help details.',
	all_employers_connected: 'All employers under this login are already connected.',
	auth_method_temporarily_unavailable: 'The selected login method is temporarily unavailable.',
	auth_required: 'The account was disconnected and the user needs to log in again.',
	connection_unavailable: 'The account was unavailable when the connection was attempted.',
	credentials_managed_by_organization: 'The login is managed by the employer and is not supported.',
	existing_account_found: 'This account is already connected for the user.',
	expired_credentials: 'The payroll platform requires the user to renew their password.',
	full_auth_required: 'A full login is required to connect this account.',
	insufficient_account_data: 'The account does not have the data needed to connect.',
	invalid_account_type: 'The credentials belong to an unsupported type of account.',
	invalid_auth: 'Authentication failed.',
	invalid_credentials: 'The username or password provided is incorrect.',
	invalid_employer_identifier: 'The employer identifier provided is incorrect.',
	invalid_login_method: 'The selected login method is not supported for this account.',
	invalid_login_url: 'The login URL provided is incorrect.',
	invalid_mfa: 'This user did not provide the correct multi-factor authentication response.',
	invalid_store_identifier: 'The store or location identifier provided is incorrect.',
	known_employer_redirect: 'The user should connect through their employer instead.',
	login_attempts_exceeded: 'Too many login attempts; the payroll platform locked the account.',
	login_cancelled_by_the_user: 'The user cancelled the login.',
	login_gov_not_linked: 'The Login.gov account is not linked to the payroll platform.',
	mfa_attempts_exceeded: 'Too many multi-factor authentication attempts.',
	mfa_cancelled_by_the_user: 'The user cancelled multi-factor authentication.',
	mfa_exhausted: 'The multi-factor authentication options are exhausted.',
	mfa_not_configured: 'The payroll platform requires multi-factor authentication the user has not set up.',
	mfa_timeout: 'The user did not complete multi-factor authentication in time.',
	multi_driver_account: 'Shared driver accounts are not supported.',
	ongoing_refresh_disabled: 'Ongoing refresh was disabled for this account.',
	passkey_limit_reached: 'The payroll platform passkey limit was reached.',
	personal_data_access_not_granted: 'The user did not grant access to their personal data.',
	physical_mfa_unsupported: 'Hardware security key authentication is not supported.',
	platform_temporarily_unavailable: 'The payroll platform is temporarily unavailable.',
	platform_unavailable: 'The payroll platform is unavailable.',
	service_unavailable: 'The service is temporarily unavailable.',
	session_limit_reached: 'Too many sessions are open on the payroll platform.',
	system_error: 'An unexpected error occurred.',
	temporary_credentials: 'The user must change their temporary password first.',
	tos_required: 'The user must accept the payroll platform terms of service first.',
	trial_connections_exhausted: 'The trial connection limit has been reached.',
	trial_period_expired: 'The trial period has expired.',
	unrecognized_employer_email: 'The email address was not recognised by the employer platform.',
	unsupported_auth_type: 'This login type is not supported.',
	unsupported_business_account: 'Business accounts are not supported.',
	unsupported_language: 'The payroll platform language is not supported.',
	unsupported_mfa_method: 'The multi-factor authentication method is not supported.',
	user_action_timeout: 'The user took too long to complete a required step.',
};

export const DEFAULT_FAILED_CODE = 'invalid_credentials';

export function errorMessageFor(code: string): string {
	return ERROR_MESSAGES[code] ?? 'The account connection failed.';
}

/** A user with every personal field (argyle-objects.md §3.15; birth_date is an object). */
export function makeUser(seed: UserSeed = {}): ArgyleUser {
	const user: ArgyleUser = {
		id: newId(),
		created_at: isoNow(),
		items_connected: [],
		employers_connected: [],
		external_metadata: {},
		external_id: null,
		...makePerson(),
	};
	return { ...user, ...seed };
}

/** A user as `POST /v2/users` without personal data creates it: only these six keys. */
export function makeBareUser(): ArgyleUser {
	return { id: newId(), created_at: isoNow(), items_connected: [], employers_connected: [], external_metadata: {}, external_id: null };
}

/**
 * A realistic account with every availability null; the dataset fills availability from the data
 * it seeds (see data/seed.ts). `seed.availability` entries are applied over that.
 */
export function makeAccount(userId: string, seed: AccountSeed = {}): ArgyleAccount {
	const now = isoNow();
	const connection = {
		status: 'connected',
		error_code: null as string | null,
		error_message: null as string | null,
		updated_at: now,
		...seed.connection,
	};
	if (connection.status === 'error' && !connection.error_code) connection.error_code = DEFAULT_FAILED_CODE;
	if (connection.error_code && connection.error_message == null) connection.error_message = errorMessageFor(connection.error_code);
	const connected = connection.status === 'connected';
	const { connection: _c, direct_deposit_switch, availability, ongoing_refresh, kind: _k, ...top } = seed;
	return {
		id: newId(),
		employers: [],
		item: `item_${String(randomInt(1_000_000_000)).padStart(9, '0')}`,
		source: 'argyle_sandbox',
		created_at: now,
		updated_at: now,
		scanned_at: connected ? now : null,
		...top,
		user: userId,
		connection,
		direct_deposit_switch: { status: 'idle', error_code: null, error_message: null, updated_at: now, ...direct_deposit_switch },
		availability: { ...emptyAvailability(), ...availability },
		ongoing_refresh: { status: connected ? 'enabled' : 'idle', ...ongoing_refresh },
	};
}

export function emptyAvailability(): AccountAvailability {
	return {
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
	};
}
