/** The v2 paystub: one pay statement with its itemized pay, taxes and deductions (`GET /v2/paystubs/{id}`). */
import { amount, anyObject, date, id, list, nullable, object, oneOf, text, timestamp } from '../fields';
import { ADDRESS } from './address';

const GROSS_PAY_TOTAL = nullable(
	object('A total over the gross pay lines of this kind; null when there are none', {
		amount: nullable(amount('Amount this period')),
		amount_ytd: nullable(amount('Amount year to date')),
		hours: nullable(amount('Hours this period (4 decimals)')),
		hours_ytd: nullable(amount('Hours year to date')),
		rate_implied: nullable(amount('Amount divided by hours')),
		rate_implied_ytd: nullable(amount('Year-to-date amount divided by year-to-date hours')),
	}),
);

export const PAYSTUB = {
	id: id('The paystub'),
	account: id('The account it was retrieved through'),
	payroll_document: nullable(id('The payroll document (PDF) of this paystub')),
	deduction_list: list(
		'Itemized deductions',
		object('A deduction', {
			amount: amount('Amount this period'),
			name: text('Name, e.g. 401K or Dental'),
			tax_classification: nullable(oneOf('Before or after tax', ['pre_tax', 'post_tax'])),
			amount_ytd: amount('Amount year to date'),
		}),
	),
	filing_status: list(
		'Tax filing statuses',
		object('A filing status', {
			type: oneOf('Level', ['federal', 'state', 'local']),
			location: nullable(text('State or locality (null for federal), e.g. NY')),
			status: text('Status as printed, e.g. married filing separately'),
		}),
	),
	tax_list: list(
		'Itemized taxes',
		object('A tax', {
			amount: amount('Amount this period'),
			name: text('Name, e.g. Federal Income Tax or MEDICARE'),
			type: oneOf('Kind of tax', ['federal', 'state', 'local', 'fica', 'other']),
			amount_ytd: amount('Amount year to date'),
		}),
	),
	status: oneOf('completed (paid), scheduled, cancelled, or excluded (a test or sample stub)', [
		'completed',
		'scheduled',
		'cancelled',
		'excluded',
	]),
	paystub_date: timestamp('Pay date (midnight UTC)'),
	paystub_period: object('The pay period', {
		start_date: timestamp('First day (midnight UTC)'),
		end_date: timestamp('Last day (midnight UTC)'),
	}),
	currency: text('Currency (ISO 4217), e.g. USD'),
	gross_pay: amount('Gross pay, before taxes and deductions'),
	deductions: amount('Total deductions (itemized in deduction_list)'),
	taxes: amount('Total taxes (itemized in tax_list)'),
	net_pay: amount('Net pay: gross pay minus taxes and deductions'),
	reimbursements: amount('Reimbursements'),
	hours: amount('Hours worked in the period'),
	fees: nullable(amount('Fees')),
	net_pay_ytd: amount('Net pay year to date'),
	gross_pay_ytd: amount('Gross pay year to date'),
	employer: text('Employer name'),
	employment: id('The employment'),
	employer_address: ADDRESS,
	created_at: timestamp('When Argyle first retrieved it'),
	updated_at: timestamp('When it last changed'),
	destinations: list(
		'Where the pay went',
		object('A destination', {
			reference: text('As printed, e.g. CHECKING *********2201'),
			amount: amount('Amount paid there'),
			method: text('e.g. direct deposit'),
			ach_deposit_account: nullable(
				object('The bank account', {
					bank_name: text('Bank name'),
					routing_number: nullable(text('Routing number')),
					account_number: text('Account number (usually masked)'),
				}),
			),
			card: nullable(object('The card', { name: text('Card name'), number: text('Card number (masked)') })),
		}),
	),
	hours_ytd: amount('Hours year to date'),
	deductions_ytd: amount('Deductions year to date'),
	taxes_ytd: amount('Taxes year to date'),
	gross_pay_list: list(
		'Itemized gross pay',
		object('A gross pay line', {
			name: text('Name as printed, e.g. Regular or Holiday Overtime'),
			type: oneOf('Kind of pay', ['base', 'pto', 'overtime', 'commission', 'bonus', 'disability', 'benefits', 'tips', 'stock', 'other']),
			start_date: nullable(date('First day it covers; null for year-to-date-only lines')),
			end_date: nullable(date('Last day it covers')),
			rate: nullable(amount('Hourly rate (4 decimals)')),
			hours: nullable(amount('Hours (4 decimals)')),
			amount: nullable(amount('Amount this period; null for year-to-date-only lines')),
			hours_ytd: nullable(amount('Hours year to date')),
			amount_ytd: nullable(amount('Amount year to date')),
		}),
	),
	gross_pay_list_totals: object('Gross pay totals by kind (base includes PTO; other: disability, benefits, tips, stock and other)', {
		base: GROSS_PAY_TOTAL,
		overtime: GROSS_PAY_TOTAL,
		commission: GROSS_PAY_TOTAL,
		bonus: GROSS_PAY_TOTAL,
		other: GROSS_PAY_TOTAL,
	}),
	metadata: nullable(anyObject('Other information, e.g. payout details of gig platforms')),
} as const;
