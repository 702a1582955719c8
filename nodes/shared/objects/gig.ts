/** The v2 gig: one task of a gig platform, e.g. a ride or a delivery (`GET /v2/gigs/{id}`). */
import { amount, anyObject, flag, id, integer, list, nullable, object, oneOf, optional, text, timestamp } from '../fields';
import { BREAK, WORK_STATUSES } from './shift';

const LOCATION = (where: string) =>
	nullable(
		object(`Where it ${where}; null for cancelled gigs`, {
			lat: amount('Latitude (a decimal string)'),
			lng: amount('Longitude (a decimal string)'),
			formatted_address: text('Address'),
		}),
	);

const INCOME = object('What it earned', {
	currency: text('Currency (ISO 4217)'),
	total_charge: amount('What the customer was charged'),
	fees: nullable(amount('Platform fees the worker paid')),
	total: amount('Total earned: pay + tips + bonus + other'),
	pay: amount('Pay'),
	tips: nullable(amount('Tips')),
	bonus: amount('Bonus'),
	other: nullable(amount('Other income (may be negative)')),
	customer_price: nullable(amount('What the customer paid, without fees and tips')),
});

const moment = (what: string) => nullable(timestamp(what));

export const GIG = {
	id: id('The gig'),
	account: id('The account it was retrieved through'),
	employer: text('Platform name, e.g. Lyft Driver'),
	created_at: timestamp('When Argyle first retrieved it'),
	updated_at: timestamp('When it last changed'),
	status: oneOf('Where the gig is', WORK_STATUSES),
	type: oneOf('Kind of gig', ['delivery', 'rideshare', 'hourly', 'services']),
	task_count: integer('Tasks it covers (more than 1: the values are totals, see task_details)'),
	start_datetime: timestamp('When it started'),
	end_datetime: nullable(timestamp('When it ended; null for cancelled gigs')),
	all_datetimes: object('Every moment the platform records', {
		request_at: moment('Requested'),
		accept_at: moment('Accepted'),
		pickup_at: moment('Picked up'),
		dropoff_at: moment('Dropped off'),
		cancel_at: moment('Cancelled'),
		shift_start: moment('Shift started'),
		shift_end: moment('Shift ended'),
		breaks: nullable(list('Breaks', BREAK)),
	}),
	duration: nullable(integer('Duration in seconds; null for cancelled gigs')),
	timezone: text('Time zone (IANA), e.g. America/New_York'),
	earning_type: oneOf('Kind of earning', ['offer', 'work', 'incentive', 'adjustment', 'other']),
	start_location: LOCATION('started'),
	end_location: LOCATION('ended'),
	task_details: object('The single tasks when task_count is more than 1', {
		events: list(
			'Events of the tasks',
			object('An event', {
				order_id: nullable(text('The order')),
				sequence: text('Position, e.g. "1"'),
				type: oneOf('What happened', ['request', 'accept', 'pickup', 'dropoff', 'other', 'cancel']),
				name: nullable(text('e.g. the restaurant')),
				formatted_address: text('Address'),
				lat: amount('Latitude'),
				lng: amount('Longitude'),
				datetime: timestamp('When'),
			}),
		),
		orders: list(
			'Orders of the tasks',
			object('An order', { order_id: text('The order'), sequence: text('Position, e.g. "1"'), income: INCOME }),
		),
	}),
	distance: amount('Distance, e.g. "24.93"'),
	distance_unit: oneOf('miles or km', ['miles', 'km']),
	metadata: nullable(anyObject('Other information the platform gives')),
	circumstances: object('Platform-specific circumstances', {
		is_pool: optional(flag('A shared ride')),
		is_rush: optional(flag('A rush order')),
		is_surge: optional(flag('Surge pricing applied')),
		service_type: optional(text('e.g. Lyft driverXL')),
		position: optional(nullable(text('Position'))),
	}),
	income: INCOME,
	income_rates: object('Rates the platform gives (not calculated by Argyle)', {
		hour: nullable(amount('Per hour')),
		mile: nullable(amount('Per mile')),
	}),
} as const;
