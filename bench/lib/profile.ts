/**
 * Summarises a V8 .cpuprofile of n8n's main process (node --cpu-prof) over a time window: where
 * the main thread's busy samples went. Each sample is put in the first bucket that matches its
 * stack (leaf to root):
 *   engine      any frame of @n8n/expression-runtime or isolated-vm (isolate create/acquire/dispose, evaluate)
 *   credentials n8n's credential read (getCredentials -> CredentialsHelper.getDecrypted ->
 *               decrypt, applyDefaultsAndOverwrites), as far as its frames are on the stack (V8 stacks
 *               end at an await: work resumed elsewhere, e.g. the DB query, lands in rest)
 *   ours        the innermost frame with a source file is one of our package's dist files
 *               (our webhook() code, including node:crypto / JSON work it calls directly)
 *   n8nForUs    an n8n frame inside our webhook() call (e.g. getCredentials: DB read, decryption)
 *   gc          (garbage collector)
 *   program     (program): native work not attributed to JS
 *   rest        everything else: n8n's webhook pipeline, execution engine, DB writes, HTTP server, ...
 * `rest` is further split by the package of the innermost frame with a file.
 * Note: isolated-vm runs isolates on their own threads; only their main-thread part is in this
 * profile. The /proc CPU of the whole process (all threads) is reported beside it.
 */
import * as fs from 'node:fs';

interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
}

