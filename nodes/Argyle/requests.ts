/**
 * The calls the Argyle node's operations are made of. Every call goes through the shared
 * transport, so auth, retries (429/5xx with Retry-After) and error wording stay in one place; the
 * `action` strings name the operation and the ID, so an error reads "… while trying to delete
 * account 0185…". Nothing here logs.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { argyleError, argyleRequest, argyleRequestAllPages, resolveBaseUrl } from '../shared/transport';

/** What a delete outputs: `alreadyDeleted` only when a 404 was ignored on purpose. */
export interface DeletionResult {
	id: string;
	deleted: boolean;
	alreadyDeleted?: true;
}

/** Argyle's largest page (`limit` max 200 on every v2 list). */
export const MAX_PAGE_SIZE = 200;

/** Statuses that mean "nothing with this ID": the goal of a delete is reached either way. */
const GONE = [404, 410];

export function requiredId(ctx: IExecuteFunctions, parameter: string, label: string, itemIndex: number) {
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
export function expectObject<T>(ctx: IExecuteFunctions, body: unknown, action: string): T {
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
export function compact(query: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== ''),
	);
}

export async function getOne<T>(ctx: IExecuteFunctions, path: string, action: string): Promise<T> {
	const response = await argyleRequest(ctx, { method: 'GET', path }, { action });
	return expectObject<T>(ctx, response.body, action);
}

/** Return All reads every page; otherwise pages of up to 200 until Limit results are in. */
export async function getMany<T>(
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
export async function deleteOne(
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

export const idPath = (collection: string, id: string) => `/v2/${collection}/${encodeURIComponent(id)}`;
