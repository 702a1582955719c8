'use strict';
/**
 * BENCH ONLY — "what n8n could gain" (bench/UPSTREAM.md). A runtime patch of the installed n8n
 * 2.41.1 for `npm run bench -- --patched`: loaded into n8n's main process with
 * NODE_OPTIONS="--require <this file>", it changes NO file on disk (.cache/ is shared with the e2e
 * tests). Never part of the package.
 *
 * Two proposed changes, each switchable at runtime so that one boot measures control and patch
 * side by side: the bench writes {"webhookPhase": bool, "credentials": bool} to
 * $ARGYLE_BENCH_PATCH_FILE; this file re-reads it when it changes (polled every 50 ms).
 *
 * 1. webhookPhase — LiveWebhooks.webhookPhaseNeedsIsolate (n8n/dist/webhooks/live-webhooks.js):
 *    today only the built-in Webhook node may skip the webhook-phase isolate. Proposed: any start
 *    node that is not typeVersion 1, whose parameters are static (nodeParametersAreStatic) and
 *    whose webhook descriptions are natively resolvable (no `=` expression) skips the EAGER
 *    isolate. Because a community node's webhook() may still evaluate an expression (e.g.
 *    this.evaluateExpression, or a generic-auth credential in an authenticated request), such a
 *    node gets a LAZY scope instead of nothing: an isolate is taken on the first evaluation only,
 *    exactly like N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true does. The built-in Webhook node keeps
 *    today's behaviour (no scope).
 *    Emulation: the patched method returns false and marks the node; the webhook phase's next
 *    WebhookService.getNodeWebhooks(workflow, node) call (the line after the check in
 *    executeWebhook) opens the lazy scope on workflow.expression; executeWebhook's own
 *    `finally { releaseIsolate() }` closes it.
 * 2. credentials — CredentialsHelper.applyDefaultsAndOverwrites (n8n/dist/credentials-helper.js):
 *    a credential read without expressionResolveValues (every getCredentials() in webhook(),
 *    hooks and triggers) builds a throw-away Workflow and acquires an isolate EAGERLY to resolve
 *    expressions in the credential data, even when the data holds none. Proposed: a lazy scope
 *    (an isolate only if a credential field really is an expression).
 *    Emulation: that acquireIsolate() call is reached synchronously from applyDefaultsAndOverwrites,
 *    so a flag set around the call turns that one acquire() into a lazy scope.
 */
// NODE_OPTIONS preloads also run in n8n's worker threads: only the main thread is of interest.
if (!require('node:worker_threads').isMainThread) return;

const Module = require('node:module');
const fs = require('node:fs');

const FLAG_FILE = process.env.ARGYLE_BENCH_PATCH_FILE;
const flags = { webhookPhase: false, credentials: false };
const stats = { webhookPhaseLazy: 0, webhookPhaseEager: 0, credentialLazy: 0, found: {} };
let workflowLib; // n8n-workflow's exports (nodeParametersAreStatic, webhookDescriptionIsNativelyResolvable, WEBHOOK_NODE_TYPE)
let forceLazyNext = false;
const lazyWebhookNodes = new WeakSet();

function readFlags() {
	if (!FLAG_FILE) return;
	try {
		const parsed = JSON.parse(fs.readFileSync(FLAG_FILE, 'utf8'));
		flags.webhookPhase = parsed.webhookPhase === true;
		flags.credentials = parsed.credentials === true;
	} catch {
		// keep the last flags
	}
}
let lastMtime = 0;
function pollFlags() {
	if (!FLAG_FILE) return;
	try {
		const mtime = fs.statSync(FLAG_FILE).mtimeMs;
		if (mtime !== lastMtime) {
			lastMtime = mtime;
			readFlags();
		}
	} catch {
		// no file yet: patches off
	}
	if (process.env.ARGYLE_BENCH_PATCH_STATS) {
		try {
			fs.writeFileSync(process.env.ARGYLE_BENCH_PATCH_STATS, JSON.stringify({ flags, stats }));
		} catch {
			// best effort
		}
	}
}
pollFlags();
setInterval(pollFlags, 50).unref();

/** The proposed rule: 'eager' (acquire now, as today), 'lazy' (scope only) or 'none'. */
function proposedWebhookPhaseIsolate(liveWebhooks, startNode) {
	const lib = workflowLib;
	if (!lib) return 'eager';
	if (!liveWebhooks.expressionEngineConfig.allowWebhookIsolateSkip) return 'eager';
	if (startNode === null || startNode === undefined) return 'eager';
	// parseRequestBody() evaluates $parameter["options"]["binaryData"] for every typeVersion-1 start node
	if (startNode.typeVersion === 1) return 'eager';
	if (!lib.nodeParametersAreStatic(startNode)) return 'eager';
	const webhooks = liveWebhooks.nodeTypes.getByNameAndVersion(startNode.type, startNode.typeVersion)?.description.webhooks;
	if (!webhooks || !webhooks.length) return 'eager';
	if (!webhooks.every(lib.webhookDescriptionIsNativelyResolvable)) return 'eager';
	return startNode.type === lib.WEBHOOK_NODE_TYPE ? 'none' : 'lazy';
}

