/**
 * What each resource/operation does for one input item. Every call goes through the shared
 * transport, so auth, retries (429/5xx with Retry-After) and error wording stay in one place;
 * the `action` strings here name the operation and the ID, so an error reads
 * "… while trying to delete account 0185…".
 *
 * Nothing here logs, and webhook signing secrets never reach the output.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { argyleError, argyleRequest, argyleRequestAllPages, resolveBaseUrl } from '../shared/transport';
import type { ArgyleAccount, ArgyleUser, WebhookSubscription } from '../shared/types';
import type { Resource } from './resources';

/** What a delete outputs: `alreadyDeleted` only when a 404 was ignored on purpose. */
export interface DeletionResult {
	id: string;
	deleted: boolean;
	alreadyDeleted?: true;
}

export type OperationOutput = ArgyleAccount | ArgyleUser | WebhookSubscription | DeletionResult;

/** Runs one operation for one input item; Get Many may return any number of results. */
export type OperationHandler = (ctx: IExecuteFunctions, itemIndex: number) => Promise<OperationOutput[]>;

/** Argyle's largest page (`limit` max 200 on every v2 list). */
export const MAX_PAGE_SIZE = 200;

/** Statuses that mean "nothing with this ID": the goal of a delete is reached either way. */
const GONE = [404, 410];

function requiredId(ctx: IExecuteFunctions, parameter: string, label: string, itemIndex: number) {
	const raw = ctx.getNodeParameter(parameter, itemIndex, '') as unknown;
	const id = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
	if (!id) {
		throw new NodeOperationError(ctx.getNode(), `No ${label} ID given for item ${itemIndex}`, {
			itemIndex,
			description: `Set "${label} ID". If it is an expression, check that it resolves to an ID for this item (e.g. {{ $json.account }} needs an "account" field).`,
		});
	}
	return id;
}

/** A single object from Argyle; anything else means the Base URL points somewhere wrong. */
function expectObject<T>(ctx: IExecuteFunctions, body: unknown, action: string): T {
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as T;
	throw new NodeApiError(
		ctx.getNode(),
		{ message: 'Unexpected response' },
		{
			message: `Argyle returned an unexpected answer while trying to ${action}`,
			description:
				"Expected a JSON object; check that the credential's Base URL points at the Argyle API root",
		},
	);
}

/** Drops filters left empty, so they do not reach Argyle as `?user=`. */
function compact(query: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== ''),
	);
}

async function getOne<T>(ctx: IExecuteFunctions, path: string, action: string): Promise<T> {
	const response = await argyleRequest(ctx, { method: 'GET', path }, { action });
	return expectObject<T>(ctx, response.body, action);
}

/** Return All reads every page; otherwise pages of up to 200 until Limit results are in. */
async function getMany<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	filters: IDataObject,
	action: string,
): Promise<T[]> {
	const qs = compact(filters);
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) {
		return await argyleRequestAllPages<T>(ctx, path, { ...qs, limit: MAX_PAGE_SIZE }, { action });
	}
	const limit = Math.floor(Number(ctx.getNodeParameter('limit', itemIndex, 50)));
	if (!Number.isFinite(limit) || limit < 1) {
		throw new NodeOperationError(ctx.getNode(), 'Limit must be a whole number of at least 1', {
			itemIndex,
			description: 'Set Limit to 1 or more, or turn on Return All.',
		});
	}
	return await argyleRequestAllPages<T>(
		ctx,
		path,
		{ ...qs, limit: Math.min(limit, MAX_PAGE_SIZE) },
		{ action, limit },
	);
}

/**
 * DELETE answers 204. A 404 means the ID is unknown: usually already deleted, because
 * Argyle may deliver the same webhook more than once. With Ignore Already Deleted that is
 * a success; without it, the error says how to make it one.
 */
