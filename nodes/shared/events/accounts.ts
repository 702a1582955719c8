/** accounts.*: a payroll login's lifecycle (argyle-api.md §4), v2 and the legacy v1 API. */
import { CONNECTION_ERROR_CODES } from '../errorCodes';
import { oneOf, optional, text } from '../fields';
import { ACCOUNT_OBJECT } from '../objects/account';
import { ACCOUNT_AND_USER, family } from './shape';

const WITH_RESOURCE = {
	...ACCOUNT_AND_USER,
	resource: optional({ ...ACCOUNT_OBJECT, description: 'The full account object, when Include Resource is on' }),
} as const;

const FAILURE = {
	error_code: oneOf('The connection error code', Object.keys(CONNECTION_ERROR_CODES) as Array<keyof typeof CONNECTION_ERROR_CODES>),
	error_message: text("Argyle's explanation of the error"),
} as const;

export const ACCOUNTS = family({
	label: 'Account',
	versions: ['v2', 'v1'],
	events: {
		added: {
			when: 'The user submitted credentials in Link; the account exists whatever the outcome of the login',
			data: WITH_RESOURCE,
			config: ['include_resource'],
		},
		updated: {
			when: 'Any property of the account changed; frequent during the first sync, sent with every connected or failed, and the only event for a disconnection',
			data: WITH_RESOURCE,
			config: ['include_resource'],
		},
		connected: {
			when: 'The credentials authenticated and the connection succeeded, also after a successful re-authentication',
			data: WITH_RESOURCE,
			config: ['include_resource'],
		},
		failed: {
			when: 'Login, re-authentication or MFA failed during a Link attempt; carries error_code and error_message',
			data: { ...WITH_RESOURCE, ...FAILURE },
			config: ['include_resource'],
		},
		removed: {
			when: 'The user revoked access or the account was deleted, including through the API; its data is gone',
			data: ACCOUNT_AND_USER,
		},
		pay_distribution_updated: {
			when: "Legacy V1: the account's pay distribution (direct deposit allocations) changed",
			data: WITH_RESOURCE,
			config: ['include_resource'],
			versions: ['v1'],
		},
		pay_distribution_failed: {
			when: 'Legacy V1: a pay distribution update requested through Link failed',
			data: {
				...WITH_RESOURCE,
				error_code: optional(text('The pay distribution error code')),
				error_message: optional(text("Argyle's explanation of the error")),
			},
			config: ['include_resource'],
			versions: ['v1'],
		},
	},
});
