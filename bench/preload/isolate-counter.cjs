'use strict';
/**
 * Bench-only preload for n8n's MAIN process (NODE_OPTIONS="--require <this file>"; n8n's task runner
 * gets a filtered environment without NODE_OPTIONS). Never part of the package.
 *
 * Counts what n8n's expression engine (@n8n/expression-runtime ExpressionEvaluator) hands out:
 *   scopes      acquire() calls that opened a new scope (eager: took an isolate; lazy: only a scope)
 *   bridges     isolates actually taken: eager acquire() + lazy acquireBridgeSync()
 *   sites       bridges per call site: the first stack frame outside the engine and n8n-workflow
 *               (e.g. "live-webhooks.js executeWebhook", "credentials-helper.js applyDefaultsAndOverwrites")
 * and writes them as JSON to $ARGYLE_BENCH_HOOK_OUT when the bench sends SIGUSR2 (and once at start).
 * Cost: one counter increment per scope, one stack capture per isolate taken (~0.1 ms, against the
 * tens of CPU-ms an isolate costs); under lazy acquisition no stack is captured.
 */
// NODE_OPTIONS preloads also run in n8n's worker threads: only the main thread is of interest.
if (!require('node:worker_threads').isMainThread) return;

const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const OUT = process.env.ARGYLE_BENCH_HOOK_OUT;
const state = {
	pid: process.pid,
	patchedEvaluator: false,
	engineLazy: null,
	scopes: 0,
	bridges: 0,
	eagerBridges: 0,
	lazyBridges: 0,
	sites: {},
	sampleStacks: {},
};

const SKIP = [
	`${path.sep}@n8n${path.sep}expression-runtime${path.sep}`,
	`${path.sep}n8n-workflow${path.sep}`,
	`${path.sep}bench${path.sep}preload${path.sep}`,
];

/** The first caller outside the engine, n8n-workflow and these preloads, from raw V8 call sites
 * (no source-map formatting: n8n installs source-map-support, which would make .stack costly). */
function site() {
	const savedLimit = Error.stackTraceLimit;
	const savedPrepare = Error.prepareStackTrace;
	Error.stackTraceLimit = 30;
	Error.prepareStackTrace = (_error, callSites) => callSites;
	const holder = {};
	Error.captureStackTrace(holder, site);
	const callSites = holder.stack;
	Error.prepareStackTrace = savedPrepare;
	Error.stackTraceLimit = savedLimit;
	const frames = (Array.isArray(callSites) ? callSites : []).map((cs) => ({
		file: cs.getFileName() || '',
		fn: cs.getFunctionName() || cs.getMethodName() || '<anonymous>',
		line: cs.getLineNumber(),
	}));
	const first = frames.find((f) => f.file && !f.file.startsWith('node:') && !SKIP.some((s) => f.file.includes(s)));
	return {
		key: first ? `${path.basename(first.file)} ${first.fn}` : 'unknown',
		frames,
	};
}

function countBridge(kind, where) {
	state.bridges++;
	if (kind === 'eager') state.eagerBridges++;
	else state.lazyBridges++;
	const key = `${kind}: ${where.key}`;
	state.sites[key] = (state.sites[key] || 0) + 1;
	if (!state.sampleStacks[key]) {
		state.sampleStacks[key] = where.frames.slice(0, 16).map((f) => `${f.fn} (${f.file.replace(/^.*node_modules\//, '')}:${f.line})`);
	}
}

const patched = new WeakSet();
function patchEvaluator(ExpressionEvaluator) {
	const proto = ExpressionEvaluator && ExpressionEvaluator.prototype;
	if (!proto || patched.has(proto) || typeof proto.acquire !== 'function' || typeof proto.acquireBridgeSync !== 'function') return;
	patched.add(proto);
	state.patchedEvaluator = true;
	const acquire = proto.acquire;
	proto.acquire = async function (caller) {
		state.engineLazy = Boolean(this.config && this.config.lazyAcquire);
		const held = Boolean(this.bridgesByCaller && this.bridgesByCaller.has(caller));
		// under lazy acquisition acquire() never takes an isolate: skip the stack capture
		const where = state.engineLazy || held ? undefined : site();
		const opened = await acquire.call(this, caller);
		if (opened) {
			state.scopes++;
		}
		// an isolate was taken (eager acquisition) iff the caller holds a bridge now and did not before
		if (!held && this.bridgesByCaller && this.bridgesByCaller.has(caller)) countBridge('eager', where || site());
		return opened;
	};
	const acquireBridgeSync = proto.acquireBridgeSync;
	proto.acquireBridgeSync = function () {
		countBridge('lazy', site());
		return acquireBridgeSync.call(this);
	};
}

// Patch the engine when n8n loads it; then step out of the module loader's way.
const load = Module._load;
Module._load = function benchCounterModuleLoad(request, parent, isMain) {
	const exported = load.apply(this, arguments);
	if (!state.patchedEvaluator && exported && typeof exported === 'object' && typeof exported.ExpressionEvaluator === 'function') {
		patchEvaluator(exported.ExpressionEvaluator);
		if (state.patchedEvaluator && Module._load === benchCounterModuleLoad) Module._load = load;
	}
	return exported;
};

// The bench asks for the counters with SIGUSR2 (n8n does not use it); nothing is written while
// requests run. Each dump carries a sequence number so the reader knows it is fresh.
if (OUT) {
	let seq = 0;
	const write = () => {
		seq++;
		try {
			fs.writeFileSync(`${OUT}.tmp`, JSON.stringify({ ...state, seq }));
			fs.renameSync(`${OUT}.tmp`, OUT);
		} catch {
			// the bench reads what it can
		}
	};
	process.on('SIGUSR2', write);
	write();
}
