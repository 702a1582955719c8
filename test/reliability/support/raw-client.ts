/**
 * A raw HTTP/1.1 client over node:net for hostile requests: the exact bytes of the body, headers as an
 * ordered list (so a header can be repeated or left out, and no content-type is ever added), an
 * optional Content-Length that does not match, and a body that is cut off before the connection is
 * closed. Loopback only: it refuses any other host.
 */
import net from 'node:net';

import { decodeChunked, parseResponseHead } from '../../../simulator/rawhttp';

export interface RawSend {
	method?: string;
	/** ordered header lines; Host and Connection: close are added first, Content-Length unless given */
	headers?: Array<[string, string]>;
	body?: Buffer;
	/** send only this many bytes of the body, then half-close and wait (an aborted upload) */
	sendOnly?: number;
	timeoutMs?: number;
}

export interface RawAnswer {
	/** HTTP status, or 0 when the connection ended without a response (e.g. after an aborted upload) */
	status: number;
	headers: Record<string, string>;
	body: Buffer;
	text: string;
	/** transport error (reset, timeout) when status is 0 */
	error?: string;
	ms: number;
}

const HEAD_END = Buffer.from('\r\n\r\n');

export function isLoopback(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '');
	return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Sends one request on its own connection; never rejects (transport failures give status 0). */
export function rawSend(url: string, options: RawSend = {}): Promise<RawAnswer> {
	const target = new URL(url);
	if (target.protocol !== 'http:' || !isLoopback(target.hostname)) {
		return Promise.reject(new Error(`rawSend only talks to http://127.0.0.1 (got ${url})`));
	}
	const started = Date.now();
	const method = options.method ?? 'POST';
	const body = options.body ?? Buffer.alloc(0);
	const lines: Array<[string, string]> = [
		['Host', target.host],
		['Connection', 'close'],
	];
	const given = options.headers ?? [];
	if (!given.some(([name]) => name.toLowerCase() === 'content-length') && (body.length > 0 || method !== 'GET')) {
		lines.push(['Content-Length', String(body.length)]);
	}
	lines.push(...given);
	const head = `${method} ${target.pathname}${target.search} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;

	return new Promise<RawAnswer>((resolve) => {
		const socket = net.connect({ host: target.hostname.replace(/^\[|\]$/g, ''), port: Number(target.port || 80) });
		let buffer = Buffer.alloc(0);
		let done = false;
		const finish = (answer: Omit<RawAnswer, 'ms' | 'text'>) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			socket.destroy();
			resolve({ ...answer, text: answer.body.toString('utf8'), ms: Date.now() - started });
		};
		const timer = setTimeout(
			() => finish({ status: 0, headers: {}, body: Buffer.alloc(0), error: `timeout after ${options.timeoutMs ?? 60_000} ms` }),
			options.timeoutMs ?? 60_000,
		);
		const parse = (ended: boolean) => {
			const end = buffer.indexOf(HEAD_END);
			if (end === -1) {
				if (ended) finish({ status: 0, headers: {}, body: Buffer.alloc(0), error: 'connection closed without a response' });
				return;
			}
			const parsed = parseResponseHead(buffer.subarray(0, end));
			if ('error' in parsed) return finish({ status: 0, headers: {}, body: Buffer.alloc(0), error: parsed.error });
			const { status, headers } = parsed;
			if (status >= 100 && status < 200) {
				buffer = buffer.subarray(end + 4);
				return parse(ended);
			}
			const rest = buffer.subarray(end + 4);
			if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
				const decoded = chunkedBody(rest);
				if (decoded) return finish({ status, headers, body: decoded });
				if (ended) return finish({ status, headers, body: rest, error: 'connection closed inside a chunked body' });
				return;
			}
			if (headers['content-length'] !== undefined) {
				const length = Number(headers['content-length']);
				if (rest.length >= length) return finish({ status, headers, body: rest.subarray(0, length) });
				if (ended) finish({ status, headers, body: rest, error: 'connection closed before the full body' });
				return;
			}
			if (ended || method === 'HEAD' || status === 204 || status === 304) finish({ status, headers, body: rest });
		};
		socket.on('connect', () => {
			socket.write(head);
			const part = options.sendOnly === undefined ? body : body.subarray(0, options.sendOnly);
			// large bodies: let net handle backpressure
			if (part.length) socket.write(part);
			if (options.sendOnly !== undefined) socket.end();
		});
		socket.on('data', (chunk: Buffer) => {
			buffer = Buffer.concat([buffer, chunk]);
			parse(false);
		});
		socket.on('end', () => parse(true));
		socket.on('close', () => parse(true));
		socket.on('error', (error) => {
			if (buffer.length) parse(true);
			finish({ status: 0, headers: {}, body: Buffer.alloc(0), error: `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`.trim() });
		});
	});
}

/** A complete chunked body, or undefined while more bytes are needed (a bad chunk size never completes). */
function chunkedBody(data: Buffer): Buffer | undefined {
	try {
		return decodeChunked(data);
	} catch {
		return undefined;
	}
}
