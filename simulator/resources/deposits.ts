// Deposit destinations (argyle-objects.md §3.4, example §6.4): the account's bank account (ACH).
import type { DataObject } from '../types';
import type { AccountContext } from './context';
import { digits, millis, pick } from './util';

const BANKS: Array<[name: string, routing: string]> = [
	['SW Bank', '016012008'],
	['NW Regional', '125000024'],
	['Chase', '021000021'],
	['Wells Fargo', '121000248'],
	['Bank of America', '026009593'],
	['Capital One', '056073502'],
];

/** `primary`: the one net pay goes to (100 %); others are inactive extras added later. */
export function makeDepositDestination(ctx: AccountContext, id: string, primary = true): DataObject {
	const [bank, routing] = pick(BANKS);
	return {
		id,
		account: ctx.account.id,
		employer: ctx.employer,
		destination_type: 'ach_deposit_account',
		status: primary ? 'active' : 'inactive',
		allocation_type: primary ? 'percent' : 'amount',
		currency: 'USD',
		allocation_value: primary ? '100' : 'remainder',
		method: 'Direct deposit',
		ach_deposit_account: { account_number: digits(12), bank_name: bank, routing_number: routing, account_type: pick(['checking', 'savings']) },
		created_at: millis(ctx.now),
		updated_at: millis(ctx.now),
		metadata: {},
	};
}
