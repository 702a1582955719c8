/** The v2 user form: what a user entered in Link when they could not find their employer (`GET /v2/user-forms/{id}`). */
import { id, nullable, object, optional, text, timestamp } from '../fields';

export const USER_FORM = {
	id: id('The response form'),
	account: id('The account it belongs to'),
	data: object('What the user entered', {
		income_source: text('Income source (employer or platform name)'),
		payroll_provider: optional(nullable(text('Payroll provider (optional in the form)'))),
	}),
	created_at: timestamp('When it was submitted'),
	updated_at: timestamp('When it last changed'),
} as const;
