/**
 * The one catalogue of Argyle account events and connection error codes.
 * It feeds the node's option lists and the payload types, so a code added here
 * shows up in the UI and in TypeScript at once. Descriptions paraphrase Argyle's docs
 * (account webhooks and "Account connection errors").
 */

export const API_VERSIONS = ['v2', 'v1'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

interface EventEntry {
	readonly displayName: string;
	readonly description: string;
	/** API versions that know the event. */
	readonly versions: readonly ApiVersion[];
}

export const ACCOUNT_EVENTS = {
	'accounts.added': {
		displayName: 'Account Added',
		description:
			'The user submitted credentials in Link; the account exists whatever the outcome of the login',
		versions: ['v2', 'v1'],
	},
	'accounts.updated': {
		displayName: 'Account Updated',
		description:
			'Any property of the account changed; frequent during the first sync and sent with every connected or failed',
		versions: ['v2', 'v1'],
	},
	'accounts.connected': {
		displayName: 'Account Connected',
		description:
			'The credentials authenticated and the connection succeeded, also after a successful re-authentication',
		versions: ['v2', 'v1'],
	},
	'accounts.failed': {
		displayName: 'Account Failed',
		description:
			'Login, re-authentication or MFA failed during a Link attempt; carries error_code and error_message',
		versions: ['v2', 'v1'],
	},
	'accounts.removed': {
		displayName: 'Account Removed',
		description:
			'The user revoked access or the account was deleted, including through the API; its data is gone',
		versions: ['v2', 'v1'],
	},
	'accounts.pay_distribution_updated': {
		displayName: 'Pay Distribution Updated (Legacy V1)',
		description: "The account's pay distribution (direct deposit allocations) changed",
		versions: ['v1'],
	},
	'accounts.pay_distribution_failed': {
		displayName: 'Pay Distribution Failed (Legacy V1)',
		description: 'A pay distribution update requested through Link failed',
		versions: ['v1'],
	},
} as const satisfies Record<string, EventEntry>;

export type KnownAccountEvent = keyof typeof ACCOUNT_EVENTS;

/** Argyle adds events without notice: an unknown name is kept as it is. */
export type AccountEventName = KnownAccountEvent | (string & {});

export function eventsForVersion(version: ApiVersion): KnownAccountEvent[] {
	return (Object.keys(ACCOUNT_EVENTS) as KnownAccountEvent[]).filter((event) =>
		(ACCOUNT_EVENTS[event].versions as readonly ApiVersion[]).includes(version),
	);
}

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

const ACRONYMS: Record<string, string> = { mfa: 'MFA', url: 'URL', tos: 'TOS', gov: 'Gov' };

/** `invalid_mfa` → `Invalid MFA`: the option label n8n shows for a code. */
export function errorCodeDisplayName(code: string): string {
	return code
		.split('_')
		.map((word) => ACRONYMS[word] ?? word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}
