/**
 * Files behind Argyle's `file_url` and `json_url` (payroll documents, user uploads, reports). Those
 * URLs are on the API host and need the API key; Argyle answers them with a redirect (302) to a
 * storage host that must NOT get the key. So redirects are followed here, one hop at a time, and
 * the credential goes only to the credential's own Base URL origin.
 *
 * What n8n-core's request helper does (n8n-core 2.8.1, execution-engine/node-execution-context/
 * utils/request-helper-functions.js; axios 1.12, follow-redirects 1.16), and why that matters:
 * - httpRequestWithAuthentication applies the credential (our generic `authenticate` sets
 *   `auth: {username, password}`), then calls the plain `httpRequest`, which becomes an axios call:
 *   `auth` is handed to Node's http as `auth: "id:secret"`, i.e. an `Authorization: Basic` header.
 * - Without `disableFollowRedirect`, axios follows redirects through follow-redirects. That library
 *   drops `Authorization` on a redirect to another host, but n8n installs a `beforeRedirect`
 *   (getBeforeRedirectFn) that puts `auth` (and any Authorization header) back on the redirected
 *   request when the origin is the same OR `sendCredentialsOnCrossOriginRedirect` is true, and
 *   that option defaults to TRUE "for backwards compatibility". Following a 302 automatically
 *   would therefore send the Argyle API key to the storage bucket.
 * - `disableFollowRedirect: true` sets axios `maxRedirects: 0`: axios then uses plain http(s)
 *   without follow-redirects, and (with `ignoreHttpStatusErrors`, i.e. validateStatus always true,
 *   and `returnFullResponse`) the 3xx comes back as a response with its `location` header.
 * - `encoding: 'arraybuffer'` becomes axios `responseType: 'arraybuffer'`: the body is a Buffer.
 * We also pass `sendCredentialsOnCrossOriginRedirect: false`, which only matters if a future n8n
 * ignored `disableFollowRedirect`.
 */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { argyleErrorDetail, ArgyleNetworkError, networkFailure } from './errors';
import {
	argyleError,
	CREDENTIAL_TYPE,
	resolveBaseUrl,
	withRetries,
	type ArgyleResponse,
	type Outcome,
} from './transport';

/** Redirects followed at most; the next one is an error. */
export const MAX_REDIRECTS = 5;

const REDIRECTS = [301, 302, 303, 307, 308];

export interface DownloadedFile {
	body: Buffer;
	/** The media type the file answer gave, without parameters (e.g. "application/pdf"); absent if none. */
	mimeType?: string;
	/** Where the file finally came from. */
	url: string;
}

function fileRequest(url: string): IHttpRequestOptions {
	return {
		method: 'GET',
		url,
		headers: { Accept: '*/*' },
		encoding: 'arraybuffer',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
}

type RawResponse = { statusCode: number; headers?: Record<string, unknown>; body: unknown };

const toResponse = (raw: RawResponse): ArgyleResponse => ({
	statusCode: raw.statusCode,
	headers: raw.headers ?? {},
	body: raw.body,
});

/** One GET to the credential's own origin, with the API key, redirects not followed. */
async function getWithCredential(ctx: IExecuteFunctions, url: string): Promise<Outcome> {
	try {
		return toResponse(
			(await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, fileRequest(url))) as RawResponse,
		);
	} catch (error) {
		return networkFailure(error);
	}
}

/** One GET to any other host: plain httpRequest, no credential, no Authorization header. */
async function getWithoutCredential(ctx: IExecuteFunctions, url: string): Promise<Outcome> {
	try {
		return toResponse((await ctx.helpers.httpRequest(fileRequest(url))) as RawResponse);
	} catch (error) {
		return networkFailure(error);
	}
}

/** A response header; Node (and so n8n) gives their names in lower case. */
const header = (headers: Record<string, unknown>, name: 'content-type' | 'location'): string | undefined => {
	const value = headers[name];
	return typeof value === 'string' && value.trim() ? value.trim() : undefined;
};

/** With `encoding: 'arraybuffer'` the body is a Buffer; anything else is kept as its text. */
const asBuffer = (body: unknown): Buffer =>
	Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''));

/** An error body (bytes here) as Argyle's JSON or text, so the error can quote it. */
function readable(outcome: Outcome): Outcome {
	if (outcome instanceof ArgyleNetworkError) return outcome;
	const text = asBuffer(outcome.body).toString('utf8');
	try {
		return { ...outcome, body: JSON.parse(text) as unknown };
	} catch {
		return { ...outcome, body: text };
	}
}

/**
 * `file_url` as an absolute http(s) URL. Argyle sends absolute URLs; its spec examples leave out
 * the scheme ("api.argyle.com/v2/..."), and a path is taken as below the Base URL.
 */
