// The storage server file downloads redirect to: a second HTTP server on another host name
// (`localhost` while the API is `127.0.0.1`), serving files behind signed, expiring URLs in the
// style of Google Cloud Storage. It needs no credentials and records every request with its
// headers, so a test can prove the API key never reached it.
import { createHmac, randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { StoredFile } from './files/content';
import type { StorageRequest } from './types';

const FILES = '/argyle-sim-files/';
const LOOP = '/argyle-sim-loop/';
const LINK_SECONDS = 300;
const MAX_KEPT_REQUESTS = 5_000;

interface Entry {
	file?: StoredFile;
	/** Loop links redirect here instead of serving a file. */
	back?: string;
	expires: number;
}

const xmlError = (code: string, message: string) =>
	`<?xml version='1.0' encoding='UTF-8'?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;

function listen(server: http.Server, port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

export class StorageServer {
	/** Every request received (the storage server's and the API's same-origin file path), oldest first. */
	readonly requests: StorageRequest[] = [];
	/** Answer 400 (like a signed URL sent with a second auth mechanism) when a request carries Authorization. */
	rejectAuthorization = false;
	private readonly entries = new Map<string, Entry>();
	private readonly secret = randomBytes(16);

	private constructor(
		private readonly servers: http.Server[],
		readonly origin: string,
	) {}

	/**
	 * Listens on 127.0.0.1 and, where the machine has IPv6, on ::1 with the same port (a client may
	 * resolve `localhost` to either), and names itself `host`.
	 */
	static async start(host = 'localhost'): Promise<StorageServer> {
		let storage: StorageServer | undefined;
		const handler = (req: IncomingMessage, res: ServerResponse) => storage?.handle(req, res, 'storage');
		for (let attempt = 0; ; attempt++) {
			const v4 = http.createServer(handler);
			await listen(v4, 0, '127.0.0.1');
			const port = (v4.address() as AddressInfo).port;
			const v6 = http.createServer(handler);
			const error = await listen(v6, port, '::1').then(() => undefined, (e: NodeJS.ErrnoException) => e);
			if (error?.code === 'EADDRINUSE' && attempt < 5) {
				await new Promise((resolve) => v4.close(resolve));
				continue; // someone else holds [::1]:port; `localhost` must not reach them
			}
			storage = new StorageServer(error ? [v4] : [v4, v6], `http://${host}:${port}`);
			return storage;
		}
	}

	/** A signed URL for the file under `base` (the storage origin, or the API's for same-origin mode). */
	link(file: StoredFile, base = this.origin): string {
		const key = this.put({ file, expires: Date.now() + LINK_SECONDS * 1000 });
		return `${base}${FILES}${key}/${encodeURIComponent(file.fileName)}?${this.signature(key)}`;
	}

	/** A storage URL that redirects back to `back` (which redirects here again: a loop). */
	loopLink(back: string): string {
		return `${this.origin}${LOOP}${this.put({ back, expires: Date.now() + LINK_SECONDS * 1000 })}`;
	}

	/** Whether `pathname` is a storage path (the API host serves them in same-origin mode). */
	owns(pathname: string): boolean {
		return pathname.startsWith(FILES) || pathname.startsWith(LOOP);
	}

	handle(req: IncomingMessage, res: ServerResponse, origin: StorageRequest['origin']): void {
		const url = new URL(req.url ?? '/', origin === 'storage' ? this.origin : `http://${req.headers.host ?? '127.0.0.1'}`);
		const entry: StorageRequest = { method: req.method ?? 'GET', url: url.href, headers: { ...req.headers }, origin, status: 0, at: Date.now() };
		this.requests.push(entry);
		if (this.requests.length > MAX_KEPT_REQUESTS) this.requests.splice(0, this.requests.length - MAX_KEPT_REQUESTS);
		res.once('finish', () => (entry.status = res.statusCode));
		req.resume();
		this.answer(req, res, url);
	}

	clear(): void {
		this.requests.length = 0;
		this.entries.clear();
		this.rejectAuthorization = false;
	}

	async stop(): Promise<void> {
		await Promise.all(
			this.servers.map((server) => {
				const closed = new Promise<void>((resolve) => server.close(() => resolve()));
				server.closeAllConnections();
				return closed;
			}),
		);
	}

	private answer(req: IncomingMessage, res: ServerResponse, url: URL): void {
		const send = (status: number, code: string, message: string) => {
			const body = xmlError(code, message);
			res.writeHead(status, { 'Content-Type': 'application/xml; charset=UTF-8', 'Content-Length': Buffer.byteLength(body) });
			res.end(body);
		};
		if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
		if (this.rejectAuthorization && req.headers.authorization) {
			return send(400, 'InvalidArgument', 'Only one auth mechanism allowed; only the X-Goog-Signature query parameter is supported.');
		}
		const [prefix, key] = url.pathname.startsWith(LOOP) ? [LOOP, url.pathname.slice(LOOP.length)] : [FILES, url.pathname.slice(FILES.length).split('/')[0]];
		const found = this.entries.get(key);
		if (!found) return send(404, 'NoSuchKey', 'The specified key does not exist.');
		if (found.expires < Date.now()) return send(400, 'ExpiredToken', 'The provided token has expired.');
		if (prefix === LOOP) {
			res.writeHead(302, { Location: found.back!, 'Content-Length': 0 });
			return void res.end();
		}
		if (url.searchParams.get('X-Goog-Signature') !== this.sign(key)) {
			return send(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
		}
		const file = found.file!;
		res.writeHead(200, {
			'Content-Type': file.contentType,
			'Content-Length': file.bytes.length,
			'Content-Disposition': `attachment; filename="${file.fileName}"`,
			'Cache-Control': 'private, max-age=0',
		});
		res.end(req.method === 'HEAD' ? undefined : file.bytes);
	}

	private put(entry: Entry): string {
		const now = Date.now();
		for (const [k, e] of this.entries) if (e.expires < now) this.entries.delete(k);
		const key = randomBytes(12).toString('hex');
		this.entries.set(key, entry);
		return key;
	}

	private sign(key: string): string {
		return createHmac('sha256', this.secret).update(key).digest('hex');
	}

	private signature(key: string): string {
		const date = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
		return new URLSearchParams({
			'X-Goog-Algorithm': 'GOOG4-HMAC-SHA256',
			'X-Goog-Date': date,
			'X-Goog-Expires': String(LINK_SECONDS),
			'X-Goog-SignedHeaders': 'host',
			'X-Goog-Signature': this.sign(key),
		}).toString();
	}
}
