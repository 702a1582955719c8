// Small helpers over node:http: body reading, JSON answers, Basic auth.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('body too large'));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export type ParsedBody = { ok: true; value: unknown; raw: string } | { ok: false; error: string; raw: string };

export function parseJsonBody(buf: Buffer): ParsedBody {
	const raw = buf.toString('utf8');
	if (raw.trim() === '') return { ok: true, value: null, raw };
	try {
		return { ok: true, value: JSON.parse(raw) as unknown, raw };
	} catch (e) {
		return { ok: false, error: (e as Error).message, raw };
	}
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	if (res.writableEnded || res.destroyed) return;
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': String(Buffer.byteLength(text)),
		...headers,
	});
	res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
	if (res.writableEnded || res.destroyed) return;
	res.writeHead(status, {
		'Content-Type': 'text/plain; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(text)),
		...headers,
	});
	res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
	if (res.writableEnded || res.destroyed) return;
	res.writeHead(status, headers);
	res.end();
}

export type AuthResult =
	| { ok: true }
	| { ok: false; detail: 'Authentication credentials were not provided.' | 'Invalid username/password.' | string };

function safeEqual(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/** DRF BasicAuthentication messages, as Argyle returns them. */
export function checkBasicAuth(header: string | undefined, keyId: string, keySecret: string): AuthResult {
	if (!header) return { ok: false, detail: 'Authentication credentials were not provided.' };
	const parts = header.trim().split(/\s+/);
	if (parts[0].toLowerCase() !== 'basic') return { ok: false, detail: 'Authentication credentials were not provided.' };
	if (parts.length === 1) return { ok: false, detail: 'Invalid basic header. No credentials provided.' };
	if (parts.length > 2) return { ok: false, detail: 'Invalid basic header. Credentials string should not contain spaces.' };
	const decoded = Buffer.from(parts[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return { ok: false, detail: 'Invalid basic header. Credentials not correctly base64 encoded.' };
	const id = decoded.slice(0, colon);
	const secret = decoded.slice(colon + 1);
	if (safeEqual(id, keyId) && safeEqual(secret, keySecret)) return { ok: true };
	return { ok: false, detail: 'Invalid username/password.' };
}

export function queryObject(url: URL): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of url.searchParams) out[k] = v;
	return out;
}
