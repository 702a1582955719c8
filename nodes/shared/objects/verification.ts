/** A verification (mortgage, banking and document verifications; `GET /v2/verifications/{id}`). */
import { anyObject, id, list, nullable, object, oneOf, optional, text, timestamp, url } from '../fields';

export const VERIFICATION = {
	id: id('The verification'),
	user: id('The Argyle user'),
	created_at: timestamp('When it was ordered'),
	updated_at: timestamp('When it last changed'),
	channel: optional(text('How it was ordered, e.g. api or console')),
	status: object('Where the verification is', {
		state: oneOf('The state', ['PENDING', 'PROCESSING', 'PAUSED', 'CANCELLED', 'COMPLETED']),
		code: nullable(text('Why it is in that state')),
		errors: list('Problems found', anyObject('A problem')),
	}),
	report: nullable(
		object('The report, once the verification is COMPLETED', {
			id: nullable(id('The report')),
			type: nullable(text('The report type, e.g. voie')),
			file_url: nullable(url('The PDF (needs the API key)')),
			json_url: nullable(url('The report as JSON (needs the API key)')),
		}),
	),
	employments: optional(list('Employments the verification covers', anyObject('An employment'))),
	loan: optional(nullable(anyObject('The loan the verification is for'))),
	billing: optional(nullable(anyObject('Billing details, e.g. cost_center'))),
	data_source: optional(nullable(text('Where the data came from, e.g. payroll'))),
} as const;

export const VERIFICATION_OBJECT = object('The verification', VERIFICATION);
