/** A verification (mortgage, banking and document verifications; `GET /v2/verifications/{id}`). */
import { date, flag, id, integer, list, nullable, object, oneOf, optional, text, timestamp, url } from '../fields';

export const VERIFICATION_STATES = ['PENDING', 'PROCESSING', 'PAUSED', 'CANCELLED', 'COMPLETED'] as const;

export const VERIFICATION_CODES = [
	'pending',
	'invite_sent',
	'user_session_started',
	'authenticated',
	'documents_processing',
	'report_available',
	'waiting_on_third_party',
	'report_generating',
	'awaiting_certification',
	'connection_attempted',
	'more_data_required',
	'syncing_error',
	'cancelled_by_client',
	'system_error',
	'argyle_timeout',
	'completed',
	'completed_with_errors',
] as const;

/** What Get Many's Report Type filter takes; a verification's report may also be voie-government. */
export const VERIFICATION_REPORT_TYPES = ['voie', 'voe', 'voa', 'voi', 'voai', 'voe-transactions', 'doc-voi-mortgage'] as const;

export const VERIFICATION = {
	id: id('The verification'),
	user: id('The Argyle user'),
	created_at: timestamp('When it was ordered'),
	updated_at: timestamp('When it last changed'),
	channel: optional(oneOf('How it was ordered', ['api', 'encompass'])),
	status: object('Where the verification is', {
		state: oneOf('The state', VERIFICATION_STATES),
		code: nullable(oneOf('Why it is in that state', VERIFICATION_CODES)),
		errors: list(
			'Problems found',
			object('A problem', {
				code: text('e.g. self-employed_income'),
				title: text('e.g. Self-employed income'),
				message: text('What it means'),
				resources: list(
					'What it concerns',
					object('A resource', { id: nullable(text('Its ID')), type: text('e.g. employments'), name: text('Its name') }),
				),
			}),
		),
	}),
	report: nullable(
		object('The report, once the verification is COMPLETED', {
			id: nullable(id('The report')),
			type: nullable(oneOf('The report type', [...VERIFICATION_REPORT_TYPES, 'voie-government'])),
			self_certification: optional(nullable(flag('Whether the user certifies the data (voie-government only)'))),
			file_url: nullable(url('The PDF (needs the API key)')),
			json_url: nullable(url('The report as JSON (needs the API key)')),
			configuration: optional(
				object('Banking report settings', {
					bank_accounts: optional(list('Bank accounts included', text('A bank account ID'))),
					from_date: optional(timestamp('Transactions from')),
					income_from_date: optional(timestamp('Income from')),
					income_stream_confidence_minimum: optional(integer('Minimum income stream confidence, 0 to 100')),
					report_custom_fields: optional(
						list(
							'Custom fields on the report (at most 5)',
							object('A custom field', { label: text('Label'), value: text('Value'), shown: flag('Whether it is shown') }),
						),
					),
				}),
			),
		}),
	),
	employments: optional(
		list(
			'Employments the user declared (document verifications; [] otherwise)',
			object('An employment', {
				employer: text('Employer name'),
				status: oneOf('active or previous', ['active', 'previous']),
				hire_date: date('Hire date'),
				termination_date: nullable(date('Termination date')),
			}),
		),
	),
	loan: optional(
		nullable(
			object('The loan the verification is for', {
				number: text('Loan number'),
				borrower_id: text('Borrower ID'),
				application_id: text('Application ID'),
				officer_email: text("Loan officer's email"),
				division: oneOf('wholesale or retail', ['wholesale', 'retail']),
			}),
		),
	),
	billing: optional(nullable(object('Billing details', { cost_center: text('Cost center') }))),
	configuration: optional(
		nullable(
			object('Notification settings', {
				notified_recipients: nullable(list('Who is emailed about it', text('An email address'))),
			}),
		),
	),
	data_source: optional(nullable(oneOf('Where the data comes from', ['payroll', 'banking', 'documents']))),
} as const;

export const VERIFICATION_OBJECT = object('The verification', VERIFICATION);
