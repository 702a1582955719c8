// A minimal HTTP/1.1 client over node:net / node:tls. The simulator and its test kit use it instead of
// node:http because HTTP mocking libraries (nock 14 / @mswjs/interceptors) patch http.request process-wide,
// and inside a jest worker that patch leaks from one test file into the next.
import net from 'node:net';
import tls from 'node:tls';

export interface RawResponse {
	status: number;
	/** Lower-case header names; repeated headers joined with ", ". */
	headers: Record<string, string>;
	body: Buffer;
}

export interface RawRequestOptions {
	method?: string;
	headers?: Record<string, string>;
	body?: string | Buffer;
	timeoutMs?: number;
	signal?: AbortSignal;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** Sends one request on a fresh connection (`Connection: close`) and resolves with the full response. */
export function rawRequest(url: string | URL, opts: RawRequestOptions = {}): Promise<RawResponse> {
	const target = typeof url === 'string' ? new URL(url) : url;
	if (target.protocol !== 'http:' && target.protocol !== 'https:') {
		return Promise.reject(new Error(`unsupported protocol ${target.protocol}`));
	}
	const method = (opts.method ?? 'GET').toUpperCase();
	const body = opts.body === undefined ? undefined : Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body, 'utf8');
	const secure = target.protocol === 'https:';
	const port = Number(target.port || (secure ? 443 : 80));
	const host = target.hostname.replace(/^\[(.*)\]$/, '$1');

	const headers: Record<string, string> = { Host: target.host, Connection: 'close', ...opts.headers };
	if (body !== undefined || ['POST', 'PUT', 'PATCH'].includes(method)) headers['Content-Length'] = String(body?.length ?? 0);
	const head =
		`${method} ${target.pathname}${target.search} HTTP/1.1\r\n` +
		Object.entries(headers)
			.map(([k, v]) => `${k}: ${v}\r\n`)
			.join('') +
		'\r\n';

	return new Promise<RawResponse>((resolve, reject) => {
		if (opts.signal?.aborted) return reject(new Error('aborted'));
		const socket: net.Socket = secure
			? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host })
			: net.connect({ host, port });
		let buf = Buffer.alloc(0);
		let settled = false;
		let parsedHead: { status: number; headers: Record<string, string>; bodyStart: number } | undefined;

		const finish = (err: Error | undefined, res?: RawResponse): void => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			opts.signal?.removeEventListener('abort', onAbort);
			socket.destroy();
			if (err) reject(err);
			else resolve(res!);
		};
		const onAbort = (): void => finish(new Error('aborted'));
		opts.signal?.addEventListener('abort', onAbort, { once: true });
		const timer = setTimeout(() => finish(new Error(`timeout after ${opts.timeoutMs} ms`)), opts.timeoutMs ?? 30_000);

		const tryComplete = (ended: boolean): void => {
			if (!parsedHead) {
				const idx = buf.indexOf(HEAD_END);
				if (idx === -1) {
					if (ended) finish(new Error('connection closed before the response head'));
					return;
				}
				const parsed = parseResponseHead(buf.subarray(0, idx));
				if ('error' in parsed) return finish(new Error(parsed.error));
				const { status, headers: h } = parsed;
				if (status >= 100 && status < 200) {
					buf = buf.subarray(idx + 4); // interim response: skip it
					return tryComplete(ended);
				}
				parsedHead = { status, headers: h, bodyStart: idx + 4 };
			}
			const { status, headers: h, bodyStart } = parsedHead;
			const rest = buf.subarray(bodyStart);
			const done = (b: Buffer): void => finish(undefined, { status, headers: h, body: b });
			if (method === 'HEAD' || status === 204 || status === 304) return done(Buffer.alloc(0));
			if (/\bchunked\b/i.test(h['transfer-encoding'] ?? '')) {
				let decoded: Buffer | undefined;
				try {
					decoded = decodeChunked(rest);
				} catch (e) {
					return finish(e as Error);
				}
				if (decoded) return done(decoded);
				if (ended) finish(new Error('connection closed inside a chunked body'));
				return;
			}
			if (h['content-length'] !== undefined) {
				const len = Number(h['content-length']);
				if (rest.length >= len) return done(rest.subarray(0, len));
				if (ended) finish(new Error('connection closed before the full body'));
				return;
			}
			if (ended) done(rest);
		};

		socket.on(secure ? 'secureConnect' : 'connect', () => {
			socket.write(head);
			if (body?.length) socket.write(body);
		});
		socket.on('data', (chunk: Buffer) => {
			buf = Buffer.concat([buf, chunk]);
			tryComplete(false);
		});
		socket.on('end', () => tryComplete(true));
		socket.on('close', () => tryComplete(true));
		socket.on('error', (e) => finish(e));
	});
}

/** The status and lower-cased headers (repeats joined with ", ") of a response head without its blank line. */
export function parseResponseHead(head: Buffer): { status: number; headers: Record<string, string> } | { error: string } {
	const lines = head.toString('latin1').split('\r\n');
	const match = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
	if (!match) return { error: `bad status line: ${lines[0]}` };
	const headers: Record<string, string> = {};
	for (const line of lines.slice(1)) {
		const colon = line.indexOf(':');
		if (colon <= 0) continue;
		const key = line.slice(0, colon).trim().toLowerCase();
		const value = line.slice(colon + 1).trim();
		headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
	}
	return { status: Number(match[1]), headers };
}

/** Decodes a complete chunked body, or returns undefined when more bytes are needed; throws on a bad chunk size. */
export function decodeChunked(data: Buffer): Buffer | undefined {
	const parts: Buffer[] = [];
	let pos = 0;
	for (;;) {
		const lineEnd = data.indexOf('\r\n', pos);
		if (lineEnd === -1) return undefined;
		const size = parseInt(data.subarray(pos, lineEnd).toString('latin1').split(';')[0].trim(), 16);
		if (Number.isNaN(size)) throw new Error('bad chunk size');
		pos = lineEnd + 2;
		if (size === 0) return Buffer.concat(parts);
		if (data.length < pos + size + 2) return undefined;
		parts.push(data.subarray(pos, pos + size));
		pos += size + 2;
	}
}
