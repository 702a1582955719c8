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
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { baseUrlFor, type ArgyleCredentials } from './environment';
import { ArgyleNetworkError, argyleError, networkFailure } from './errors';
import type { ListPage } from './types';

export { ArgyleNetworkError, argyleError, argyleErrorDetail, networkFailure } from './errors';

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
	/**
	 * For calls that create something (a user, a report): a 5xx or a network failure may have been
	 * processed, so only 429 (refused, nothing done) is retried.
	 */
	onlyRetryRateLimits?: boolean;
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
		return networkFailure(error);
	}
}

export type Outcome<T = unknown> = ArgyleResponse<T> | ArgyleNetworkError;

/** How a call ended: a response to use, or the last failure and how many attempts were made. */
export type RetryResult<T> =
	| { ok: true; response: ArgyleResponse<T> }
	| { ok: false; failure: Outcome<T>; attempts: number };

function isRetryable(outcome: Outcome, options: RequestOptions): boolean {
	if (outcome instanceof ArgyleNetworkError) return !options.onlyRetryRateLimits;
	return options.onlyRetryRateLimits ? outcome.statusCode === 429 : isTransient(outcome.statusCode);
}

/**
 * Runs `once` until it answers 2xx or a status in `accept`, retrying transient failures (429, 5xx,
 * network) within the policy's budget. Every HTTP call to Argyle or its file hosts goes through here.
 */
export async function withRetries<T>(once: () => Promise<Outcome<T>>, options: RequestOptions): Promise<RetryResult<T>> {
	const policy = options.retry ?? DEFAULT_RETRY;
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		const outcome = await once();
		if (!(outcome instanceof ArgyleNetworkError)) {
			if (isSuccess(outcome.statusCode) || options.accept?.includes(outcome.statusCode)) {
				return { ok: true, response: outcome };
			}
		}
		const delay =
			outcome instanceof ArgyleNetworkError
				? retryDelayMs(attempt, undefined, policy)
				: retryDelayMs(attempt, parseRetryAfter(outcome.headers['retry-after']), policy);
		if (!isRetryable(outcome, options) || attempt > policy.retries || waited + delay > policy.budgetMs) {
			return { ok: false, failure: outcome, attempts: attempt };
		}
		waited += delay;
		await sleep(delay);
		const recovered = await options.beforeRetry?.(outcome);
		if (recovered) return { ok: true, response: recovered as ArgyleResponse<T> };
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
	const result = await withRetries(() => send<T>(ctx, root, request), options);
	if (result.ok) return result.response;
	throw argyleError(ctx.getNode(), {
		action: options.action,
		baseUrl: root,
		attempts: result.attempts,
		outcome: result.failure,
	});
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
