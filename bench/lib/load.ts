/**
 * A small in-process closed-loop HTTP load generator: `concurrency` workers, each sends its next
 * request as soon as the previous answer is complete, until `requests` have been sent. Keep-alive
 * connections (one per worker), 127.0.0.1 only, every request bounded by a timeout.
 *
 * req/s = 2xx answers / (last response end - first request start), as in the baseline (autocannon's
 * own duration is quantised to 1 s).
 */
import * as http from 'node:http';

export interface LoadRequest {
	url: string;
	body: Buffer;
	headers: Record<string, string>;
}

export interface LoadResult {
	requests: number;
	concurrency: number;
	ok2xx: number;
	statuses: Record<string, number>;
	errors: number;
	firstErrors: string[];
	/** wall clock (Date.now()) of the first request and the last response */
	startedAtMs: number;
	endedAtMs: number;
	durationMs: number;
	reqPerSec: number;
	latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil((p / 100) * sorted.length) - 1;
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function assertLoopback(url: URL): void {
	if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname)) {
		throw new Error(`the bench only sends traffic to loopback addresses, not ${url.hostname}`);
	}
}

export async function runClosedLoop(
	target: LoadRequest,
	options: { requests: number; concurrency: number; timeoutMs?: number },
): Promise<LoadResult> {
	const url = new URL(target.url);
	assertLoopback(url);
	const timeoutMs = options.timeoutMs ?? 10_000;
	const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
	const headers = { ...target.headers, 'content-length': String(target.body.length) };
	const latencies: number[] = [];
	const statuses: Record<string, number> = {};
	const firstErrors: string[] = [];
	let errors = 0;
	let ok2xx = 0;
	let sent = 0;
	let firstStart = 0n;
	let lastEnd = 0n;
	let startedAtMs = 0;
	let endedAtMs = 0;

	const one = (): Promise<void> =>
		new Promise((resolve) => {
			const start = process.hrtime.bigint();
			if (firstStart === 0n) {
				firstStart = start;
				startedAtMs = Date.now();
			}
			const finish = (status: number | 'error', detail?: string) => {
				const end = process.hrtime.bigint();
				if (end > lastEnd) {
					lastEnd = end;
					endedAtMs = Date.now();
				}
				if (status === 'error') {
					errors++;
					if (firstErrors.length < 5 && detail) firstErrors.push(detail);
				} else {
					statuses[status] = (statuses[status] ?? 0) + 1;
					if (status >= 200 && status < 300) ok2xx++;
					else if (firstErrors.length < 5 && detail) firstErrors.push(`HTTP ${status}: ${detail.slice(0, 200)}`);
				}
				latencies.push(Number(end - start) / 1e6);
				resolve();
			};
			const req = http.request(
				{
					host: url.hostname,
					port: url.port,
					path: url.pathname + url.search,
					method: 'POST',
					headers,
					agent,
					timeout: timeoutMs,
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => {
						if (res.statusCode !== undefined && (res.statusCode < 200 || res.statusCode >= 300)) chunks.push(chunk);
					});
					res.on('end', () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
					res.on('error', (error) => finish('error', error.message));
				},
			);
			req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
			req.on('error', (error) => finish('error', error.message));
			req.end(target.body);
		});

	const worker = async () => {
		while (sent < options.requests) {
			sent++;
			await one();
		}
	};
	await Promise.all(Array.from({ length: Math.min(options.concurrency, options.requests) }, worker));
	agent.destroy();

	latencies.sort((a, b) => a - b);
	const durationMs = Number(lastEnd - firstStart) / 1e6;
	return {
		requests: options.requests,
		concurrency: options.concurrency,
		ok2xx,
		statuses,
		errors,
		firstErrors,
		startedAtMs,
		endedAtMs,
		durationMs,
		reqPerSec: durationMs > 0 ? ok2xx / (durationMs / 1000) : 0,
		latencyMs: {
			p50: percentile(latencies, 50),
			p90: percentile(latencies, 90),
			p99: percentile(latencies, 99),
			max: latencies[latencies.length - 1] ?? NaN,
			mean: latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length),
		},
	};
}
