/**
 * Typed HTTP clients for a running n8n:
 *   RestClient       /rest/*  and /types/* with the login cookie (n8n-auth), bound to a browser-id header
 *   PublicApiClient  /api/v1/* with X-N8N-API-KEY
 * Both use the global fetch of the test process (Node 20), never throw on HTTP errors, and return
 * status, headers, raw text and the parsed JSON body.
 */

export interface HttpResult<T = unknown> {
	status: number;
	ok: boolean;
	headers: Headers;
	/** the raw response body */
	text: string;
	/** the JSON-parsed body, or the raw text when it is not JSON (undefined for an empty body) */
	body: T;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface RequestOptions {
	/** JSON-serialised unless it is a string or Buffer (then sent as is) */
	body?: unknown;
	headers?: Record<string, string>;
	query?: Record<string, string | number | boolean | undefined>;
	timeoutMs?: number;
}

export class HttpError extends Error {
	constructor(
		readonly method: string,
		readonly url: string,
		readonly result: HttpResult,
	) {
		super(`${method} ${url} -> HTTP ${result.status}: ${result.text.slice(0, 2000)}`);
		this.name = 'HttpError';
	}
}

export async function httpRequest<T = unknown>(method: HttpMethod, url: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
	const target = new URL(url);
	for (const [key, value] of Object.entries(options.query ?? {})) {
		if (value !== undefined) target.searchParams.set(key, String(value));
	}
	const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
	let body: string | Uint8Array | undefined;
	if (options.body !== undefined) {
		if (typeof options.body === 'string') {
			body = options.body;
		} else if (Buffer.isBuffer(options.body)) {
			body = new Uint8Array(options.body.buffer, options.body.byteOffset, options.body.byteLength);
		} else {
			body = JSON.stringify(options.body);
			if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
		}
	}
	const response = await fetch(target, {
		method,
		headers,
		body: body as NonNullable<Parameters<typeof fetch>[1]>["body"],
		redirect: 'manual',
		signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
	});
	const text = await response.text();
	let parsed: unknown = undefined;
	if (text !== '') {
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = text;
		}
	}
	return { status: response.status, ok: response.ok, headers: response.headers, text, body: parsed as T };
}

/** Throws HttpError unless the status is 2xx; returns the result otherwise. */
export function expectOk<T>(method: string, url: string, result: HttpResult<T>): HttpResult<T> {
	if (!result.ok) throw new HttpError(method, url, result as HttpResult);
	return result;
}

/** n8n's internal REST API (what the editor uses). Responses are wrapped as { data: ... }. */
export class RestClient {
	/** the value of the n8n-auth cookie, or undefined before login */
	authCookie: string | undefined;

	constructor(
		readonly baseUrl: string,
		/** the JWT in n8n-auth embeds a hash of this header: send the same value on every cookie call */
		readonly browserId: string,
	) {}

	private headers(extra?: Record<string, string>): Record<string, string> {
		const headers: Record<string, string> = { 'browser-id': this.browserId, ...extra };
		if (this.authCookie) headers.cookie = `n8n-auth=${this.authCookie}`;
		return headers;
	}

	/** Any request relative to the base URL (path starts with /), with the cookie; stores a new n8n-auth cookie. */
	async request<T = unknown>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
		const result = await httpRequest<T>(method, this.baseUrl + path, { ...options, headers: this.headers(options.headers) });
		for (const cookie of result.headers.getSetCookie?.() ?? []) {
			const match = /^n8n-auth=([^;]*)/.exec(cookie);
			if (match) this.authCookie = match[1] === '' ? undefined : match[1];
		}
		return result;
	}

	/** Request that must succeed; returns the unwrapped `data` of the response body. */
	async data<T = unknown>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
		const result = expectOk(method, this.baseUrl + path, await this.request<{ data: T }>(method, path, options));
		return (result.body as { data: T }).data;
	}

	get<T = unknown>(path: string, options?: RequestOptions) {
		return this.request<T>('GET', path, options);
	}
	post<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
		return this.request<T>('POST', path, { ...options, body });
	}
	patch<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
		return this.request<T>('PATCH', path, { ...options, body });
	}
	delete<T = unknown>(path: string, options?: RequestOptions) {
		return this.request<T>('DELETE', path, options);
	}
}

/** n8n's public API under /api/v1, authenticated with an API key. Responses are not wrapped. */
export class PublicApiClient {
	constructor(
		readonly baseUrl: string,
		public apiKey: string,
	) {}

	request<T = unknown>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<HttpResult<T>> {
		return httpRequest<T>(method, `${this.baseUrl}/api/v1${path}`, {
			...options,
			headers: { 'X-N8N-API-KEY': this.apiKey, ...options.headers },
		});
	}

	/** Request that must succeed; returns the body. */
	async ok<T = unknown>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
		return expectOk(method, `${this.baseUrl}/api/v1${path}`, await this.request<T>(method, path, options)).body;
	}

	get<T = unknown>(path: string, options?: RequestOptions) {
		return this.request<T>('GET', path, options);
	}
	post<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
		return this.request<T>('POST', path, { ...options, body });
	}
	put<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
		return this.request<T>('PUT', path, { ...options, body });
	}
	delete<T = unknown>(path: string, options?: RequestOptions) {
		return this.request<T>('DELETE', path, options);
	}
}
