/** The v2 identity: who the user is at one employer (`GET /v2/identities/{id}`). */
import { amount, anyObject, date, id, nullable, object, oneOf, text, timestamp, url } from '../fields';
import { ADDRESS } from './address';

export const EMPLOYMENT_STATUSES = ['active', 'inactive', 'terminated'] as const;

export const IDENTITY = {
	id: id('The identity'),
	account: id('The account it was retrieved through'),
	address: ADDRESS,
	first_name: text('First name (usually the legal one)'),
	last_name: text('Last name (usually the legal one)'),
	full_name: text('Full name, from the payroll system or built from the name parts'),
	birth_date: text('Date of birth, YYYY-MM-DD; parts the platform hides are dashes, e.g. --01-31'),
	email: text('Email address'),
	phone_number: text('Phone number (E.164), e.g. +12125555555'),
	picture_url: url('Profile picture (a payroll document file; needs the API key)'),
	employment_status: oneOf('Employment status', EMPLOYMENT_STATUSES),
	employment_type: oneOf('Employment type', [
		'full-time',
		'part-time',
		'contractor',
		'military',
		'benefits',
		'seasonal',
		'temporary',
		'regular',
		'other',
	]),
	job_title: text('Job title, e.g. 1635 - Helpline Agent'),
	ssn: text('Social Security number, e.g. 522-09-1191'),
	marital_status: text('Marital status as the platform words it, e.g. Married filing jointly'),
	gender: text('Gender as the platform words it'),
	original_hire_date: date('First day of the earliest employment'),
	hire_date: date('Most recent start date (rehire or promotion)'),
	termination_date: nullable(date('Last day of employment')),
	termination_reason: nullable(text('Why the employment ended')),
	employer: text('Employer name'),
	employment: id('The employment; usable as a filter for identities, paystubs and payroll documents'),
	// Gig platforms report no base pay: amount and period are null there.
	base_pay: object('Base pay (without bonus or commission)', {
		amount: nullable(amount('Amount, e.g. "58024.50"; null on gig platforms')),
		period: nullable(
			oneOf('Per what period; null on gig platforms', ['hourly', 'daily', 'weekly', 'biweekly', 'semimonthly', 'monthly', 'annual', 'salary']),
		),
		currency: text('Currency (ISO 4217), e.g. USD'),
	}),
	pay_cycle: oneOf('How often the user is paid', ['daily', 'weekly', 'biweekly', 'semimonthly', 'monthly', 'quarterly']),
	platform_ids: object("The employer's or payroll system's own IDs for the user", {
		employee_id: text('Employee ID'),
		position_id: text('Position ID'),
		platform_user_id: text('User ID on the platform'),
	}),
	created_at: timestamp('When Argyle first retrieved it'),
	updated_at: timestamp('When it last changed'),
	metadata: nullable(anyObject('Other information the platform gives')),
} as const;
