/**
 * The one way this package talks to Argyle: Basic auth through the `argyleApi` credential,
 * retries with backoff for 429 and 5xx (honouring `Retry-After`), pagination over `next`,
 * and errors that say what to fix. Nothing here ever puts a secret in an error.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { ARGYLE_BASE_URLS, baseUrlFor, type ArgyleCredentials } from './environment';
import type { ListPage } from './types';

export const CREDENTIAL_TYPE = 'argyleApi';

export type ArgyleContext =
	| IHookFunctions
	| IExecuteFunctions
	| IWebhookFunctions
	| ILoadOptionsFunctions;

export interface ArgyleRequest {
	method: IHttpRequestMethods;
	/** Path below the API root, e.g. `/v2/webhooks`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

export interface ArgyleResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, unknown>;
	body: T;
}

export interface RetryPolicy {
	/** Attempts after the first one. */
	retries: number;
	baseDelayMs: number;
	/** Cap for one wait, including a server's `Retry-After`. */
	maxDelayMs: number;
	/** Total time the retries may wait before the call fails for good. */
	budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	retries: 4,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	budgetMs: 60_000,
};

export const NO_RETRY: RetryPolicy = { retries: 0, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 0 };

export interface RequestOptions {
	/** What the call is for, in words that fit "could not …": used in error messages. */
	action: string;
	retry?: RetryPolicy;
	/** Statuses besides 2xx that the caller handles itself (e.g. 404 on delete). */
	accept?: number[];
	/**
	 * Runs after the wait, before a retry. A response it returns ends the call as if the
	 * request had succeeded: a create that failed with 5xx may have been stored anyway.
	 */
	beforeRetry?: (failure: ArgyleResponse | ArgyleNetworkError) => Promise<ArgyleResponse | undefined>;
}

/** A failure before any HTTP status: refused connection, DNS, TLS, timeout. */
export class ArgyleNetworkError {
	constructor(
		readonly code: string,
		readonly message: string,
	) {}
}

export function isSuccess(statusCode: number): boolean {
	return statusCode >= 200 && statusCode < 300;
}

export function isTransient(statusCode: number): boolean {
	return statusCode === 429 || (statusCode >= 500 && statusCode <= 599);
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds; undefined when absent or invalid. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	const raw = Array.isArray(value) ? value[0] : value;
	if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
	const text = String(raw).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How long to wait before retry number `attempt` (1-based). */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, policy: RetryPolicy) {
	const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
	return Math.min(policy.maxDelayMs, retryAfterMs ?? backoff);
}

export async function resolveBaseUrl(ctx: ArgyleContext): Promise<string> {
	const credentials = (await ctx.getCredentials(CREDENTIAL_TYPE)) as unknown as ArgyleCredentials;
	const baseUrl = baseUrlFor(credentials);
	if (!/^https?:\/\/[^/]/i.test(baseUrl)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The Argyle API credential has no valid Base URL',
			{
				description:
					'With the Custom environment, set Base URL to the API root, e.g. https://argyle-proxy.example.com (without /v2)',
			},
		);
	}
	return baseUrl;
}

/** The system error code (ECONNREFUSED, ENOTFOUND, …) wherever n8n's error wrapping put it. */
function networkCode(error: unknown): string {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const { code, httpCode } = current as { code?: unknown; httpCode?: unknown };
		if (typeof code === 'string' && code) return code;
		if (typeof httpCode === 'string' && /^E[A-Z_]+$/.test(httpCode)) return httpCode;
		current = (current as { cause?: unknown }).cause;
	}
	return 'NETWORK_ERROR';
}

