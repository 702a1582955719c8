// Webhook delivery like Argyle: POST {"event","name","data"} with X-Argyle-Signature = hex HMAC-SHA512(secret, body).
import { createHmac } from 'node:crypto';
import { isItemsEvent, WILDCARD } from './events';
import { rawRequest } from './rawhttp';
import type { WebhookSubscription } from './types';

export const SIGNATURE_HEADER = 'X-Argyle-Signature';

export function sign(body: string | Buffer, secret: string): string {
	return createHmac('sha512', secret).update(body).digest('hex');
}

export function envelope(event: string, subscriptionName: string, data: Record<string, unknown>): string {
	return JSON.stringify({ event, name: subscriptionName, data });
}

/**
 * Does this subscription receive the event? `explicit` is false when only `"*"` matched:
 * a wildcard subscription cannot carry per-event config such as `include_resource` (argyle-api.md §2).
 */
export function subscriptionMatch(
	sub: WebhookSubscription,
	event: string,
	data: Record<string, unknown>,
): { matches: boolean; explicit: boolean } {
	const explicit = sub.events.includes(event);
	if (isItemsEvent(event)) {
		// Never via "*"; and only for the Items listed in config.items (when the payload names one).
		const items = Array.isArray(sub.config.items) ? sub.config.items : [];
		const item = typeof data.item === 'string' ? data.item : undefined;
		return { matches: explicit && (item === undefined || items.includes(item)), explicit };
	}
	return { matches: explicit || sub.events.includes(WILDCARD), explicit };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK.has(hostname.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(hostname) || hostname.endsWith('.localhost');
}

export interface PostResult {
	status: number;
	responseBody: string;
	error?: string;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

/** POSTs the exact bytes of `body`; never rejects (errors become status 0). Loopback hosts only. */
export async function postJson(
	url: string,
	body: string,
	headers: Record<string, string>,
	timeoutMs: number,
	signal?: AbortSignal,
): Promise<PostResult> {
	let target: URL;
	try {
		target = new URL(url);
	} catch {
		return { status: 0, responseBody: '', error: `invalid URL: ${url}` };
	}
	if (!isLoopbackHost(target.hostname)) {
		return {
			status: 0,
			responseBody: '',
			error: `not delivered: the simulator only delivers to loopback hosts (got ${target.hostname})`,
		};
	}
	try {
		const res = await rawRequest(target, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'User-Agent': 'Argyle-Webhooks-Simulator/1.0', ...headers },
			body: Buffer.from(body, 'utf8'),
			timeoutMs,
			signal,
		});
		return { status: res.status, responseBody: res.body.subarray(0, MAX_RESPONSE_BYTES).toString('utf8') };
	} catch (e) {
		const err = e as NodeJS.ErrnoException;
		return { status: 0, responseBody: '', error: err.code ? `${err.code}: ${err.message}` : err.message || String(e) };
	}
}
