/**
 * Families whose events each name one object of an account (an identity, a vehicle, …): `data` is
 * the account, the user and that object's ID, to fetch with the Argyle node. The research marks
 * events known only from third-party specs as derived.
 */
import { id } from '../fields';
import { ACCOUNT_AND_USER, family } from './shape';

const naming = <const K extends string>(idKey: K, what: string) =>
	({ ...ACCOUNT_AND_USER, [idKey]: id(`The ${what}; fetch it with the Argyle node`) }) as typeof ACCOUNT_AND_USER & {
		readonly [P in K]: ReturnType<typeof id>;
	};

const IDENTITY = naming('identity', 'identity');
const PAYROLL_DOCUMENT = naming('payroll_document', 'payroll document');
const DEPOSIT_DESTINATION = naming('deposit_destination', 'deposit destination');
const VEHICLE = naming('vehicle', 'vehicle');
const RATING = naming('rating', 'ratings object');
const USER_UPLOAD = naming('user_upload', 'uploaded document');
const USER_FORM = naming('user_form', 'response form');

export const IDENTITIES = family({
	label: 'Identity',
	versions: ['v2'],
	events: {
		added: { when: 'A new identity (name, contact, employment details) was retrieved, usually during the first sync', data: IDENTITY },
		updated: { when: 'Any property of an identity changed, e.g. its employment_status', data: IDENTITY },
	},
});

export const PAYROLL_DOCUMENTS = family({
	label: 'Payroll Document',
	versions: ['v2'],
	events: {
		added: { when: 'A new payroll document (W-2, 1099, payout statement, …) was retrieved', data: PAYROLL_DOCUMENT },
		updated: { when: 'A payroll document changed during a data refresh', data: PAYROLL_DOCUMENT },
		removed: { when: 'A payroll document is gone from the platform at a refresh', data: PAYROLL_DOCUMENT, derived: true },
		ocr_completed: { when: "Argyle's OCR of a W-2 or 1099 finished", data: PAYROLL_DOCUMENT, derived: true },
		ocr_failed: { when: "Argyle's OCR of a W-2 or 1099 failed", data: PAYROLL_DOCUMENT, derived: true },
	},
});

export const DEPOSIT_DESTINATIONS = family({
	label: 'Deposit Destination',
	versions: ['v2'],
	events: {
		added: {
			when: 'A bank account or card receiving pay was found (first sync), added by the user, or added by a deposit switch',
			data: DEPOSIT_DESTINATION,
		},
		updated: { when: "A deposit destination's settings changed, by the user or a deposit switch", data: DEPOSIT_DESTINATION },
		removed: { when: 'A deposit destination was removed', data: DEPOSIT_DESTINATION, derived: true },
	},
});

export const VEHICLES = family({
	label: 'Vehicle',
	versions: ['v2'],
	events: {
		added: { when: 'A new vehicle was found, during the first sync or a refresh', data: VEHICLE },
		updated: { when: 'Any property of a vehicle changed', data: VEHICLE },
		removed: { when: 'A vehicle was not found at a refresh (not sent when the account is deleted)', data: VEHICLE },
	},
});

export const RATINGS = family({
	label: 'Rating',
	versions: ['v2'],
	events: {
		added: { when: "A new ratings object (rating, acceptance and on-time rates) was retrieved for the user", data: RATING },
		updated: { when: 'Any property of a ratings object changed', data: RATING },
	},
});

export const USER_UPLOADS = family({
	label: 'User Upload',
	versions: ['v2'],
	events: {
		added: { when: 'The user uploaded a document (the first set after Submit in Link, later ones each time)', data: USER_UPLOAD },
		removed: { when: 'The user deleted an upload in Link, or the account was deleted', data: USER_UPLOAD },
		ocr_completed: { when: 'OCR data (Ocrolus) is available for an uploaded W-2, 1099 or paystub', data: USER_UPLOAD },
		ocr_failed: { when: 'OCR of an uploaded document failed (see ocr_data.error on the upload)', data: USER_UPLOAD },
		ocr_authenticity: { when: 'Authenticity data (Ocrolus) is available for an uploaded document', data: USER_UPLOAD },
	},
});

export const USER_FORMS = family({
	label: 'User Form',
	versions: ['v2'],
	events: {
		submitted: { when: 'The user submitted a response form because they could not find their employer', data: USER_FORM },
		removed: { when: 'A response form was removed, which happens when its account is deleted', data: USER_FORM },
	},
});
