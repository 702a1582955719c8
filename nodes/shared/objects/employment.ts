/** The v2 employment: one job of a user, the key that ties identities, paystubs and documents together (`GET /v2/employments`). */
import { id, oneOf, text, timestamp } from '../fields';
import { EMPLOYMENT_STATUSES } from './identity';

export const EMPLOYMENT = {
	id: id('The employment; usable as a filter for identities, paystubs and payroll documents'),
	account: id('The account it was retrieved through'),
	user: id('The Argyle user'),
	created_at: timestamp('When Argyle found it'),
	employer: text('Employer name (from the most recent paystub)'),
	employment_status: oneOf('Employment status', EMPLOYMENT_STATUSES),
	origin: oneOf('retrieved (the payroll system defines it) or acquired (derived from paystubs)', ['retrieved', 'acquired']),
} as const;
