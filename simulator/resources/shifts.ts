// Shifts of employer accounts (argyle-objects.md §3.5, example §6.5): weekday shifts with a break.
import type { DataObject } from '../types';
import { activity, type AccountContext } from './context';
import { DAY_MS, between, seconds, startOfDay, upTo4 } from './util';

/** Standard-time UTC offsets (hours) of the timezones the catalogue uses; DST is not modelled. */
const OFFSETS: Record<string, number> = { 'America/New_York': 5, 'America/Chicago': 6, 'America/Los_Angeles': 8 };

/** The last `count` weekdays before `now`, oldest first. */
export function shiftDays(now: Date, count: number, after?: Date): Date[] {
	const days: Date[] = [];
	const stop = after ? startOfDay(after).getTime() : -Infinity;
	for (let day = startOfDay(now).getTime() - DAY_MS; days.length < count && day > stop; day -= DAY_MS) {
		const weekday = new Date(day).getUTCDay();
		if (weekday !== 0 && weekday !== 6) days.push(new Date(day));
	}
	return days.reverse();
}

export function makeShift(ctx: AccountContext, id: string, day: Date): DataObject {
	const startHour = between(6, 11) + (OFFSETS[ctx.profile.timezone] ?? 5);
	const start = new Date(day.getTime() + startHour * 3_600_000);
	const lengthMinutes = between(14, 20) * 30;
	const end = new Date(start.getTime() + lengthMinutes * 60_000);
	const breakMinutes = lengthMinutes >= 360 ? between(1, 2) * 24 : 0;
	const breakStart = new Date(start.getTime() + Math.floor(lengthMinutes / 2) * 60_000);
	const breaks = breakMinutes
		? [{ break_start: seconds(breakStart), break_end: seconds(new Date(breakStart.getTime() + breakMinutes * 60_000)) }]
		: [];
	const a = ctx.profile.address;
	return {
		...activity(ctx, id, 'completed', 'hourly', start),
		end_datetime: seconds(end),
		all_datetimes: { shift_start: seconds(start), shift_end: seconds(end), breaks },
		hours: upTo4((lengthMinutes - breakMinutes) / 60),
		timezone: ctx.profile.timezone,
		location: `${a.line1}, ${a.city}, ${a.state} ${a.postal_code}, ${a.country}`,
		metadata: {},
	};
}
