// In-memory state: webhook subscriptions (separate v1 and v2 stores), users, accounts, the Item
// catalogue and every account's data (identities, paystubs, …, reports, verifications).
import type { Sequenced } from './pagination';
import { isoNow, newId } from './fixtures';
import { catalogueItems, type ArgyleItem } from './resources/items';
import type { AccountKind, ApiVersion, ArgyleAccount, ArgyleUser, DataObject, DataResource, WebhookSubscription } from './types';
import type { WebhookInput } from './validation';

export const DATA_RESOURCES: readonly DataResource[] = [
	'identities',
	'paystubs',
	'payroll_documents',
	'deposit_destinations',
	'shifts',
	'gigs',
	'vehicles',
	'ratings',
	'employments',
	'user_forms',
	'user_uploads',
	'reports',
	'verifications',
];

export class Collection<T extends { id: string }> {
	private seq = 0;
	private readonly items = new Map<string, Sequenced<T>>();

	add(value: T): T {
		this.items.set(value.id, { seq: ++this.seq, value });
		return value;
	}

	get(id: string): T | undefined {
		return this.items.get(id)?.value;
	}

	delete(id: string): boolean {
		return this.items.delete(id);
	}

	/** Deletes every value `drop` returns true for; returns them. */
	deleteWhere(drop: (value: T) => boolean): T[] {
		const dropped = this.values().filter(drop);
		for (const value of dropped) this.items.delete(value.id);
		return dropped;
	}

	/** Entries in creation order (Map keeps insertion order). */
	entries(): Array<Sequenced<T>> {
		return [...this.items.values()];
	}

	values(): T[] {
		return this.entries().map((e) => e.value);
	}

	get size(): number {
		return this.items.size;
	}

	clear(): void {
		this.items.clear();
	}
}

export class Store {
	readonly webhooks: Record<ApiVersion, Collection<WebhookSubscription>> = {
		v1: new Collection(),
		v2: new Collection(),
	};
	readonly accounts = new Collection<ArgyleAccount>();
	readonly users = new Collection<ArgyleUser>();
	/** The Item catalogue, plus the Items of accounts seeded with one it lacks. */
	readonly items = new Collection<ArgyleItem>();
	/** Employer or gig, per account (an account seeded with `kind` may differ from its Item's). */
	readonly accountKinds = new Map<string, AccountKind>();
	readonly data = Object.fromEntries(DATA_RESOURCES.map((r) => [r, new Collection<DataObject>()])) as Record<
		DataResource,
		Collection<DataObject>
	>;

	constructor() {
		this.resetItems();
	}

	/** Objects of a data set that belong to an account, in creation order. */
	objectsOf(resource: DataResource, accountId: string): DataObject[] {
		return this.data[resource].values().filter((o) => o.account === accountId);
	}

	/** The user an object belongs to: its `user`, or its account's. */
	ownerOf(object: DataObject): string | undefined {
		if (typeof object.user === 'string') return object.user;
		return typeof object.account === 'string' ? this.accounts.get(object.account)?.user : undefined;
	}

	addWebhook(version: ApiVersion, input: WebhookInput): WebhookSubscription {
		const now = isoNow();
		const { name, events, config, secret, url } = input;
		return this.webhooks[version].add({
			id: newId(),
			name,
			events,
			config,
			secret,
			url,
			created_at: now,
			updated_at: now,
			last_sent_at: null,
		});
	}

	findWebhook(id: string): { version: ApiVersion; sub: WebhookSubscription } | undefined {
		for (const version of ['v2', 'v1'] as const) {
			const sub = this.webhooks[version].get(id);
			if (sub) return { version, sub };
		}
		return undefined;
	}

	addAccount(account: ArgyleAccount): ArgyleAccount {
		this.accounts.add(account);
		const user = this.users.get(account.user);
		if (user) {
			if (!user.items_connected.includes(account.item)) user.items_connected.push(account.item);
			for (const e of account.employers) if (!user.employers_connected.includes(e)) user.employers_connected.push(e);
		}
		return account;
	}

	accountsOf(userId: string): ArgyleAccount[] {
		return this.accounts.values().filter((a) => a.user === userId);
	}

	/** Removes the account and keeps the user's connected lists in step. */
	removeAccount(id: string): ArgyleAccount | undefined {
		const account = this.accounts.get(id);
		if (!account) return undefined;
		this.accounts.delete(id);
		this.accountKinds.delete(id);
		for (const resource of DATA_RESOURCES) this.data[resource].deleteWhere((o) => o.account === id);
		const user = this.users.get(account.user);
		if (user) {
			const rest = this.accountsOf(user.id);
			user.items_connected = user.items_connected.filter((i) => rest.some((a) => a.item === i));
			user.employers_connected = user.employers_connected.filter((e) => rest.some((a) => a.employers.includes(e)));
		}
		return account;
	}

	/** Removes the user and all its accounts; returns the removed accounts. */
	removeUser(id: string): ArgyleAccount[] | undefined {
		if (!this.users.get(id)) return undefined;
		const removed = this.accountsOf(id);
		for (const a of removed) this.removeAccount(a.id);
		for (const resource of DATA_RESOURCES) this.data[resource].deleteWhere((o) => o.user === id);
		this.users.delete(id);
		return removed;
	}

	clear(): void {
		this.webhooks.v1.clear();
		this.webhooks.v2.clear();
		this.accounts.clear();
		this.users.clear();
		for (const resource of DATA_RESOURCES) this.data[resource].clear();
		this.accountKinds.clear();
		this.resetItems();
	}

	private resetItems(): void {
		this.items.clear();
		for (const item of catalogueItems()) this.items.add(item);
	}
}
