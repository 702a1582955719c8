// Payroll documents (argyle-objects.md §3.3, example §6.3): a payout statement (PDF) per paystub, last
// year's W-2 (employers) or 1099-MISC (gig platforms) with OCR data computed from that year's
// paystubs, and the profile picture the identity's picture_url points at.
import type { DataObject, UserAddress } from '../types';
import { fileUrl, type AccountContext } from './context';
import { cents, digits, money, midnight, millis, sum } from './util';

function document(ctx: AccountContext, id: string, fields: Record<string, unknown>): DataObject {
	return {
		id,
		account: ctx.account.id,
		document_number: null,
		available_date: null,
		expiration_date: null,
		employer: ctx.employer,
		employment: ctx.employment,
		document_type: 'other',
		document_type_description: null,
		file_url: fileUrl(ctx, 'payroll-documents', id),
		created_at: millis(ctx.now),
		updated_at: millis(ctx.now),
		ocr_data: {},
		metadata: {},
		...fields,
	};
}

export const makePayoutStatement = (ctx: AccountContext, id: string, payDate: Date): DataObject =>
	document(ctx, id, { available_date: midnight(payDate), document_type: 'payout-statement' });

export const makeProfilePicture = (ctx: AccountContext, id: string): DataObject =>
	document(ctx, id, {
		available_date: midnight(new Date(ctx.now.getTime() - 30 * 86_400_000)),
		document_type: 'profile-picture',
		document_type_description: 'Profile picture',
	});

const upper = (v: string | null | undefined) => (v == null ? null : v.toUpperCase());

function parties(ctx: AccountContext, identity: DataObject) {
	const a = ctx.profile.address;
	const u = identity.address as UserAddress;
	return {
		recipient: {
			name: String(identity.full_name).toUpperCase(),
			address: { city: upper(u.city), country: null, line1: upper(u.line1), line2: null, postal_code: u.postal_code, state: u.state },
		},
		recipient_tin: `***-**-${digits(4)}`,
		payer: {
			name: ctx.employer.toUpperCase(),
			address: { city: upper(a.city), country: null, line1: upper(a.line1), line2: null, postal_code: a.postal_code, state: a.state },
		},
		payer_tin: `${digits(2)}-${digits(7)}`,
	};
}

const taxOf = (stubs: DataObject[], name: string) =>
	sum(stubs, (s) => sum((s.tax_list as Array<{ name: string; amount: string }>).filter((t) => t.name === name), (t) => cents(t.amount)));

const preTax = (s: DataObject) =>
	sum((s.deduction_list as Array<{ tax_classification: string | null; amount: string }>).filter((d) => d.tax_classification === 'pre_tax'), (d) => cents(d.amount));

/** W-2 boxes for employers, 1099-MISC for gig platforms, from the paystubs of the form's year. */
function ocrForm(ctx: AccountContext, stubs: DataObject[], identity: DataObject): Record<string, unknown> {
	const gross = sum(stubs, (s) => cents(String(s.gross_pay)));
	if (ctx.kind === 'gig') {
		return {
			...parties(ctx, identity),
			account_no: digits(10),
			rent_1: null,
			royalties_2: null,
			other_inc_3: null,
			fed_inc_4: '0.00',
			comp_7: money(gross),
			state_inc: null,
		};
	}
	const state = ctx.profile.address.state;
	return {
		...parties(ctx, identity),
		control_no_d: digits(8),
		comp_1: money(gross - sum(stubs, preTax)),
		fed_income_tax_2: money(taxOf(stubs, 'Federal Income Tax')),
		ss_wages_3: money(gross),
		ss_tax_4: money(taxOf(stubs, 'OASDI')),
		med_wages_5: money(gross),
		med_tax_6: money(taxOf(stubs, 'MEDICARE')),
		employers_state_15: state,
		state_wages_16: money(gross - sum(stubs, preTax)),
		state_income_tax_17: money(taxOf(stubs, `${state} State Income Tax`)),
	};
}

/** Last year's tax form. `stubs`: the account's paystubs paid in `year`; the recipient is the identity. */
export function makeTaxForm(ctx: AccountContext, id: string, year: number, stubs: DataObject[], identity: DataObject): DataObject {
	const gig = ctx.kind === 'gig';
	const type = gig ? '1099' : 'W-2';
	const form = ocrForm(ctx, stubs, identity);
	return document(ctx, id, {
		document_number: digits(10),
		available_date: `${year + 1}-01-31T00:00:00Z`,
		document_type: type,
		document_type_description: `${type} Form ${year}`,
		ocr_data: {
			form_type: gig ? '1099-MISC' : 'W-2',
			omb_no: gig ? '1545-0115' : '1545-0008',
			year: String(year),
			form,
			warnings: [],
			confidence: 'EXACT_MATCH',
			ocr_page_count: 1,
		},
	});
}