/** One HTTP call. HTTP errors come back as a response, network failures as ArgyleNetworkError. */
async function send<T>(
	ctx: ArgyleContext,
	baseUrl: string,
	request: ArgyleRequest,
): Promise<ArgyleResponse<T> | ArgyleNetworkError> {
	const options: IHttpRequestOptions = {
		method: request.method,
		baseURL: baseUrl,
		url: request.path,
		qs: request.qs,
		body: request.body,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_TYPE,
			options,
		)) as { statusCode: number; headers?: Record<string, unknown>; body: T };
		return { statusCode: response.statusCode, headers: response.headers ?? {}, body: response.body };
	} catch (error) {
		// The original error carries the request config (with the Basic auth password): keep only its code.
		const code = networkCode(error);
		return new ArgyleNetworkError(code, describeNetworkCode(code));
	}
}

function describeNetworkCode(code: string): string {
	switch (code) {
		case 'ECONNREFUSED':
			return 'the connection was refused';
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return 'the host name could not be resolved';
		case 'ETIMEDOUT':
		case 'ECONNABORTED':
			return 'the connection timed out';
		case 'ECONNRESET':
			return 'the connection was closed unexpectedly';
		default:
			return 'the request could not be sent';
	}
}

/**
 * Calls Argyle, retrying transient failures (429, 5xx, network) within the policy's budget.
 * Returns 2xx responses and the statuses in `accept`; everything else throws a NodeApiError.
 */
export async function argyleRequest<T = unknown>(
	ctx: ArgyleContext,
	request: ArgyleRequest,
	options: RequestOptions,
	baseUrl?: string,
): Promise<ArgyleResponse<T>> {
	const root = baseUrl ?? (await resolveBaseUrl(ctx));
	const policy = options.retry ?? DEFAULT_RETRY;
	let waited = 0;
	for (let attempt = 0; ; attempt++) {
		const outcome = await send<T>(ctx, root, request);
		if (!(outcome instanceof ArgyleNetworkError)) {
			if (isSuccess(outcome.statusCode) || options.accept?.includes(outcome.statusCode)) {
				return outcome;
			}
		}
		const transient = outcome instanceof ArgyleNetworkError || isTransient(outcome.statusCode);
		const delay =
			outcome instanceof ArgyleNetworkError
				? retryDelayMs(attempt + 1, undefined, policy)
				: retryDelayMs(attempt + 1, parseRetryAfter(outcome.headers['retry-after']), policy);
		if (!transient || attempt >= policy.retries || waited + delay > policy.budgetMs) {
			throw argyleError(ctx.getNode(), {
				action: options.action,
				baseUrl: root,
				attempts: attempt + 1,
				outcome,
			});
		}
		waited += delay;
		await sleep(delay);
		const recovered = await options.beforeRetry?.(outcome);
		if (recovered) return recovered as ArgyleResponse<T>;
	}
}

/** Fetches every page of a v2 list, following `next` until it is null. */
export async function argyleRequestAllPages<T>(
	ctx: ArgyleContext,
	path: string,
	qs: IDataObject,
	options: RequestOptions & { limit?: number },
	baseUrl?: string,
): Promise<T[]> {
	const root = baseUrl ?? (await resolveBaseUrl(ctx));
	const results: T[] = [];
	let query: IDataObject = { ...qs, limit: qs.limit ?? 200 };
	const seen = new Set<string>();
	for (;;) {
		const page = await argyleRequest<ListPage<T>>(
			ctx,
			{ method: 'GET', path, qs: query },
			options,
			root,
		);
		const body = page.body;
		if (!body || !Array.isArray(body.results)) {
			throw new NodeApiError(
				ctx.getNode(),
				{ message: 'Unexpected list response' },
				{
					message: `Argyle returned an unexpected answer while trying to ${options.action}`,
					description: `Expected a page with "results" from ${path}; check that the credential's Base URL points at the Argyle API root`,
				},
			);
		}
		results.push(...body.results);
		if (options.limit !== undefined && results.length >= options.limit) {
			return results.slice(0, options.limit);
		}
		const next = nextPageQuery(body.next);
		// A cursor seen before would loop forever: stop instead of hammering the API.
		if (!next || seen.has(JSON.stringify(next))) return results;
		seen.add(JSON.stringify(next));
		query = next;
	}
}

