// What every data generator knows about the account it generates for.
import type { AccountKind, ArgyleAccount, ArgyleUser } from '../types';
import { millis, seconds } from './util';
import type { ArgyleItem, ItemProfile } from './items';

export interface AccountContext {
	account: ArgyleAccount;
	user: ArgyleUser;
	item: ArgyleItem;
	profile: ItemProfile;
	kind: AccountKind;
	/** The account's employment ID, shared by its identity, paystubs and payroll documents. */
	employment: string;
	/** The employer name on the account's objects. */
	employer: string;
	/** The simulator's API base, for `file_url`s. */
	baseUrl: string;
	/** "Now" for this generation run (data is dated before it). */
	now: Date;
}

/** The URL a client downloads a stored file from (it answers 302 to the storage server). */
export const fileUrl = (ctx: Pick<AccountContext, 'baseUrl'>, path: string, id: string, file = 'file'): string =>
	`${ctx.baseUrl}/v2/${path}/${id}/${file}`;

/** The fields gigs and shifts open with, in Argyle's order. */
export const activity = (ctx: AccountContext, id: string, status: string, type: string, start: Date) => ({
	id,
	account: ctx.account.id,
	employer: ctx.employer,
	created_at: millis(ctx.now),
	updated_at: millis(ctx.now),
	status,
	type,
	start_datetime: seconds(start),
});
