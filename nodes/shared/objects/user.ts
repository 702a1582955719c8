/** The v2 user (`GET /v2/users/{id}`). Users created without personal data have only the first six keys. */
import { anyObject, id, integer, list, nullable, object, optional, text, timestamp } from '../fields';
import { ADDRESS } from './address';

export const USER = {
	id: id('The Argyle user'),
	created_at: timestamp('When the user was created'),
	items_connected: list('Items the user connected through', text('An Item ID, e.g. item_000041078')),
	employers_connected: list('Employers the user connected', text('Employer name')),
	external_metadata: anyObject('What your system stored on the user (merged on update)'),
	external_id: nullable(text('Your ID for the user (up to 100 characters, not unique)')),
	first_name: optional(nullable(text('First name'))),
	last_name: optional(nullable(text('Last name'))),
	email: optional(nullable(text('Email address'))),
	phone_number: optional(nullable(text('Phone number (E.164)'))),
	ssn: optional(nullable(text('Social Security number'))),
	address: optional(nullable(ADDRESS)),
	birth_date: optional(
		nullable(object('Date of birth', { year: integer('Year'), month: integer('Month (1-12)'), day: integer('Day (1-31)') })),
	),
} as const;
