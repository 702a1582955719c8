/** The v2 rating: a gig worker's rating, rates, achievements and rewards on one platform (`GET /v2/ratings/{id}`). */
import { amount, anyObject, date, id, integer, list, nullable, object, optional, text, timestamp, url } from '../fields';

export const RATING = {
	id: id('The ratings object'),
	account: id('The account it was retrieved through'),
	rating: amount('Average rating from 0 to 5, e.g. "4.98"'),
	acceptance_rate: amount('Share of offers accepted, 0 to 1'),
	ontime_rate: amount('Share on time, 0 to 1'),
	achievements: list(
		'Achievements (their keys vary by platform)',
		object('An achievement', {
			count: optional(integer('How many times')),
			label: optional(text('Key, e.g. excellent_service')),
			points: optional(nullable(text('Points, e.g. "200"'))),
			award: optional(nullable(text('Award, e.g. Speed Demon'))),
			description: optional(text('e.g. Excellent Service')),
			badge_url: optional(url('Badge')),
			metadata: optional(nullable(anyObject('Other information'))),
		}),
	),
	rewards: optional(
		list(
			'Rewards programs',
			object('A rewards program', {
				program_name: text('Program'),
				tier: text('Tier, e.g. Elite'),
				valid_through: date('Valid through'),
				points: text('Points, e.g. "117"'),
			}),
		),
	),
	employer: text('Platform name'),
	created_at: timestamp('When Argyle first retrieved it'),
	updated_at: timestamp('When it last changed'),
	metadata: nullable(anyObject('Other information the platform gives')),
} as const;