/**
 * The query of Argyle's absolute `next` URL. Only the query is reused, against our own base URL,
 * so a proxy in front of Argyle keeps working and credentials never go to another host.
 */
export function nextPageQuery(next: unknown): IDataObject | undefined {
	if (typeof next !== 'string' || !next) return undefined;
	let url: URL;
	try {
		url = new URL(next, 'http://placeholder.invalid');
	} catch {
		return undefined;
	}
	const query: IDataObject = {};
	url.searchParams.forEach((value, key) => {
		query[key] = value;
	});
	return Object.keys(query).length ? query : undefined;
}

/** Argyle's own words from an error body: `detail`, `message`, or a DRF field map. */
export function argyleErrorDetail(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') return body.slice(0, 300);
	if (typeof body !== 'object') return String(body);
	const record = body as Record<string, unknown>;
	for (const key of ['detail', 'message', 'error']) {
		if (typeof record[key] === 'string') return (record[key] as string).slice(0, 300);
	}
	const fields = Object.entries(record)
		.filter(([key]) => key !== 'secret')
		.map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(' ') : JSON.stringify(value)}`);
	return fields.length ? fields.join('; ').slice(0, 300) : undefined;
}

interface FailureContext {
	action: string;
	baseUrl: string;
	attempts: number;
	outcome: ArgyleResponse<unknown> | ArgyleNetworkError;
}

/** Turns a failed call into an error that says what happened and what to do about it. */
export function argyleError(node: ReturnType<ArgyleContext['getNode']>, failure: FailureContext) {
	const { action, baseUrl, attempts, outcome } = failure;
	const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
	if (outcome instanceof ArgyleNetworkError) {
		return new NodeApiError(
			node,
			{ message: outcome.message, code: 'ARGYLE_UNREACHABLE' },
			{
				message: `Could not reach Argyle at ${baseUrl} to ${action}: ${outcome.message}${tries}`,
				description: `Network error ${outcome.code}. Check the Environment (and, for Custom, the Base URL) in the Argyle API credential, and that n8n can reach that host.`,
			},
		);
	}
	const status = outcome.statusCode;
	const detail = argyleErrorDetail(outcome.body);
	const said = detail ? ` Argyle said: "${detail}".` : '';
	let message: string;
	let description: string;
	if (status === 401) {
		message = `Argyle rejected the API key (401) while trying to ${action}`;
		description = `Check the API key ID and secret in the Argyle API credential, and that its Environment matches the key: Sandbox keys only work with ${ARGYLE_BASE_URLS.sandbox}, Production keys with ${ARGYLE_BASE_URLS.production}.${said}`;
	} else if (status === 403) {
		message = `Argyle refused (403) to let this API key ${action}`;
		description = `The key is valid but not allowed to do this; check its permissions in Argyle Console.${said}`;
	} else if (status === 404) {
		message = `Argyle found nothing (404) while trying to ${action}`;
		description = `Check the ID, and that it belongs to the credential's environment.${said}`;
	} else if (status === 429) {
		message = `Argyle kept rate-limiting (429) the request to ${action}${tries}`;
		description = `Too many requests for this API key; wait a minute and try again.${said}`;
	} else if (status >= 500) {
		message = `Argyle failed (HTTP ${status}) to ${action}${tries}`;
		description = `Argyle's API is having trouble; try again later.${said}`;
	} else if (status === 400 || status === 422) {
		message = `Argyle rejected the request (${status}) to ${action}${detail ? `: ${detail}` : ''}`;
		description = `Check the node's parameters.${said}`;
	} else {
		message = `Argyle answered HTTP ${status} while trying to ${action}`;
		description = `Unexpected status from ${baseUrl}.${said}`;
	}
	const response: JsonObject = { httpCode: String(status), message };
	if (detail) response.detail = detail;
	return new NodeApiError(node, response, { message, description, httpCode: String(status) });
}
