// Helpers for tests that talk to the simulator: a webhook receiver and a tiny API client.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { rawRequest } from './rawhttp';

export interface ReceivedRequest {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	/** Exact bytes received. */
	raw: Buffer;
	/** Parsed JSON body (undefined when not JSON). */
	json: unknown;
	at: number;
}

/** A loopback HTTP server that records every request (e.g. webhook deliveries). */
export class WebhookReceiver {
	readonly received: ReceivedRequest[] = [];
	private status = 200;
	private responseBody = '{"ok":true}';
	private delayMs = 0;
	private waiters: Array<() => void> = [];

	private constructor(
		private readonly server: http.Server,
		readonly url: string,
	) {}

	static async start(): Promise<WebhookReceiver> {
		let receiver: WebhookReceiver | undefined;
		const server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const raw = Buffer.concat(chunks);
				let json: unknown;
				try {
					json = JSON.parse(raw.toString('utf8'));
				} catch {
					json = undefined;
				}
				const r = receiver!;
				const reply = (): void => {
					res.writeHead(r.status, { 'Content-Type': 'application/json' });
					res.end(r.responseBody);
				};
				r.received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw, json, at: Date.now() });
				for (const w of r.waiters.splice(0)) w();
				if (r.delayMs) setTimeout(reply, r.delayMs);
				else reply();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		receiver = new WebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
		return receiver;
	}

	respondWith(status: number, body = '{"ok":true}', delayMs = 0): void {
		this.status = status;
		this.responseBody = body;
		this.delayMs = delayMs;
	}

	/** Resolves once at least `count` requests have arrived (rejects after `timeoutMs`). */
	async waitFor(count: number, timeoutMs = 2000): Promise<ReceivedRequest[]> {
		const deadline = Date.now() + timeoutMs;
		while (this.received.length < count) {
			const left = deadline - Date.now();
			if (left <= 0) throw new Error(`expected ${count} requests, got ${this.received.length}`);
			await new Promise<void>((resolve) => {
				const t = setTimeout(resolve, left);
				this.waiters.push(() => {
					clearTimeout(t);
					resolve();
				});
			});
		}
		return this.received.slice(0, count);
	}

	async stop(): Promise<void> {
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections();
		await closed;
	}
}

export interface ApiResponse<T = unknown> {
	status: number;
	/** Lower-case header names. */
	headers: Record<string, string>;
	text: string;
	json: T;
}

/**
 * Minimal HTTP client (over node:net, so nock cannot intercept it): `auth` is [keyId, secret] for
 * Basic auth, or a raw Authorization header value.
 */
export async function request<T = unknown>(
	url: string,
	opts: { method?: string; body?: unknown; rawBody?: string; auth?: [string, string] | string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ApiResponse<T>> {
	const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
	if (Array.isArray(opts.auth)) headers.Authorization = `Basic ${Buffer.from(`${opts.auth[0]}:${opts.auth[1]}`).toString('base64')}`;
	else if (typeof opts.auth === 'string') headers.Authorization = opts.auth;
	const payload = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
	if (payload !== undefined) headers['Content-Type'] = 'application/json';
	const res = await rawRequest(url, { method: opts.method ?? 'GET', headers, body: payload, timeoutMs: opts.timeoutMs ?? 10_000 });
	const text = res.body.toString('utf8');
	let json: unknown = undefined;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json: json as T };
}
