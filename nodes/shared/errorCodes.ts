/**
 * Argyle's error codes, each with a short meaning: the trigger's filters list them, the event
 * types use them, and unknown codes pass through untouched (Argyle adds codes without notice).
 */
import { titleFromSnake } from './labels';

/**
 * `connection.error_code` values (Argyle OpenAPI v1.0.111, 51 codes), with a short meaning.
 * Only errors from a live Link attempt fire `accounts.failed`; errors found later during a
 * refresh (typically `auth_required`) arrive as `accounts.updated` with `connection.status = error`.
 */
export const CONNECTION_ERROR_CODES = {
	account_disabled: "The payroll platform suspended or disabled the user's account",
	account_inaccessible: 'Argyle unexpectedly cannot access the account and is investigating',
	account_incomplete: 'The user has not finished setting up their payroll account',
	account_nonunique: 'The login help details matched several platform records',
	account_not_found: 'The login help details matched no platform record',
	all_employers_connected: 'Every employer under this login is already connected',
	auth_method_temporarily_unavailable: 'The chosen login method is down for now',
	auth_required: 'A previously connected account disconnected and needs the user to log in again',
	connection_unavailable: 'A new connection attempt failed because the account was unavailable',
	credentials_managed_by_organization: 'The login is managed by the employer and is not supported',
	existing_account_found: 'This account is already connected for the user',
	expired_credentials: 'The platform requires the user to renew their password',
	full_auth_required: 'A full login, not a shortcut, is needed',
	insufficient_account_data: 'The account lacks data needed to connect',
	invalid_account_type: 'The credentials are for the wrong kind of account, e.g. not an employee login',
	invalid_auth: 'Authentication failed for a reason other than the password',
	invalid_credentials: 'Wrong username or password',
	invalid_employer_identifier: 'Wrong employer ID or code',
	invalid_login_method: 'An unsupported or wrong login method was chosen',
	invalid_login_url: 'Wrong login URL or tenant',
	invalid_mfa: 'Wrong multi-factor authentication answer',
	invalid_store_identifier: 'Wrong store or location ID',
	known_employer_redirect: 'The user should connect through a specific employer Item instead',
	login_attempts_exceeded: 'Too many login attempts; the platform locked the login',
	login_cancelled_by_the_user: 'The user abandoned the login',
	login_gov_not_linked: 'The Login.gov account is not linked to the platform',
	mfa_attempts_exceeded: 'Too many multi-factor authentication attempts',
	mfa_cancelled_by_the_user: 'The user abandoned multi-factor authentication',
	mfa_exhausted: 'Multi-factor authentication codes or options are used up',
	mfa_not_configured: 'The platform requires multi-factor authentication the user has not set up',
	mfa_timeout: 'Multi-factor authentication was not completed in time',
	multi_driver_account: 'Shared or fleet driver accounts are not supported',
	ongoing_refresh_disabled: 'Ongoing refresh was disabled through the API',
	passkey_limit_reached: "The platform's passkey limit was reached",
	personal_data_access_not_granted: 'The user did not grant data-access consent on the platform',
	physical_mfa_unsupported: 'Hardware-key multi-factor authentication is not supported',
	platform_temporarily_unavailable: 'The payroll platform is temporarily down',
	platform_unavailable: 'The payroll platform is unsupported or unavailable',
	service_unavailable: 'Argyle-side service outage',
	session_limit_reached: 'Too many concurrent sessions on the platform',
	system_error: 'Unexpected Argyle error',
	temporary_credentials: 'A temporary password must be changed first',
	tos_required: "The user must accept the platform's terms first",
	trial_connections_exhausted: "The client's trial connection quota is used up",
	trial_period_expired: "The client's trial has ended",
	unrecognized_employer_email: 'The email is not recognised by the employer platform',
	unsupported_auth_type: 'The login type is not supported',
	unsupported_business_account: 'Business (not employee) accounts are not supported',
	unsupported_language: "The platform's interface language is not supported",
	unsupported_mfa_method: "The user's multi-factor authentication method is not supported",
	user_action_timeout: 'The user took too long on a required step',
} as const;

export type KnownConnectionErrorCode = keyof typeof CONNECTION_ERROR_CODES;

/** Argyle adds codes without notice: an unknown code is kept as it is. */
export type ConnectionErrorCode = KnownConnectionErrorCode | (string & {});

/** `invalid_mfa` → `Invalid MFA`: the option label n8n shows for a code. */
export const errorCodeDisplayName = titleFromSnake;

/**
 * `error_code` of Direct Deposit Switch: Failed, with a short meaning: the 23 codes of the OpenAPI
 * enum (`direct_deposit_switch.error_code`, v1.0.111), which gives no per-code text, plus the codes of
 * docs.argyle.com's deposit switch error page. Meanings read the code literally unless Argyle
 * words it (confirmation_timeout).
 */
export const DEPOSIT_SWITCH_ERROR_CODES = {
	account_blocked: 'The target bank account is blocked',
	account_closed: 'The target bank account is closed',
	account_disconnected: 'The payroll account disconnected before the switch was made',
	account_invalid: 'The target bank account is not valid',
	bank_and_card_update_failed: 'Neither the bank account nor the card update went through',
	card_update_failed: 'The card update did not go through',
	confirmation_expired: "The user's confirmation expired before the switch was made",
	confirmation_invalid: "The user's confirmation was not valid",
	confirmation_timeout: 'The user did not confirm the deposit switch in Link in time',
	deposit_account_mismatch: 'The deposit account does not match the one requested',
	deposit_destination_unsupported: 'The payroll platform does not support this kind of deposit destination',
	employer_account_blocked: 'The account at the employer is blocked',
	employer_account_closed: 'The account at the employer is closed',
	employer_account_invalid: 'The account at the employer is not valid',
	employer_confirmation_invalid: "The employer's confirmation was not valid",
	employer_unsupported: 'The employer does not support deposit switches',
	incompatible_auth: 'The login method does not allow deposit switches',
	incompatible_config: 'The requested allocation is not possible on this platform',
	internal_server_error: 'Argyle-side error during the switch',
	invalid_account_state: 'The payroll account is not in a state that allows a switch',
	invalid_request: 'The switch request was not valid',
	item_invalid: 'The Item does not allow this switch',
	name_mismatch: "The bank account holder's name does not match the employee's",
	payroll_account_mismatch: 'The payroll account does not match the one requested',
	temporarily_unavailable: 'Deposit switches are unavailable for now; try again later',
	terminate_flow: 'The switch flow was ended',
	unauthorized: 'The platform refused the switch',
	unexpected: 'Unexpected error during the switch',
	user_input_required: 'The user must act in Link before the switch can finish',
} as const;

export type KnownDepositSwitchErrorCode = keyof typeof DEPOSIT_SWITCH_ERROR_CODES;
