// What gig platforms add: the vehicle (argyle-objects.md §3.7, §6.7) and the ratings (§3.8, §6.8).
import type { DataObject } from '../types';
import type { AccountContext } from './context';
import { alnum, between, fixed, millis, pick } from './util';

const CARS: Array<[make: string, model: string]> = [
	['Ford', 'Focus'],
	['Toyota', 'Camry'],
	['Honda', 'Civic'],
	['Toyota', 'Prius'],
	['Hyundai', 'Elantra'],
	['Tesla', 'Model 3'],
];

export function makeVehicle(ctx: AccountContext, id: string): DataObject {
	const [make, model] = pick(CARS);
	const delivery = ctx.profile.gigType === 'delivery';
	return {
		id,
		account: ctx.account.id,
		identification: alnum(6),
		make,
		model,
		type: delivery && between(0, 3) === 0 ? 'ebike' : 'car',
		year: between(2011, 2023),
		vin: alnum(17),
		employer: ctx.employer,
		created_at: millis(ctx.now),
		updated_at: millis(ctx.now),
		metadata: { source: 'gig platform' },
	};
}

const achievement = (label: string, description: string) => ({
	count: between(1, 9),
	label,
	points: null,
	metadata: null,
	badge_url: 'www.partner.com/badgeinfo',
	description,
});

export function makeRating(ctx: AccountContext, id: string): DataObject {
	return {
		id,
		account: ctx.account.id,
		rating: fixed(between(460, 500) / 100, 2),
		acceptance_rate: fixed(between(70, 99) / 100, 2),
		ontime_rate: fixed(between(80, 99) / 100, 2),
		achievements: [achievement('excellent_service', 'Excellent Service'), achievement('great_conversation', 'Great Conversation')],
		rewards: [
			{
				program_name: 'Driver Rewards Program',
				tier: pick(['Gold', 'Platinum', 'Elite']),
				valid_through: `${ctx.now.getUTCFullYear() + 1}-05-15`,
				points: String(between(50, 900)),
			},
		],
		employer: ctx.employer,
		created_at: millis(ctx.now),
		updated_at: millis(ctx.now),
		metadata: null,
	};
}
