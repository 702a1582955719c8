// One API request as Argyle would answer it: Basic auth against the accepted keys, an entry in the
// call log (its status set as soon as the head is written), injected faults, then the route.
import type { ServerResponse } from 'node:http';

import { DEFAULT_FAULT_BODY, type FaultBook } from './faults';
import { checkBasicAuth, queryObject, sendEmpty, sendJson, sendText, type AuthResult, type ParsedBody } from './http';
import { dispatch, matchRoute, type ApiHost } from './router';
import type { CallRecord, FaultSpec } from './types';

const MAX_KEPT_CALLS = 50_000;

export interface RequestHost {
	readonly calls: CallRecord[];
	readonly faults: FaultBook;
	readonly api: ApiHost;
	/** Every accepted API key, the simulator's own first. */
	keys(): Array<{ id: string; secret: string }>;
	/** Resolves after `ms`, or at once when the simulator stops. */
	sleep(ms: number): Promise<void>;
	stopped(): boolean;
	log?: (line: string) => void;
}

export interface ApiCall {
	method: string;
	url: URL;
	authorization: string | undefined;
	body: ParsedBody;
}

function authenticate(host: RequestHost, header: string | undefined): AuthResult {
	let first: AuthResult | undefined;
	for (const key of host.keys()) {
		const result = checkBasicAuth(header, key.id, key.secret);
		if (result.ok) return result;
		first ??= result;
	}
	return first ?? { ok: false, detail: 'Invalid username/password.' };
}

function record(host: RequestHost, call: ApiCall, authorized: boolean, res: ServerResponse): CallRecord {
	const { method, url } = call;
	const entry: CallRecord = {
		method,
		path: url.pathname,
		query: queryObject(url),
		body: call.body.raw.trim() === '' ? null : call.body.ok ? call.body.value : call.body.raw,
		authorized,
		status: 0,
		at: Date.now(),
		faulted: false,
	};
	host.calls.push(entry);
	if (host.calls.length > MAX_KEPT_CALLS) host.calls.splice(0, host.calls.length - MAX_KEPT_CALLS);
	// The status is recorded as soon as the head is written, so it is there before the client sees the answer.
	const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
	(res as unknown as { writeHead: (...a: unknown[]) => ServerResponse }).writeHead = (...a: unknown[]) => {
		const out = writeHead(...a);
		entry.status = res.statusCode;
		return out;
	};
	res.once('finish', () => {
		entry.status = res.statusCode;
		host.log?.(`${method} ${url.pathname}${url.search} -> ${res.statusCode}${entry.faulted ? ' (fault)' : ''}`);
	});
	return entry;
}

function sendFault(res: ServerResponse, fault: FaultSpec): void {
	const headers: Record<string, string> = {};
	if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
	const status = fault.status!;
	const body = fault.body === undefined ? DEFAULT_FAULT_BODY : fault.body;
	if (status === 204 || status === 304 || body === null) return sendEmpty(res, status, headers);
	if (typeof body === 'string') return sendText(res, status, body, headers);
	sendJson(res, status, body, headers);
}

/** Unknown routes answer 404 before auth, like Argyle; known ones 401 without valid keys. */
export async function serveApi(host: RequestHost, call: ApiCall, res: ServerResponse): Promise<void> {
	const auth = authenticate(host, call.authorization);
	const entry = record(host, call, auth.ok, res);
	const fault = host.faults.take(call.method, call.url.pathname, call.url.pathname + call.url.search);
	if (fault) {
		entry.faulted = true;
		if (fault.delayMs) await host.sleep(fault.delayMs);
		if (host.stopped()) return;
		if (fault.status !== undefined) return sendFault(res, fault);
	}
	const match = matchRoute(call.url.pathname);
	if (!match) return sendJson(res, 404, { detail: 'Not found.' });
	if (!auth.ok) return sendJson(res, 401, { detail: auth.detail }, { 'WWW-Authenticate': 'Basic realm="api"' });
	dispatch(host.api, match, { method: call.method, url: call.url, body: call.body }, res);
}
