/** The v2 shift: one work shift of an hourly or services job (`GET /v2/shifts/{id}`). */
import { amount, anyObject, id, list, nullable, object, oneOf, text, timestamp } from '../fields';

export const WORK_STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled'] as const;

export const BREAK = object('A break', {
	break_start: timestamp('When it started'),
	break_end: timestamp('When it ended'),
});

export const SHIFT = {
	id: id('The shift'),
	account: id('The account it was retrieved through'),
	employer: text('Employer name'),
	created_at: timestamp('When Argyle first retrieved it'),
	updated_at: timestamp('When it last changed'),
	status: oneOf('Where the shift is', WORK_STATUSES),
	type: oneOf('hourly or services', ['hourly', 'services']),
	start_datetime: timestamp('When it started'),
	end_datetime: timestamp('When it ended'),
	all_datetimes: object('Start, end and breaks', {
		shift_start: timestamp('When it started'),
		shift_end: timestamp('When it ended'),
		breaks: list('Breaks ([] when none)', BREAK),
	}),
	hours: amount('Hours worked, without breaks, e.g. "7.2"'),
	timezone: text('Time zone (IANA), e.g. America/New_York'),
	location: text('Where, as an address'),
	metadata: nullable(anyObject('Other information the platform gives')),
} as const;
