// Paystubs (argyle-objects.md §3.2; real example §6.2): decimal strings that add up, year-to-date
// figures running on from the previous paystub of the same calendar year, itemised lines, the pay
// period, and the ID of the payroll document (the PDF) stored with each.
import type { DataObject } from '../types';
import type { AccountContext } from './context';
import { payLines, totals, type Earning, type PayLines } from './payLines';
import { DAY_MS, dateOnly, fixed, midnight, millis, money, startOfDay } from './util';

export interface PayPeriod {
	start: Date;
	end: Date;
	payDate: Date;
}

/** Employers pay every two weeks, gig platforms every week. */
export const cycleDays = (ctx: Pick<AccountContext, 'kind'>): number => (ctx.kind === 'gig' ? 7 : 14);

function periodEndingBefore(payDate: Date, cycle: number): PayPeriod {
	const end = new Date(payDate.getTime() - (cycle === 7 ? 2 : 5) * DAY_MS);
	return { start: new Date(end.getTime() - (cycle - 1) * DAY_MS), end, payDate };
}

/** `count` pay periods, oldest first, the last paid within the last cycle before `now`. */
export function paySchedule(ctx: Pick<AccountContext, 'kind' | 'now'>, count: number): PayPeriod[] {
	const cycle = cycleDays(ctx);
	const today = startOfDay(ctx.now);
	const last = new Date(today.getTime() - ((today.getUTCDay() + 2) % 7) * DAY_MS); // the last Friday
	return Array.from({ length: count }, (_, i) => periodEndingBefore(new Date(last.getTime() - (count - 1 - i) * cycle * DAY_MS), cycle));
}

/** The period after a stored paystub's (periodic scans continue the schedule). */
export function nextPeriod(ctx: Pick<AccountContext, 'kind'>, previous: DataObject): PayPeriod {
	const cycle = cycleDays(ctx);
	return periodEndingBefore(new Date(Date.parse(String(previous.paystub_date)) + cycle * DAY_MS), cycle);
}

/** Year-to-date sums in cents (hours: `hours` in 1/100 h, `h:<line>` in 1/10000 h), keyed by what they sum. */
export type Ytd = Map<string, number>;

const num = (value: unknown, scale: number): number => (value == null ? 0 : Math.round(Number(value) * scale));

/** The running sums after `previous`, or none when it is from another year (or absent). */
export function ytdAfter(previous: DataObject | undefined, year: number): Ytd {
	const ytd: Ytd = new Map();
	if (!previous || new Date(String(previous.paystub_date)).getUTCFullYear() !== year) return ytd;
	for (const key of ['gross_pay', 'net_pay', 'taxes', 'deductions']) ytd.set(key, num(previous[`${key}_ytd`], 100));
	ytd.set('hours', num(previous.hours_ytd, 100));
	for (const line of previous.gross_pay_list as Array<Record<string, string | null>>) {
		ytd.set(`e:${line.name}`, num(line.amount_ytd, 100));
		ytd.set(`h:${line.name}`, num(line.hours_ytd, 10_000));
	}
	for (const line of previous.tax_list as Array<Record<string, string>>) ytd.set(`t:${line.name}`, num(line.amount_ytd, 100));
	for (const line of previous.deduction_list as Array<Record<string, string>>) ytd.set(`d:${line.name}`, num(line.amount_ytd, 100));
	return ytd;
}

const add = (ytd: Ytd, key: string, value: number): number => {
	const next = (ytd.get(key) ?? 0) + value;
	ytd.set(key, next);
	return next;
};

/** Gross pay lines: this period's, then YTD-only lines for earnings seen earlier in the year. */
function grossPayList(lines: PayLines, ytd: Ytd, period: PayPeriod): Array<Record<string, string | null>> {
	const current = lines.earnings.map((e: Earning) => {
		const amountYtd = add(ytd, `e:${e.name}`, e.cents);
		const hoursYtd = e.hours4 === undefined ? undefined : add(ytd, `h:${e.name}`, e.hours4);
		return {
			name: e.name,
			type: e.type,
			start_date: dateOnly(period.start),
			end_date: dateOnly(period.end),
			rate: e.rateCents === undefined ? null : fixed(e.rateCents / 100, 4),
			hours: e.hours4 === undefined ? null : fixed(e.hours4 / 10_000, 4),
			amount: money(e.cents),
			hours_ytd: hoursYtd === undefined ? null : fixed(hoursYtd / 10_000, 4),
			amount_ytd: money(amountYtd),
		};
	});
	const earlier = [...ytd.keys()]
		.filter((k) => k.startsWith('e:') && !lines.earnings.some((e) => `e:${e.name}` === k))
		.map((k) => k.slice(2));
	const ytdOnly = earlier.map((name) => ({
		name,
		type: name === 'Overtime' ? 'overtime' : name === 'Promotions' ? 'bonus' : 'other',
		start_date: null,
		end_date: null,
		rate: null,
		hours: null,
		amount: null,
		hours_ytd: ytd.has(`h:${name}`) ? fixed(ytd.get(`h:${name}`)! / 10_000, 4) : null,
		amount_ytd: money(ytd.get(`e:${name}`)!),
	}));
	return [...current, ...ytdOnly];
}