function absoluteFileUrl(ctx: IExecuteFunctions, fileUrl: string, baseUrl: string, action: string): string {
	const text = fileUrl.trim();
	const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : text.startsWith('/') ? `${baseUrl}${text}` : `https://${text}`;
	let url: URL | undefined;
	try {
		url = new URL(candidate);
	} catch {
		url = undefined;
	}
	if (!url || !/^https?:$/.test(url.protocol)) {
		throw new NodeOperationError(ctx.getNode(), `Argyle gave no usable URL to ${action}`, {
			description: `The URL "${text.slice(0, 200)}" is not an http(s) address.`,
		});
	}
	return url.href;
}

function fileHostError(ctx: IExecuteFunctions, url: string, argyleOrigin: string, action: string, failure: Outcome) {
	const host = new URL(url).origin;
	const keyNote = `The API key is only ever sent to ${argyleOrigin}; ${host} got the request without it.`;
	if (failure instanceof ArgyleNetworkError) {
		return new NodeApiError(
			ctx.getNode(),
			{ message: failure.message, code: 'ARGYLE_FILE_HOST_UNREACHABLE' },
			{
				message: `Could not reach ${host} to ${action}: ${failure.message}`,
				description: `Argyle sent the download to ${host}; check that n8n can reach that host. ${keyNote}`,
			},
		);
	}
	const detail = argyleErrorDetail((readable(failure) as ArgyleResponse).body);
	const message = `${host} refused (HTTP ${failure.statusCode}) to ${action}`;
	const description = `Argyle sent the download on to ${host}, which refused it${detail ? ` ("${detail}")` : ''}. Download links from Argyle are short-lived: run the node again. ${keyNote}`;
	return new NodeApiError(ctx.getNode(), { httpCode: String(failure.statusCode), message }, {
		message,
		description,
		httpCode: String(failure.statusCode),
	});
}

function redirectTarget(ctx: IExecuteFunctions, response: ArgyleResponse, from: string, action: string): string {
	const location = header(response.headers, 'location');
	let target: URL | undefined;
	try {
		target = location ? new URL(location, from) : undefined;
	} catch {
		target = undefined;
	}
	if (!target || !/^https?:$/.test(target.protocol)) {
		throw new NodeApiError(ctx.getNode(), { message: 'Bad redirect', httpCode: String(response.statusCode) }, {
			message: `The download redirected (HTTP ${response.statusCode}) to no usable address while trying to ${action}`,
			description: `${new URL(from).origin} answered with Location "${(location ?? '').slice(0, 200)}". Try again later.`,
		});
	}
	return target.href;
}

function tooManyRedirects(ctx: IExecuteFunctions, action: string, loop: boolean, last: string) {
	const message = loop
		? `The download redirected in a loop while trying to ${action}`
		: `The download redirected more than ${MAX_REDIRECTS} times while trying to ${action}`;
	return new NodeApiError(ctx.getNode(), { message }, {
		message,
		description: `Stopped before following a redirect to ${new URL(last).origin}. Try again later; if it keeps happening, the file's URL at Argyle is broken.`,
	});
}

/**
 * GETs `fileUrl`, following up to MAX_REDIRECTS redirects by hand: the credential's own origin
 * gets the request with the API key, every other origin without it (including a `fileUrl` that
 * is not on the Base URL's origin). Each hop retries 429/5xx like any Argyle call.
 */
export async function downloadArgyleFile(
	ctx: IExecuteFunctions,
	fileUrl: string,
	action: string,
): Promise<DownloadedFile> {
	const baseUrl = await resolveBaseUrl(ctx);
	const argyleOrigin = new URL(baseUrl).origin;
	let url = absoluteFileUrl(ctx, fileUrl, baseUrl, action);
	const visited = new Set<string>();
	for (let redirects = 0; ; redirects++) {
		visited.add(url);
		const trusted = new URL(url).origin === argyleOrigin;
		const result = await withRetries(
			() => (trusted ? getWithCredential(ctx, url) : getWithoutCredential(ctx, url)),
			{ action, accept: REDIRECTS },
		);
		if (!result.ok) {
			throw trusted
				? argyleError(ctx.getNode(), { action, baseUrl, attempts: result.attempts, outcome: readable(result.failure) })
				: fileHostError(ctx, url, argyleOrigin, action, result.failure);
		}
		const response = result.response;
		if (!REDIRECTS.includes(response.statusCode)) {
			const mimeType = header(response.headers, 'content-type')?.split(';')[0].trim().toLowerCase();
			return { body: asBuffer(response.body), url, ...(mimeType ? { mimeType } : {}) };
		}
		const next = redirectTarget(ctx, response, url, action);
		if (visited.has(next) || redirects >= MAX_REDIRECTS) throw tooManyRedirects(ctx, action, visited.has(next), next);
		url = next;
	}
}