interface ProfileNode {
	id: number;
	callFrame: CallFrame;
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export type Bucket = 'engine' | 'credentials' | 'ours' | 'n8nForUs' | 'gc' | 'program' | 'rest';

export interface ProfileSummary {
	file: string;
	windowMs: number;
	sampleCount: number;
	busyMs: number;
	idleMs: number;
	buckets: Record<Bucket, { ms: number; share: number }>;
	/** rest split by package of the innermost frame with a file (top entries) */
	restByPackage: Array<{ name: string; ms: number; share: number }>;
	/** our own functions by self time (top entries) */
	oursByFunction: Array<{ name: string; ms: number }>;
	/** functions in the engine bucket by self time (top entries) */
	engineTop: Array<{ name: string; ms: number }>;
	/** inclusive time of our package's webhook() per the profile */
	webhookInclusiveMs: number;
	/** engine time with our webhook() on the stack (synchronous parts only) */
	engineInWebhookMs: number;
}

function packageOf(url: string): string {
	const clean = url.replace(/^file:\/\//, '');
	if (clean.includes('/bench/preload/')) return 'bench preload (measurement)';
	const index = clean.lastIndexOf('/node_modules/');
	if (index < 0) return clean.startsWith('node:') ? 'node: (internals)' : clean || '(native)';
	const rest = clean.slice(index + '/node_modules/'.length).split('/');
	return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

export function summariseProfile(file: string, isOurs: (url: string) => boolean, window?: { fromUs: number; toUs: number }): ProfileSummary {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map<number, ProfileNode>();
	const parent = new Map<number, number>();
	for (const node of profile.nodes) {
		byId.set(node.id, node);
		for (const child of node.children ?? []) parent.set(child, node.id);
	}
	const isEngine = (url: string) => url.includes('/@n8n/expression-runtime/') || url.includes('/isolated-vm/');
	const CREDENTIAL_FUNCTIONS = new Set(['getCredentials', '_getCredentials', '_getRunlessCredentials', 'getDecrypted', 'applyDefaultsAndOverwrites', 'getCredentialsEntity']);
	const isCredentialRead = (frame: CallFrame) =>
		frame.url.includes('/n8n/dist/credentials-helper.js') || frame.url.includes('/n8n-core/dist/credentials.js') || CREDENTIAL_FUNCTIONS.has(frame.functionName);

	// classify each node once (its stack is fixed)
	const classCache = new Map<number, { bucket: Bucket | 'idle'; pkg: string; inWebhook: boolean }>();
	const classify = (id: number) => {
		const cached = classCache.get(id);
		if (cached) return cached;
		const leaf = byId.get(id)!;
		let bucket: Bucket | 'idle';
		let pkg = '';
		let inWebhook = false;
		const name = leaf.callFrame.functionName;
		if (name === '(idle)') bucket = 'idle';
		else if (name === '(garbage collector)') bucket = 'gc';
		else if (name === '(program)') bucket = 'program';
		else {
			let engine = false;
			let credentials = false;
			let innermostFile = '';
			let oursSeen = false;
			for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
				const frame = byId.get(cursor)!.callFrame;
				if (isEngine(frame.url)) engine = true;
				if (isCredentialRead(frame)) credentials = true;
				// the bench preloads' module-loader wrappers only pass require() through: transparent
				const transparent = frame.url.includes('/bench/preload/') && /^bench\w*ModuleLoad$/.test(frame.functionName);
				const hasFile = frame.url !== '' && !frame.url.startsWith('node:') && !transparent;
				if (hasFile && !innermostFile) innermostFile = frame.url;
				if (isOurs(frame.url)) {
					oursSeen = true;
					if (frame.functionName === 'webhook') inWebhook = true;
				}
			}
			pkg = packageOf(innermostFile);
			if (engine) bucket = 'engine';
			else if (credentials) bucket = 'credentials';
			else if (innermostFile && isOurs(innermostFile)) bucket = 'ours';
			else if (oursSeen) bucket = 'n8nForUs';
			else bucket = 'rest';
		}
		const result = { bucket, pkg, inWebhook };
		classCache.set(id, result);
		return result;
	};

	const totals: Record<Bucket | 'idle', number> = { engine: 0, credentials: 0, ours: 0, n8nForUs: 0, gc: 0, program: 0, rest: 0, idle: 0 };
	const restPkg = new Map<string, number>();
	const oursFn = new Map<string, number>();
	const engineFn = new Map<string, number>();
	let webhookInclusive = 0;
	let engineInWebhook = 0;
	let sampleCount = 0;
	let t = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		t += profile.timeDeltas[i];
		// a sample's weight is the time until the next sample
		const next = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
		if (window && (t < window.fromUs || t > window.toUs)) continue;
		const weight = Math.max(0, next) / 1000;
		const id = profile.samples[i];
		const info = classify(id);
		sampleCount++;
		totals[info.bucket] += weight;
		if (info.inWebhook) webhookInclusive += weight;
		if (info.inWebhook && info.bucket === 'engine') engineInWebhook += weight;
		const frame = byId.get(id)!.callFrame;
		const label = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${frame.lineNumber + 1}`;
		if (info.bucket === 'rest') restPkg.set(info.pkg, (restPkg.get(info.pkg) ?? 0) + weight);
		if (info.bucket === 'ours') oursFn.set(label, (oursFn.get(label) ?? 0) + weight);
		if (info.bucket === 'engine') engineFn.set(label, (engineFn.get(label) ?? 0) + weight);
	}
	const busy = totals.engine + totals.credentials + totals.ours + totals.n8nForUs + totals.gc + totals.program + totals.rest;
	const share = (ms: number) => (busy > 0 ? ms / busy : 0);
	const top = (map: Map<string, number>, n: number) =>
		[...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => ({ name, ms: round(ms) }));
	const buckets = {} as Record<Bucket, { ms: number; share: number }>;
	for (const key of ['engine', 'credentials', 'ours', 'n8nForUs', 'gc', 'program', 'rest'] as Bucket[]) {
		buckets[key] = { ms: round(totals[key]), share: round(share(totals[key]), 4) };
	}
	return {
		file,
		windowMs: round(window ? (window.toUs - window.fromUs) / 1000 : (profile.endTime - profile.startTime) / 1000),
		sampleCount,
		busyMs: round(busy),
		idleMs: round(totals.idle),
		buckets,
		restByPackage: top(restPkg, 8).map((entry) => ({ ...entry, share: round(share(entry.ms), 4) })),
		oursByFunction: top(oursFn, 8),
		engineTop: top(engineFn, 6),
		webhookInclusiveMs: round(webhookInclusive),
		engineInWebhookMs: round(engineInWebhook),
	};
}

function round(value: number, digits = 1): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
