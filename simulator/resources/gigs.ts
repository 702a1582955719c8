// Gigs of gig-platform accounts (argyle-objects.md §3.6; real example §6.6): rides or deliveries with
// times, places, distance and income that adds up (total = pay + tips + bonus + other).
import type { DataObject } from '../types';
import { activity, type AccountContext } from './context';
import { between, chance, fixed, money, pick, seconds } from './util';

const CENTRES: Record<string, [number, number]> = {
	'San Francisco': [37.7749, -122.4194],
	Chicago: [41.8781, -87.6298],
	Seattle: [47.6062, -122.3321],
	Birmingham: [33.5186, -86.8104],
};
const STREETS = ['Joel Fields', 'Espinoza Canyon', 'Market St', 'Mission St', 'Valencia St', 'Broadway', 'Pine St'];

/** `count` start times spread over the `days` before `now` (or after `after`), oldest first. */
export function gigTimes(now: Date, count: number, days = 30, after?: Date): Date[] {
	const from = after ? after.getTime() + 60_000 : now.getTime() - days * 86_400_000;
	const span = Math.max(now.getTime() - 60_000 - from, count);
	return Array.from({ length: count }, () => new Date(from + Math.floor(Math.random() * span)))
		.map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000))
		.sort((a, b) => a.getTime() - b.getTime());
}

function place(ctx: AccountContext): Record<string, string> {
	const [lat, lng] = CENTRES[ctx.profile.address.city ?? ''] ?? [40.6816, -73.7831];
	const a = ctx.profile.address;
	return {
		lat: String(lat + (Math.random() - 0.5) * 0.16),
		lng: String(lng + (Math.random() - 0.5) * 0.16),
		formatted_address: `${between(1, 999)} ${pick(STREETS)}, ${a.city}, ${a.state} ${a.postal_code}, US`,
	};
}

const at = (start: Date, secondsLater: number) => seconds(new Date(start.getTime() + secondsLater * 1000));

function income(pay: number, tips: number, bonus: number) {
	const total = pay + tips + bonus;
	return {
		currency: 'USD',
		total_charge: money(total),
		fees: '0.00',
		total: money(total),
		pay: money(pay),
		tips: money(tips),
		bonus: money(bonus),
		other: '0.00',
		customer_price: null,
	};
}

export function makeGig(ctx: AccountContext, id: string, start: Date): DataObject {
	const rideshare = ctx.profile.gigType === 'rideshare';
	const cancelled = chance(0.08);
	const duration = between(300, 2400);
	const [pay, tips, bonus] = cancelled ? [0, 0, 0] : [between(500, 2500), chance(0.6) ? between(100, 1000) : 0, chance(0.2) ? between(100, 500) : 0];
	const miles = cancelled ? 0 : between(100, 2500) / 100;
	return {
		...activity(ctx, id, cancelled ? 'cancelled' : 'completed', ctx.profile.gigType ?? 'rideshare', start),
		task_count: 1,
		end_datetime: cancelled ? null : at(start, duration),
		all_datetimes: {
			request_at: seconds(start),
			accept_at: at(start, 7),
			pickup_at: cancelled ? null : at(start, 57),
			dropoff_at: cancelled ? null : at(start, duration),
			cancel_at: cancelled ? at(start, 120) : null,
			shift_start: null,
			shift_end: null,
			breaks: [],
		},
		duration: cancelled ? null : duration,
		timezone: ctx.profile.timezone,
		earning_type: 'work',
		start_location: cancelled ? null : place(ctx),
		end_location: cancelled ? null : place(ctx),
		distance: fixed(miles, 2),
		distance_unit: 'miles',
		metadata: {},
		circumstances: {
			is_pool: rideshare && chance(0.1),
			is_rush: chance(0.1),
			is_surge: rideshare && chance(0.25),
			service_type: rideshare ? `${ctx.employer.split(' ')[0]} X` : ctx.profile.gigType,
			position: null,
		},
		income: income(pay, tips, bonus),
		income_rates: cancelled
			? { hour: null, mile: null }
			: { hour: money(Math.round(((pay + tips + bonus) * 3600) / duration)), mile: money(Math.round((pay + tips + bonus) / miles)) },
		task_details: { events: [], orders: [] },
	};
}
