// The lines of one pay period (earnings, taxes, deductions) in integer cents, so that every total
// adds up exactly: net = gross - taxes - deductions. Employer accounts are hourly with overtime,
// taxes and pre-tax deductions; gig platforms pay trip earnings, tips and promotions without taxes.
import type { AccountContext } from './context';
import { hourlyRateCents } from './identity';
import { between, chance, sum } from './util';

export interface Earning {
	name: string;
	type: 'base' | 'overtime' | 'bonus' | 'tips' | 'commission' | 'pto' | 'other';
	cents: number;
	/** Hourly rate in cents and hours in 1/10000 h, for hourly lines. */
	rateCents?: number;
	hours4?: number;
}

export interface Tax {
	name: string;
	type: 'federal' | 'state' | 'local' | 'fica' | 'other';
	cents: number;
}

export interface Deduction {
	name: string;
	tax_classification: 'pre_tax' | 'post_tax' | null;
	cents: number;
}

export interface PayLines {
	earnings: Earning[];
	taxes: Tax[];
	deductions: Deduction[];
	/** Hours worked in the period, 1/100 h. */
	hours2: number;
}

const NO_STATE_INCOME_TAX = new Set(['TX', 'WA', 'FL', 'TN', 'NV', 'SD', 'WY', 'AK', 'NH']);

const pct = (base: number, percent: number): number => Math.round((base * percent) / 100);

function employerLines(ctx: AccountContext): PayLines {
	const rate = hourlyRateCents(ctx);
	const regular4 = between(70, 80) * 10_000;
	const earnings: Earning[] = [{ name: 'Regular', type: 'base', rateCents: rate, hours4: regular4, cents: Math.round((rate * regular4) / 10_000) }];
	if (chance(0.3)) {
		const ot4 = between(2, 8) * 5_000;
		const otRate = Math.round(rate * 1.5);
		earnings.push({ name: 'Overtime', type: 'overtime', rateCents: otRate, hours4: ot4, cents: Math.round((otRate * ot4) / 10_000) });
	}
	const gross = sum(earnings, (e) => e.cents);
	const deductions: Deduction[] = [
		{ name: '401K', tax_classification: 'pre_tax', cents: pct(gross, 5) },
		{ name: 'Medical', tax_classification: 'pre_tax', cents: 4800 },
		{ name: 'Dental', tax_classification: null, cents: 1250 },
	];
	const taxable = gross - sum(deductions.filter((d) => d.tax_classification === 'pre_tax'), (d) => d.cents);
	const state = ctx.profile.address.state ?? 'NY';
	const taxes: Tax[] = [
		{ name: 'Federal Income Tax', type: 'federal', cents: pct(taxable, 11) },
		{ name: 'MEDICARE', type: 'fica', cents: pct(gross, 1.45) },
		{ name: 'OASDI', type: 'fica', cents: pct(gross, 6.2) },
	];
	if (!NO_STATE_INCOME_TAX.has(state)) taxes.push({ name: `${state} State Income Tax`, type: 'state', cents: pct(taxable, 4.5) });
	const hours2 = Math.round(sum(earnings, (e) => e.hours4 ?? 0) / 100);
	return { earnings, taxes, deductions, hours2 };
}

function gigLines(): PayLines {
	const earnings: Earning[] = [
		{ name: 'Trip earnings', type: 'base', cents: between(30_000, 110_000) },
		{ name: 'Tips', type: 'tips', cents: between(2_000, 15_000) },
	];
	if (chance(0.4)) earnings.push({ name: 'Promotions', type: 'bonus', cents: between(1_000, 8_000) });
	return { earnings, taxes: [], deductions: [], hours2: between(1_500, 4_000) };
}

export function payLines(ctx: AccountContext): PayLines {
	return ctx.kind === 'gig' ? gigLines() : employerLines(ctx);
}

export const totals = (lines: PayLines) => {
	const gross = sum(lines.earnings, (e) => e.cents);
	const taxes = sum(lines.taxes, (x) => x.cents);
	const deductions = sum(lines.deductions, (d) => d.cents);
	return { gross, taxes, deductions, net: gross - taxes - deductions };
};
