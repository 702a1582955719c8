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

/**
 * Box values as OCR read them: decimal strings for money, text otherwise, null when the box is
 * empty. Argyle does not document their types (the spec's example has nulls); this is what fits.
 */
const box = (description: string) => optional(nullable(text(description)));

const boxes = <const K extends string>(keys: readonly K[], form: string) =>
	Object.fromEntries(keys.map((key) => [key, box(`${form} box ${key}`)])) as { readonly [P in K]: ReturnType<typeof box> };

const W2_BOXES = boxes(
	[
		'control_no_d', 'comp_1', 'fed_income_tax_2', 'ss_wages_3', 'ss_tax_4', 'med_wages_5', 'med_tax_6', 'ss_tips_7',
		'tips_8', 'verification_9', 'benefits_10', 'nonqualified_11', 'uncollected_ss_RRTA_12a', 'uncollected_med_tax_12b',
		'insurance_12c', 'plan_401k_12d', 'other_14', 'employers_state_15', 'state_wages_16', 'state_income_tax_17',
		'local_wages_18', 'local_income_tax_19', 'locality_name_20',
	],
	'W-2',
);

const MISC_1099_BOXES = boxes(
	[
		'account_no', 'rent_1', 'royalties_2', 'other_inc_3', 'fed_inc_4', 'fishing_5', 'med_care_6', 'comp_7',
		'crop_insurance_10', 'golden_parachute_13', 'gross_attorney_14', 'sec_409a_defer_15a', 'sec_409a_inc_15b',
		'state_tax_16', 'state_no_17', 'state_inc',
	],
	'1099-MISC',
);

/** Argyle's OCR of a W-2 or 1099; `{}` for other documents, so every key may be missing. */
const OCR_DATA = object('What OCR read from a W-2 or 1099 ({} for other documents)', {
	form_type: optional(
		oneOf('The form', ['W-2', 'W-2c', '1099-NEC', '1099-SSA', '1099-MISC', '1099-INT', '1099-R', '1099-G', '1099-K']),
	),
	omb_no: optional(text('OMB number, e.g. 1545-0115')),
	year: optional(text('Tax year, e.g. "2020"')),
	form: optional(
		object("The form's parties and boxes (W-2 and 1099-MISC keys; other 1099s pass through)", {
			recipient: PARTY('recipient'),
			recipient_tin: optional(nullable(text("Recipient's TIN"))),
			payer: PARTY('payer'),
			payer_tin: optional(nullable(text("Payer's TIN"))),
			...W2_BOXES,
			...MISC_1099_BOXES,
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
