/**
 * How a failed call to Argyle reads: network failures reduced to their code (the original error
 * carries the request config, with the Basic auth password), and HTTP failures as NodeApiErrors
 * that say what happened and what to fix. Nothing here ever puts a secret in an error.
 */
import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ARGYLE_BASE_URLS } from './environment';
import type { ArgyleContext, ArgyleResponse } from './transport';

/** A failure before any HTTP status: refused connection, DNS, TLS, timeout. */
export class ArgyleNetworkError {
	constructor(
		readonly code: string,
		readonly message: string,
	) {}
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

/** A thrown request error as an ArgyleNetworkError. */
export function networkFailure(error: unknown): ArgyleNetworkError {
	// The original error carries the request config (with the Basic auth password): keep only its code.
	const code = networkCode(error);
	return new ArgyleNetworkError(code, describeNetworkCode(code));
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
