/** The v2 payroll document: a W-2, 1099, payout statement, … from the payroll system (`GET /v2/payroll-documents/{id}`). */
import { anyObject, id, integer, list, nullable, number, object, oneOf, optional, text, timestamp, url } from '../fields';
import { ADDRESS } from './address';

const PARTY = (who: string) =>
	optional(
		object(`The ${who}`, {
			name: nullable(text('Name')),
			address: nullable(ADDRESS),
		}),
	);

/** Argyle's OCR of a W-2 or 1099; `{}` for other documents, so every key may be missing. */
const OCR_DATA = object('What OCR read from a W-2 or 1099 ({} for other documents)', {
	form_type: optional(
		oneOf('The form', ['W-2', 'W-2c', '1099-NEC', '1099-SSA', '1099-MISC', '1099-INT', '1099-R', '1099-G', '1099-K']),
	),
	omb_no: optional(text('OMB number, e.g. 1545-0115')),
	year: optional(text('Tax year, e.g. "2020"')),
	form: optional(
		object("The form's boxes: the parties below, then the form's own box keys (e.g. comp_1, rent_1)", {
			recipient: PARTY('recipient'),
			recipient_tin: optional(nullable(text("Recipient's TIN"))),
			payer: PARTY('payer'),
			payer_tin: optional(nullable(text("Payer's TIN"))),
		}),
	),
	warnings: optional(
		list(
			'Fields OCR could not read well',
			object('A warning', {
				field_name: text('The box, e.g. rent_1'),
				message: text('What is wrong, e.g. "rent_1 value empty/bad format"'),
				severity: number('0, 0.5 or 1'),
			}),
		),
	),
	confidence: optional(oneOf('How well OCR matched', ['EXACT_MATCH', 'HIGH', 'MEDIUM', 'LOW', 'NO_MATCH'])),
	ocr_page_count: optional(integer('Pages read')),
	error: optional(
		nullable(
			oneOf('Why OCR failed', [
				'invalid_document',
				'type_mismatch',
				'unrecognized_document_type',
				'unsupported_document_type',
				'unsupported_document_subtype',
				'unknown',
			]),
		),
	),
});

export const PAYROLL_DOCUMENT = {
	id: id('The payroll document (also the payroll_document of its paystub)'),
	account: id('The account it was retrieved through'),
	document_number: nullable(text('The number printed on the document')),
	available_date: timestamp('When it became available on the payroll system'),
	expiration_date: nullable(timestamp("When it expires, e.g. a driver's license")),
	employer: text('Employer name'),
	employment: id('The employment'),
	document_type: oneOf('The kind of document (the most common ones; others occur)', [
		'payout-statement',
		'W-2',
		'W-4',
		'W-9',
		'1095',
		'1095-C',
		'1099',
		'profile-picture',
		'drivers-license',
		'vehicle-insurance',
		'vehicle-registration',
		'vehicle-inspection',
		'other',
	]),
	document_type_description: nullable(text("The platform's name for it, e.g. 1099 Form 2020")),
	file_url: url('The file; redirects to a download that needs the API key'),
	created_at: timestamp('When Argyle first retrieved it'),
	updated_at: timestamp('When it last changed'),
	ocr_data: OCR_DATA,
	metadata: nullable(anyObject('Other information the platform gives')),
} as const;