const TOTAL_CLASSES: Record<string, string> = { base: 'base', pto: 'base', overtime: 'overtime', commission: 'commission', bonus: 'bonus' };

/** gross_pay_list_totals: base (= base + pto), overtime, commission, bonus, other (the rest); null when never paid. */
function grossPayTotals(list: Array<Record<string, string | null>>): Record<string, unknown> {
	const out: Record<string, unknown> = { base: null, overtime: null, commission: null, bonus: null, other: null };
	const d = (v: string | null) => (v === null ? null : Number(v));
	for (const cls of Object.keys(out)) {
		const rows = list.filter((l) => (TOTAL_CLASSES[l.type ?? ''] ?? 'other') === cls);
		if (!rows.length) continue;
		const total = (key: string) => (rows.some((r) => r[key] !== null) ? rows.reduce((t, r) => t + (d(r[key]) ?? 0), 0) : null);
		const amount = total('amount');
		const amountYtd = total('amount_ytd');
		const hours = total('hours');
		const hoursYtd = total('hours_ytd');
		out[cls] = {
			amount: amount === null ? null : money(Math.round(amount * 100)),
			amount_ytd: amountYtd === null ? null : money(Math.round(amountYtd * 100)),
			hours: hours === null ? null : fixed(hours, 4),
			hours_ytd: hoursYtd === null ? null : fixed(hoursYtd, 4),
			rate_implied: amount !== null && hours ? fixed(amount / hours, 4) : null,
			rate_implied_ytd: amountYtd !== null && hoursYtd ? fixed(amountYtd / hoursYtd, 4) : null,
		};
	}
	return out;
}

export interface PaystubInput {
	id: string;
	period: PayPeriod;
	/** The previous paystub of the account, for the year-to-date figures. */
	previous: DataObject | undefined;
	payrollDocument: string;
	/** The account's bank account, where the net pay goes. */
	deposit?: { bank_name: string; account_number: string };
}

export function makePaystub(ctx: AccountContext, input: PaystubInput): DataObject {
	const { period } = input;
	const lines = payLines(ctx);
	const t = totals(lines);
	const ytd = ytdAfter(input.previous, period.payDate.getUTCFullYear());
	const grossList = grossPayList(lines, ytd, period);
	const mask = input.deposit ? `*********${input.deposit.account_number.slice(-4)}` : null;
	return {
		id: input.id,
		account: ctx.account.id,
		payroll_document: input.payrollDocument,
		deduction_list: lines.deductions.map((x) => ({
			amount: money(x.cents),
			name: x.name,
			tax_classification: x.tax_classification,
			amount_ytd: money(add(ytd, `d:${x.name}`, x.cents)),
		})),
		filing_status: ctx.kind === 'gig' ? [] : [{ type: 'federal', location: null, status: 'single' }],
		tax_list: lines.taxes.map((x) => ({
			amount: money(x.cents),
			name: x.name,
			type: x.type,
			amount_ytd: money(add(ytd, `t:${x.name}`, x.cents)),
		})),
		status: period.payDate.getTime() <= ctx.now.getTime() ? 'completed' : 'scheduled',
		paystub_date: midnight(period.payDate),
		paystub_period: { start_date: midnight(period.start), end_date: midnight(period.end) },
		currency: 'USD',
		gross_pay: money(t.gross),
		deductions: money(t.deductions),
		taxes: money(t.taxes),
		net_pay: money(t.net),
		reimbursements: '0.00',
		hours: money(lines.hours2),
		fees: null,
		net_pay_ytd: money(add(ytd, 'net_pay', t.net)),
		gross_pay_ytd: money(add(ytd, 'gross_pay', t.gross)),
		metadata: {},
		employer: ctx.employer,
		employer_address: ctx.profile.address,
		created_at: millis(ctx.now),
		updated_at: millis(ctx.now),
		destinations: input.deposit
			? [
					{
						reference: `CHECKING ${mask}`,
						amount: money(t.net),
						method: 'direct deposit',
						ach_deposit_account: { bank_name: input.deposit.bank_name, routing_number: null, account_number: mask },
						card: null,
					},
				]
			: [],
		hours_ytd: money(add(ytd, 'hours', lines.hours2)),
		deductions_ytd: money(add(ytd, 'deductions', t.deductions)),
		taxes_ytd: money(add(ytd, 'taxes', t.taxes)),
		gross_pay_list: grossList,
		gross_pay_list_totals: grossPayTotals(grossList),
		employment: ctx.employment,
	};
}
