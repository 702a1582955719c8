/** verifications.*: Argyle's verification products (mortgage, banking, document VOI). */
import { anyObject, id, object, optional, text, timestamp } from '../fields';
import { VERIFICATION_OBJECT } from '../objects/verification';
import { family } from './shape';

export const VERIFICATIONS = family({
	label: 'Verification',
	versions: ['v2'],
	events: {
		updated: {
			when: 'A verification became PROCESSING, PAUSED or COMPLETED (then its report can be fetched)',
			config: ['include_resource'],
			data: {
				user: id('The Argyle user'),
				verification: id('The verification'),
				resource: optional({ ...VERIFICATION_OBJECT, description: 'The verification, when Include Resource is on' }),
			},
		},
		creation_failed: {
			when: 'Argyle could not create a verification that was ordered',
			data: {
				user: id('The Argyle user'),
				context: optional(
					object('What was ordered', {
						user: optional(id('The Argyle user')),
						attempted_at: optional(timestamp('When the order was tried')),
						channel: optional(text('How it was ordered')),
						data_source: optional(text('The data source asked for')),
						report_type: optional(text('The report type asked for')),
						loan: optional(anyObject('The loan details sent with the order')),
						billing: optional(anyObject('The billing details sent with the order')),
					}),
				),
			},
		},
		connection_added: {
			when: 'A data connection was added to a verification',
			derived: true,
			data: {
				user: id('The Argyle user'),
				verification: id('The verification'),
				connection: optional(
					object('The connection', {
						id: optional(id('The connection')),
						data_source: optional(text('Where the data comes from')),
						connected_at: optional(timestamp('When it was connected')),
					}),
				),
			},
		},
	},
});