const done = new WeakSet();
function once(proto) {
	if (!proto || done.has(proto)) return false;
	done.add(proto);
	return true;
}

function patchLiveWebhooks(LiveWebhooks) {
	const proto = LiveWebhooks.prototype;
	if (!once(proto)) return;
	const original = proto.webhookPhaseNeedsIsolate;
	proto.webhookPhaseNeedsIsolate = function (startNode) {
		const today = original.call(this, startNode);
		if (!flags.webhookPhase || !today) return today;
		const mode = proposedWebhookPhaseIsolate(this, startNode);
		if (mode === 'eager') {
			stats.webhookPhaseEager++;
			return true;
		}
		if (mode === 'lazy') {
			stats.webhookPhaseLazy++;
			lazyWebhookNodes.add(startNode);
		}
		return false;
	};
}

function patchWebhookService(WebhookService) {
	const proto = WebhookService.prototype;
	if (!once(proto)) return;
	const original = proto.getNodeWebhooks;
	proto.getNodeWebhooks = function (workflow, node, ...rest) {
		if (node && lazyWebhookNodes.has(node)) {
			lazyWebhookNodes.delete(node);
			forceLazyNext = true;
			try {
				// reaches ExpressionEvaluator.acquire() synchronously; see patchEvaluator
				void workflow.expression.acquireIsolate().catch(() => undefined);
			} finally {
				forceLazyNext = false;
			}
		}
		return original.call(this, workflow, node, ...rest);
	};
}

function patchCredentialsHelper(CredentialsHelper) {
	const proto = CredentialsHelper.prototype;
	if (!once(proto)) return;
	const original = proto.applyDefaultsAndOverwrites;
	proto.applyDefaultsAndOverwrites = function (additionalData, decryptedDataOriginal, type, mode, executeData, expressionResolveValues, ...rest) {
		if (!flags.credentials || expressionResolveValues) {
			return original.call(this, additionalData, decryptedDataOriginal, type, mode, executeData, expressionResolveValues, ...rest);
		}
		forceLazyNext = true;
		try {
			// the synchronous part of the original reaches workflow.expression.acquireIsolate()
			return original.call(this, additionalData, decryptedDataOriginal, type, mode, executeData, expressionResolveValues, ...rest);
		} finally {
			if (!forceLazyNext) stats.credentialLazy++;
			forceLazyNext = false;
		}
	};
}

function patchEvaluator(ExpressionEvaluator) {
	const proto = ExpressionEvaluator.prototype;
	if (!once(proto)) return;
	const original = proto.acquire;
	proto.acquire = function (caller) {
		if (forceLazyNext) {
			forceLazyNext = false;
			if (!this.disposed && !this.config.lazyAcquire && !this.bridgesByCaller.has(caller)) {
				if (this.lazyScopes.has(caller)) return Promise.resolve(false);
				this.lazyScopes.add(caller);
				return Promise.resolve(true);
			}
		}
		return original.call(this, caller);
	};
}

const load = Module._load;
const found = { evaluator: false, workflowLib: false, liveWebhooks: false, webhookService: false, credentialsHelper: false };
Module._load = function benchPatchModuleLoad() {
	const exported = load.apply(this, arguments);
	if (exported && typeof exported === 'object') {
		if (typeof exported.ExpressionEvaluator === 'function' && typeof exported.ExpressionEvaluator.prototype.acquireBridgeSync === 'function') {
			patchEvaluator(exported.ExpressionEvaluator);
			found.evaluator = true;
		}
		if (typeof exported.nodeParametersAreStatic === 'function' && typeof exported.webhookDescriptionIsNativelyResolvable === 'function') {
			workflowLib ??= exported;
			found.workflowLib = true;
		}
		if (typeof exported.LiveWebhooks === 'function' && typeof exported.LiveWebhooks.prototype.webhookPhaseNeedsIsolate === 'function') {
			patchLiveWebhooks(exported.LiveWebhooks);
			found.liveWebhooks = true;
		}
		if (typeof exported.WebhookService === 'function' && typeof exported.WebhookService.prototype.getNodeWebhooks === 'function') {
			patchWebhookService(exported.WebhookService);
			found.webhookService = true;
		}
		if (typeof exported.CredentialsHelper === 'function' && typeof exported.CredentialsHelper.prototype.applyDefaultsAndOverwrites === 'function') {
			patchCredentialsHelper(exported.CredentialsHelper);
			found.credentialsHelper = true;
		}
		// everything patched: step out of the module loader's way
		if (Object.values(found).every(Boolean) && Module._load === benchPatchModuleLoad) Module._load = load;
	}
	return exported;
};
stats.found = found;
