// `/v2/accounts`: list (user, item, ongoing_refresh_status), get, delete (then accounts.removed),
// `POST /{id}/disable-ongoing-refresh` (then accounts.updated) and the sandbox's `POST /{id}/periodic-scan`.
import { periodicScan } from '../data/scan';
import { isoNow } from '../fixtures';
import { sendEmpty, sendJson } from '../http';
import type { ArgyleAccount } from '../types';
import { listHandler, retrieveHandler, type CollectionSpec } from './collection';
import { notFound, v2, type Handler, type Route } from './common';
import { choice, exact, field, uuid } from './filters';

const ACCOUNTS: CollectionSpec<ArgyleAccount> = {
	path: 'accounts',
	source: (store) => store.accounts,
	filters: [
		uuid<ArgyleAccount>('user', field('user')),
		exact<ArgyleAccount>('item', field('item')),
		choice<ArgyleAccount>('ongoing_refresh_status', ['enabled', 'disabled', 'idle'], (a) => a.ongoing_refresh.status),
	],
};

const accountDelete: Handler = (host, _req, res, [id]) => {
	const removed = host.store.removeAccount(id);
	if (!removed) return notFound(res);
	sendEmpty(res, 204);
	host.afterResponse(res, () => host.sendRemoved([removed]));
};

const accountDisableRefresh: Handler = (host, _req, res, [id]) => {
	const account = host.store.accounts.get(id);
	if (!account) return notFound(res);
	account.ongoing_refresh = { status: 'disabled' };
	account.updated_at = isoNow();
	sendJson(res, 200, account);
	host.afterResponse(res, () => host.sendAccountUpdated(id));
};

/** Sandbox only: `{}`, new paystubs (and gigs), then their `.added` events and accounts.updated, in that order. */
const accountPeriodicScan: Handler = (host, _req, res, [id]) => {
	const account = host.store.accounts.get(id);
	if (!account) return notFound(res);
	if (account.connection.status !== 'connected') return sendJson(res, 400, { detail: 'The account is not connected.' });
	const events = periodicScan(host.dataset, account);
	sendJson(res, 200, {});
	host.afterResponse(res, async () => {
		for (const { event, data } of events) await host.deliver(event, data);
	});
};

export const ACCOUNT_ROUTES: Route[] = [
	{ pattern: v2('accounts'), methods: { GET: listHandler(ACCOUNTS) } },
	{ pattern: v2('accounts/{}'), methods: { GET: retrieveHandler(ACCOUNTS), DELETE: accountDelete } },
	{ pattern: v2('accounts/{}/disable-ongoing-refresh'), methods: { POST: accountDisableRefresh } },
	{ pattern: v2('accounts/{}/periodic-scan'), methods: { POST: accountPeriodicScan } },
];
