/** users.*: all data of a user's accounts is in. */
import { anyObject, id, list, nullable, object, optional, text, timestamp } from '../fields';
import { family } from './shape';

export const USERS = family({
	label: 'User',
	versions: ['v2'],
	events: {
		fully_synced: {
			when: 'All data of every account the user connected is retrieved; sent again when a later account finishes syncing',
			data: {
				user: id('The Argyle user'),
				resource: object('The user', {
					id: id('The Argyle user (older deliveries name it "user")'),
					accounts_connected: list('Accounts that finished syncing (connected or in error)', id('An account')),
					items_connected: list('Items the user connected through', text('An Item ID, e.g. item_000041078')),
					employers_connected: list('Employers the user connected', text('Employer name')),
					external_metadata: anyObject('What your system stored on the user'),
					external_id: nullable(text('Your ID for the user')),
					created_at: optional(timestamp('When the user was created')),
				}),
			},
		},
	},
});
