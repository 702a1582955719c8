// Unauthenticated /_sim/* endpoints for humans and the dev script (never recorded in `calls`).
import type { ServerResponse } from 'node:http';
import { ALL_EVENTS, EVENTS } from '../nodes/shared/catalogue';
import { faultFromJson } from './faults';
import { sendEmpty, sendJson, type ParsedBody } from './http';
import type { ArgyleSimulator } from './simulator';
import type { AccountEventExtra, AccountSeed, FileRedirect, PlantWebhookInput, UserSeed } from './types';

/** What the control endpoints use of the simulator. */
export type ControlHost = Pick<
	ArgyleSimulator,
	| 'baseUrl'
	| 'apiKeyId'
	| 'calls'
	| 'deliveries'
	| 'webhooks'
	| 'accounts'
	| 'users'
	| 'faultList'
	| 'reset'
	| 'addAccount'
	| 'addUser'
	| 'account'
	| 'plantWebhook'
	| 'removeWebhook'
	| 'deliver'
	| 'fireEvent'
	| 'injectFault'
	| 'clearFaults'
	| 'storageOrigin'
	| 'storageRequests'
	| 'setFileRedirect'
>;

const REDIRECTS: readonly FileRedirect[] = ['storage', 'same-origin', 'loop'];

/** Every event the simulator can fire, with the name the Argyle Trigger shows for it. */
const EVENT_LIST = ALL_EVENTS.map((event) => ({ event, name: EVENTS[event].displayName, when: EVENTS[event].when }));

const asObject = (v: unknown): Record<string, unknown> =>
	v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export async function handleControl(
	host: ControlHost,
	method: string,
	url: URL,
	parsed: ParsedBody,
	res: ServerResponse,
): Promise<void> {
	if (!parsed.ok) return sendJson(res, 400, { detail: `JSON parse error - ${parsed.error}` });
	const body = asObject(parsed.value);
	const path = url.pathname.replace(/\/+$/, '');
	const route = `${method} ${path}`;

	if (route === 'GET /_sim/state') {
		return sendJson(res, 200, {
			baseUrl: host.baseUrl,
			apiKeyId: host.apiKeyId,
			webhooks: { v2: host.webhooks('v2'), v1: host.webhooks('v1') },
			accounts: host.accounts(),
			users: host.users(),
			faults: host.faultList(),
			calls: host.calls.slice(-100),
			deliveries: host.deliveries.slice(-100),
			storage: { origin: host.storageOrigin, requests: host.storageRequests.slice(-100) },
		});
	}
	if (route === 'POST /_sim/reset') {
		host.reset();
		return sendJson(res, 200, { reset: true });
	}
	if (route === 'POST /_sim/accounts') return addAccount(host, body, res);
	if (route === 'POST /_sim/files') return setFiles(host, body, res);
	if (route === 'GET /_sim/storage') return sendJson(res, 200, { origin: host.storageOrigin, requests: host.storageRequests });
	if (route === 'POST /_sim/users') return sendJson(res, 200, host.addUser(body as UserSeed));
	if (route === 'POST /_sim/webhooks') {
		if (typeof body.url !== 'string' || !Array.isArray(body.events)) {
			return sendJson(res, 400, { detail: 'expected {"url": string, "events": string[], ...}' });
		}
		return sendJson(res, 200, host.plantWebhook(body as unknown as PlantWebhookInput));
	}
	const webhookId = /^\/_sim\/webhooks\/([^/]+)$/.exec(path);
	if (method === 'DELETE' && webhookId) {
		return host.removeWebhook(webhookId[1]) ? sendEmpty(res, 204) : sendJson(res, 404, { detail: 'Not found.' });
	}
	if (route === 'POST /_sim/events') return fireEvent(host, body, res);
	if (route === 'GET /_sim/events') return sendJson(res, 200, { events: EVENT_LIST });
	if (route === 'GET /_sim/faults') return sendJson(res, 200, { faults: host.faultList() });
	if (route === 'POST /_sim/faults') {
		try {
			host.injectFault(faultFromJson(parsed.value));
		} catch (e) {
			return sendJson(res, 400, { detail: (e as Error).message });
		}
		return sendJson(res, 200, { faults: host.faultList() });
	}
	if (route === 'DELETE /_sim/faults') {
		host.clearFaults();
		return sendEmpty(res, 204);
	}
	return sendJson(res, 404, { detail: 'Not found.' });
}

async function fireEvent(host: ControlHost, body: Record<string, unknown>, res: ServerResponse): Promise<void> {
	const event = str(body.event);
	if (!event) return sendJson(res, 400, { event: ['This field is required.'] });
	const only = str(body.only);
	const accountId = str(body.account);
	if (accountId && !host.account(accountId)) return sendJson(res, 404, { detail: `Unknown account ${accountId}.` });
	const account = accountId ?? host.addAccount().id;
	const extra: AccountEventExtra = {};
	if (str(body.error_code)) extra.error_code = str(body.error_code);
	if (str(body.error_message)) extra.error_message = str(body.error_message);
	const user = host.account(account)!.user;
	const results = await host.fireEvent(event, { account, extra, data: asObject(body.data), ...(only ? { only } : {}) });
	return sendJson(res, 200, { event, account, user, results });
}

function addAccount(host: ControlHost, body: Record<string, unknown>, res: ServerResponse): void {
	if (body.kind !== undefined && body.kind !== 'employer' && body.kind !== 'gig') {
		return sendJson(res, 400, { kind: ['Select a valid choice: employer or gig.'] });
	}
	sendJson(res, 200, host.addAccount(body as AccountSeed));
}

function setFiles(host: ControlHost, body: Record<string, unknown>, res: ServerResponse): void {
	const redirect = (body.redirect ?? 'storage') as FileRedirect;
	if (!REDIRECTS.includes(redirect)) return sendJson(res, 400, { redirect: [`One of ${REDIRECTS.join(', ')}.`] });
	const rejectAuthorization = body.rejectAuthorization === true;
	host.setFileRedirect(redirect, { rejectAuthorization });
	sendJson(res, 200, { redirect, rejectAuthorization });
}
