/**
 * Calls of the Argyle node that change something at Argyle (create a user, a token, a report;
 * update a user; account actions), and the JSON parameters they send. Creates are not repeated
 * on a 5xx or a network failure, which may have been processed: the error says how to check.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { argyleRequest } from '../shared/transport';

export interface WriteHints {
	/** What the call does, for "… while trying to <action>". */
	action: string;
	/** Said when a 5xx or network failure leaves it open whether Argyle did it. */
	unsure?: string;
	/** Said when Argyle refuses it (400, 429), e.g. a daily limit. */
	refused?: string;
}

function explained(error: unknown, hints: WriteHints): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const status = Number(error.httpCode);
	const hint = status === 400 || status === 429 ? hints.refused : !status || status >= 500 ? hints.unsure : undefined;
	if (hint) error.description = `${error.description ?? ''} ${hint}`.trim();
	return error;
}

/** Sends one write; the answer's body (undefined when there is none, e.g. 204 or an empty 200). */
export async function write(
	ctx: IExecuteFunctions,
	method: IHttpRequestMethods,
	path: string,
	body: IDataObject | undefined,
	hints: WriteHints,
): Promise<unknown> {
	try {
		const response = await argyleRequest(
			ctx,
			{ method, path, body },
			{ action: hints.action, onlyRetryRateLimits: method === 'POST' },
		);
		return response.body === '' ? undefined : response.body;
	} catch (error) {
		throw explained(error, hints);
	}
}

export const isJsonObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

/** POST that creates one object and answers it (any 2xx: Argyle's POST /v2/users answers 201). */
export async function createOne<T>(ctx: IExecuteFunctions, path: string, body: IDataObject, hints: WriteHints): Promise<T> {
	const answer = await write(ctx, 'POST', path, body, hints);
	if (isJsonObject(answer)) return answer as T;
	throw new NodeApiError(
		ctx.getNode(),
		{ message: 'Unexpected response' },
		{
			message: `Argyle returned an unexpected answer while trying to ${hints.action}`,
			description: `Expected a JSON object; check that the credential's Base URL points at the Argyle API root. ${hints.unsure ?? ''}`.trim(),
		},
	);
}

/**
 * A JSON-object parameter (type json: a string, or an object from an expression); undefined when
 * left empty. Anything but a JSON object is refused with the parameter's name.
 */
export function jsonObjectParameter(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): IDataObject | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			parsed = undefined;
		}
	}
	if (isJsonObject(parsed)) return parsed;
	throw new NodeOperationError(ctx.getNode(), `${label} must be a JSON object`, {
		itemIndex,
		description: `Set ${label} to an object such as {"crm_id": "42"}, or remove it.`,
	});
}
