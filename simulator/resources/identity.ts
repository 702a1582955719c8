// The account's employment and identity (argyle-objects.md §3.1, §3.9; examples §6.1, §6.9).
import type { DataObject } from '../types';
import type { AccountContext } from './context';
import { isoBirthDate, personOf } from './person';
import { alnum, between, dateOnly, daysBefore, millis, money, pick } from './util';

const JOB_TITLES = ['1635 - Helpline Agent', 'Store Associate', 'Team Lead', 'Warehouse Associate', 'Barista', 'Shift Supervisor', 'Cashier'];

/** Hourly rate in cents of an employer account, used by its identity and paystubs alike. */
export const hourlyRateCents = (ctx: AccountContext): number => 1500 + (parseInt(ctx.employment.slice(0, 6), 16) % 3000);

export function makeEmployment(ctx: AccountContext): DataObject {
	return {
		id: ctx.employment,
		employer: ctx.employer,
		employment_status: 'active',
		origin: 'retrieved',
		user: ctx.user.id,
		account: ctx.account.id,
		created_at: millis(ctx.now),
	};
}

export function makeIdentity(ctx: AccountContext, id: string, pictureUrl: string | null): DataObject {
	const person = personOf(ctx.user);
	const gig = ctx.kind === 'gig';
	const hired = dateOnly(daysBefore(ctx.now, between(400, 2500)));
	return {
		id,
		account: ctx.account.id,
		address: person.address,
		first_name: person.first_name,
		last_name: person.last_name,
		full_name: `${person.first_name} ${person.last_name}`,
		birth_date: isoBirthDate(person.birth_date),
		email: person.email,
		phone_number: person.phone_number,
		picture_url: pictureUrl,
		employment_status: 'active',
		employment_type: gig ? 'contractor' : pick(['full-time', 'part-time']),
		job_title: gig ? (ctx.profile.gigType === 'rideshare' ? 'Driver' : 'Courier') : pick(JOB_TITLES),
		ssn: person.ssn,
		marital_status: pick(['Single', 'Married filing jointly']),
		gender: pick(['Male', 'Female']),
		hire_date: hired,
		original_hire_date: hired,
		termination_date: null,
		termination_reason: null,
		employer: ctx.employer,
		base_pay: gig
			? { amount: null, period: null, currency: 'USD' }
			: { amount: money(hourlyRateCents(ctx)), period: 'hourly', currency: 'USD' },
		pay_cycle: gig ? 'weekly' : 'biweekly',
		platform_ids: { employee_id: alnum(9), position_id: alnum(9), platform_user_id: alnum(16) },
		created_at: millis(ctx.now),
		updated_at: millis(ctx.now),
		metadata: {},
		employment: ctx.employment,
	};
}
