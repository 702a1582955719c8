// What an event builder gets: the account and user the event is about, and the dataset to read
// and change (so the event names objects that exist and counts that match).
import type { Dataset } from '../data/dataset';
import type { ArgyleAccount, ArgyleUser } from '../types';

export interface EventContext {
	account: ArgyleAccount;
	user: ArgyleUser;
	/** Every account of the user (users.fully_synced, reports.ready list them). */
	accounts: ArgyleAccount[];
	dataset: Dataset;
}

export type Builder = (ctx: EventContext) => Record<string, unknown>;
