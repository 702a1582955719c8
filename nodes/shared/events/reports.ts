/** reports.*: a payroll report (VOE, VOIE) can be generated, or was. */
import { id, list, nullable, object, optional, text, timestamp } from '../fields';
import { family } from './shape';

const REPORT_ACCOUNTS = list(
	'Connected accounts and when each was last synced; compare with the accounts you expect before generating',
	object('An account', { id: id('The account'), last_synced_at: nullable(timestamp('When its data was last retrieved')) }),
);

export const REPORTS = family({
	label: 'Report',
	versions: ['v2'],
	events: {
		ready: {
			when: 'Enough data is in to generate a report; again after a reconnection and for each connected account',
			data: {
				user: id('The Argyle user'),
				external_id: optional(nullable(text('Your ID for the user (older deliveries)'))),
				accounts: optional(REPORT_ACCOUNTS),
				resource: optional(
					object('What the report would cover', {
						user: id('The Argyle user'),
						external_id: nullable(text('Your ID for the user')),
						accounts: REPORT_ACCOUNTS,
						documents: list('Uploaded documents it would include', id('A document')),
					}),
				),
			},
		},
		generated: {
			when: 'A report was generated and can be fetched',
			data: {
				user: id('The Argyle user'),
				type: text('The report type, e.g. voie'),
				report: optional(id('The report')),
			},
		},
	},
});
