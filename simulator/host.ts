// The ApiHost the routes use, assembled from the simulator's parts.
import { randomBytes, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

import type { Dataset } from './data/dataset';
import type { Outbox } from './outbox';
import type { ApiHost } from './routes/common';
import type { StorageServer } from './storage';
import type { Store } from './store';
import type { Timers } from './timers';
import type { ArgyleAccount, DeliveryResult, FileRedirect } from './types';

export interface HostParts {
	store: Store;
	dataset: Dataset;
	storage: StorageServer;
	outbox: Outbox;
	timers: Timers;
	baseUrl: string;
	/** The settings that can change while it runs (page sizes, file redirect mode). */
	settings(): { defaultSize: number; maxSize: number; reportDelayMs: number; fileRedirect: FileRedirect };
	deliver(event: string, data: Record<string, unknown>): Promise<DeliveryResult[]>;
}

export function buildApiHost(parts: HostParts): ApiHost {
	const { store, outbox, timers, deliver } = parts;
	return {
		store,
		dataset: parts.dataset,
		storage: parts.storage,
		baseUrl: parts.baseUrl,
		tokenSecret: randomBytes(32),
		clientId: randomUUID(),
		pageSizes: () => ({ defaultSize: parts.settings().defaultSize, maxSize: parts.settings().maxSize }),
		reportDelayMs: () => parts.settings().reportDelayMs,
		fileRedirect: () => parts.settings().fileRedirect,
		deliver,
		createWebhook: (version, input) => store.addWebhook(version, input),
		afterResponse: (res: ServerResponse, work) => outbox.afterResponse(res, work),
		later: (ms, work) => void outbox.track(timers.later(ms, work).catch(() => undefined)),
		sendRemoved: (accounts: ArgyleAccount[]) => Promise.all(accounts.map((a) => deliver('accounts.removed', { account: a.id, user: a.user }))),
		sendAccountUpdated: (id) => {
			const a = store.accounts.get(id);
			return a ? deliver('accounts.updated', { account: a.id, user: a.user }) : Promise.resolve([]);
		},
	};
}
