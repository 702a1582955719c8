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

interface ProfileIndex {
	byId: Map<number, ProfileNode>;
	parent: Map<number, number>;
}

function indexProfile(profile: CpuProfile): ProfileIndex {
	const byId = new Map<number, ProfileNode>();
	const parent = new Map<number, number>();
	for (const node of profile.nodes) {
		byId.set(node.id, node);
		for (const child of node.children ?? []) parent.set(child, node.id);
	}
	return { byId, parent };
}

const isEngine = (url: string) => url.includes('/@n8n/expression-runtime/') || url.includes('/isolated-vm/');
const CREDENTIAL_FUNCTIONS = new Set(['getCredentials', '_getCredentials', '_getRunlessCredentials', 'getDecrypted', 'applyDefaultsAndOverwrites', 'getCredentialsEntity']);
const isCredentialRead = (frame: CallFrame) =>
	frame.url.includes('/n8n/dist/credentials-helper.js') || frame.url.includes('/n8n-core/dist/credentials.js') || CREDENTIAL_FUNCTIONS.has(frame.functionName);

interface SampleClass {
	bucket: Bucket | 'idle';
	/** package of the innermost frame with a file */
	pkg: string;
	/** our webhook() is on the stack */
	inWebhook: boolean;
}

/** Walks a JS sample's stack from leaf to root. */
function classifyStack(index: ProfileIndex, id: number, isOurs: (url: string) => boolean): SampleClass {
	let engine = false;
	let credentials = false;
	let innermostFile = '';
	let oursSeen = false;
	let inWebhook = false;
	for (let cursor: number | undefined = id; cursor !== undefined; cursor = index.parent.get(cursor)) {
		const frame = index.byId.get(cursor)!.callFrame;
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
	let bucket: Bucket;
	if (engine) bucket = 'engine';
	else if (credentials) bucket = 'credentials';
	else if (innermostFile && isOurs(innermostFile)) bucket = 'ours';
	else if (oursSeen) bucket = 'n8nForUs';
	else bucket = 'rest';
	return { bucket, pkg: packageOf(innermostFile), inWebhook };
}

/** V8's pseudo-frames: a sample with one of these as its leaf ran no JS. */
const VM_STATES = new Map<string, Bucket | 'idle'>([
	['(idle)', 'idle'],
	['(garbage collector)', 'gc'],
	['(program)', 'program'],
]);

/** Classifies each node once: a node's stack is fixed. */
function classifier(index: ProfileIndex, isOurs: (url: string) => boolean): (id: number) => SampleClass {
	const cache = new Map<number, SampleClass>();
	return (id) => {
		const cached = cache.get(id);
		if (cached) return cached;
		const state = VM_STATES.get(index.byId.get(id)!.callFrame.functionName);
		const result = state ? { bucket: state, pkg: '', inWebhook: false } : classifyStack(index, id, isOurs);
		cache.set(id, result);
		return result;
	};
}

interface Tally {
	totals: Record<Bucket | 'idle', number>;
	restPkg: Map<string, number>;
	oursFn: Map<string, number>;
	engineFn: Map<string, number>;
	webhookInclusive: number;
	engineInWebhook: number;
	sampleCount: number;
}

const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);

function tallySamples(profile: CpuProfile, index: ProfileIndex, classify: (id: number) => SampleClass, window?: { fromUs: number; toUs: number }): Tally {
	const tally: Tally = {
		totals: { engine: 0, credentials: 0, ours: 0, n8nForUs: 0, gc: 0, program: 0, rest: 0, idle: 0 },
		restPkg: new Map(),
		oursFn: new Map(),
		engineFn: new Map(),
		webhookInclusive: 0,
		engineInWebhook: 0,
		sampleCount: 0,
	};
	let t = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		t += profile.timeDeltas[i];
		// a sample's weight is the time until the next sample
		const next = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
		if (window && (t < window.fromUs || t > window.toUs)) continue;
		const weight = Math.max(0, next) / 1000;
		const id = profile.samples[i];
		const info = classify(id);
		tally.sampleCount++;
		tally.totals[info.bucket] += weight;
		if (info.inWebhook) tally.webhookInclusive += weight;
		if (info.inWebhook && info.bucket === 'engine') tally.engineInWebhook += weight;
		const frame = index.byId.get(id)!.callFrame;
		const label = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${frame.lineNumber + 1}`;
		if (info.bucket === 'rest') add(tally.restPkg, info.pkg, weight);
		if (info.bucket === 'ours') add(tally.oursFn, label, weight);
		if (info.bucket === 'engine') add(tally.engineFn, label, weight);
	}
	return tally;
}

const BUCKETS: Bucket[] = ['engine', 'credentials', 'ours', 'n8nForUs', 'gc', 'program', 'rest'];

export function summariseProfile(file: string, isOurs: (url: string) => boolean, window?: { fromUs: number; toUs: number }): ProfileSummary {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
	const index = indexProfile(profile);
	const tally = tallySamples(profile, index, classifier(index, isOurs), window);
	const busy = BUCKETS.reduce((sum, key) => sum + tally.totals[key], 0);
	const share = (ms: number) => (busy > 0 ? ms / busy : 0);
	const top = (map: Map<string, number>, n: number) =>
		[...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => ({ name, ms: round(ms) }));
	const buckets = {} as Record<Bucket, { ms: number; share: number }>;
	for (const key of BUCKETS) buckets[key] = { ms: round(tally.totals[key]), share: round(share(tally.totals[key]), 4) };
	return {
		file,
		windowMs: round(window ? (window.toUs - window.fromUs) / 1000 : (profile.endTime - profile.startTime) / 1000),
		sampleCount: tally.sampleCount,
		busyMs: round(busy),
		idleMs: round(tally.totals.idle),
		buckets,
		restByPackage: top(tally.restPkg, 8).map((entry) => ({ ...entry, share: round(share(entry.ms), 4) })),
		oursByFunction: top(tally.oursFn, 8),
		engineTop: top(tally.engineFn, 6),
		webhookInclusiveMs: round(tally.webhookInclusive),
		engineInWebhookMs: round(tally.engineInWebhook),
	};
}

function round(value: number, digits = 1): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