async function deleteOne(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	id: string,
	what: string,
): Promise<DeletionResult> {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as { ignoreAlreadyDeleted?: boolean };
	const action = `delete ${what} ${id}`;
	const baseUrl = await resolveBaseUrl(ctx);
	const response = await argyleRequest(
		ctx,
		{ method: 'DELETE', path },
		{ action, accept: GONE },
		baseUrl,
	);
	if (!GONE.includes(response.statusCode)) return { id, deleted: true };
	if (options.ignoreAlreadyDeleted) return { id, deleted: false, alreadyDeleted: true };
	const error = argyleError(ctx.getNode(), { action, baseUrl, attempts: 1, outcome: response });
	error.description = `${error.description ?? ''} If it may have been deleted already (e.g. the same webhook arrived twice), turn on the "Ignore Already Deleted" option to treat this as success.`.trim();
	throw error;
}

const idPath = (collection: string, id: string) => `/v2/${collection}/${encodeURIComponent(id)}`;

export const operations: Record<Resource, Record<string, OperationHandler>> = {
	account: {
		async delete(ctx, itemIndex) {
			const id = requiredId(ctx, 'accountId', 'Account', itemIndex);
			return [await deleteOne(ctx, itemIndex, idPath('accounts', id), id, 'account')];
		},
		async get(ctx, itemIndex) {
			const id = requiredId(ctx, 'accountId', 'Account', itemIndex);
			return [await getOne<ArgyleAccount>(ctx, idPath('accounts', id), `get account ${id}`)];
		},
		async getAll(ctx, itemIndex) {
			const filters = ctx.getNodeParameter('filters', itemIndex, {}) as {
				user?: string;
				item?: string;
				ongoingRefreshStatus?: string;
			};
			return await getMany<ArgyleAccount>(
				ctx,
				itemIndex,
				'/v2/accounts',
				{
					user: filters.user?.trim(),
					item: filters.item?.trim(),
					ongoing_refresh_status: filters.ongoingRefreshStatus,
				},
				'list accounts',
			);
		},
	},
	user: {
		async delete(ctx, itemIndex) {
			const id = requiredId(ctx, 'userId', 'User', itemIndex);
			return [await deleteOne(ctx, itemIndex, idPath('users', id), id, 'user')];
		},
		async get(ctx, itemIndex) {
			const id = requiredId(ctx, 'userId', 'User', itemIndex);
			return [await getOne<ArgyleUser>(ctx, idPath('users', id), `get user ${id}`)];
		},
		async getAll(ctx, itemIndex) {
			const filters = ctx.getNodeParameter('filters', itemIndex, {}) as { externalId?: string };
			return await getMany<ArgyleUser>(
				ctx,
				itemIndex,
				'/v2/users',
				{ external_id: filters.externalId },
				'list users',
			);
		},
	},
	webhookSubscription: {
		async delete(ctx, itemIndex) {
			const id = requiredId(ctx, 'webhookSubscriptionId', 'Webhook Subscription', itemIndex);
			return [
				await deleteOne(ctx, itemIndex, idPath('webhooks', id), id, 'webhook subscription'),
			];
		},
		async getAll(ctx, itemIndex) {
			const subscriptions = await getMany<WebhookSubscription>(
				ctx,
				itemIndex,
				'/v2/webhooks',
				{},
				'list webhook subscriptions',
			);
			return subscriptions.map(withoutSecret);
		},
	},
};

/**
 * Argyle returns each subscription's signing secret in clear. Execution data is stored
 * unencrypted, so the node says only whether one is set.
 */
function withoutSecret({ secret, ...subscription }: WebhookSubscription): WebhookSubscription {
	return { ...subscription, has_secret: typeof secret === 'string' && secret.length > 0 };
}

/** The handler for the node's resource and operation; unknown pairs are a configuration error. */
export function handlerFor(
	ctx: IExecuteFunctions,
	resource: string,
	operation: string,
): OperationHandler {
	// hasOwn, not `in`: "constructor" or "toString" must not pass for an operation.
	const forResource = Object.hasOwn(operations, resource)
		? operations[resource as Resource]
		: undefined;
	if (!forResource || !Object.hasOwn(forResource, operation)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not supported for the resource "${resource}"`,
			{ description: 'Pick the resource and operation again in the node.' },
		);
	}
	return forResource[operation];
}
