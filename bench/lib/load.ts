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

/** What a batch of requests got back; a measured round reports the same counts. */
export interface LoadCounts {
	requests: number;
	concurrency: number;
	ok2xx: number;
	statuses: Record<string, number>;
	errors: number;
	firstErrors: string[];
}

export interface LoadResult extends LoadCounts {
	/** wall clock (Date.now()) of the first request and the last response */
	startedAtMs: number;
	endedAtMs: number;
	durationMs: number;
	reqPerSec: number;
	latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
}

export function loadCounts(result: LoadCounts): LoadCounts {
	const { requests, concurrency, ok2xx, statuses, errors, firstErrors } = result;
	return { requests, concurrency, ok2xx, statuses, errors, firstErrors };
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

/** Answers so far; the workers share one. */
interface Tally {
	latencies: number[];
	statuses: Record<string, number>;
	firstErrors: string[];
	errors: number;
	ok2xx: number;
	firstStart: bigint;
	lastEnd: bigint;
	startedAtMs: number;
	endedAtMs: number;
}

const MAX_ERRORS_KEPT = 5;

function record(tally: Tally, start: bigint, status: number | 'error', detail?: string): void {
	const end = process.hrtime.bigint();
	if (end > tally.lastEnd) {
		tally.lastEnd = end;
		tally.endedAtMs = Date.now();
	}
	if (status === 'error') {
		tally.errors++;
		if (tally.firstErrors.length < MAX_ERRORS_KEPT && detail) tally.firstErrors.push(detail);
	} else {
		tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
		if (status >= 200 && status < 300) tally.ok2xx++;
		else if (tally.firstErrors.length < MAX_ERRORS_KEPT && detail) tally.firstErrors.push(`HTTP ${status}: ${detail.slice(0, 200)}`);
	}
	tally.latencies.push(Number(end - start) / 1e6);
}

interface Connection {
	url: URL;
	agent: http.Agent;
	headers: Record<string, string>;
	timeoutMs: number;
}

/** One POST; resolves once its answer (or failure) is recorded. */
function sendOne(target: LoadRequest, connection: Connection, tally: Tally): Promise<void> {
	return new Promise((resolve) => {
		const start = process.hrtime.bigint();
		if (tally.firstStart === 0n) {
			tally.firstStart = start;
			tally.startedAtMs = Date.now();
		}
		const finish = (status: number | 'error', detail?: string) => {
			record(tally, start, status, detail);
			resolve();
		};
		const { url, agent, headers, timeoutMs } = connection;
		const req = http.request(
			{ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers, agent, timeout: timeoutMs },
			(res) => {
				// only error answers are kept, for their message
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
}

function summarise(tally: Tally, options: { requests: number; concurrency: number }): LoadResult {
	const latencies = [...tally.latencies].sort((a, b) => a - b);
	const durationMs = Number(tally.lastEnd - tally.firstStart) / 1e6;
	return {
		requests: options.requests,
		concurrency: options.concurrency,
		ok2xx: tally.ok2xx,
		statuses: tally.statuses,
		errors: tally.errors,
		firstErrors: tally.firstErrors,
		startedAtMs: tally.startedAtMs,
		endedAtMs: tally.endedAtMs,
		durationMs,
		reqPerSec: durationMs > 0 ? tally.ok2xx / (durationMs / 1000) : 0,
		latencyMs: {
			p50: percentile(latencies, 50),
			p90: percentile(latencies, 90),
			p99: percentile(latencies, 99),
			max: latencies[latencies.length - 1] ?? NaN,
			mean: latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length),
		},
	};
}

export async function runClosedLoop(
	target: LoadRequest,
	options: { requests: number; concurrency: number; timeoutMs?: number },
): Promise<LoadResult> {
	const url = new URL(target.url);
	assertLoopback(url);
	const connection: Connection = {
		url,
		agent: new http.Agent({ keepAlive: true, maxSockets: options.concurrency }),
		headers: { ...target.headers, 'content-length': String(target.body.length) },
		timeoutMs: options.timeoutMs ?? 10_000,
	};
	const tally: Tally = { latencies: [], statuses: {}, firstErrors: [], errors: 0, ok2xx: 0, firstStart: 0n, lastEnd: 0n, startedAtMs: 0, endedAtMs: 0 };
	let sent = 0;
	const worker = async () => {
		while (sent < options.requests) {
			sent++;
			await sendOne(target, connection, tally);
		}
	};
	await Promise.all(Array.from({ length: Math.min(options.concurrency, options.requests) }, worker));
	connection.agent.destroy();
	return summarise(tally, options);
}
