/**
 * Item 4, run in a fresh process by sections/micro.ts (on n8n's Node): the Argyle Trigger's own
 * per-delivery work, from the BUILT files in dist/, with a minimal fake IWebhookFunctions.
 * Prints one JSON object on stdout.
 *
 * Phases (each timed alone in a tight loop, and webhook() as a whole):
 *   verify        verifySignature(): HMAC-SHA512 of the raw body, constant-time compare
 *   parse         parseDelivery(): n8n has parsed the JSON already, the node checks and reuses it
 *   filter+item   readSettings() + decide() + toItem()
 *   secret        the cached secret lookup every delivery makes (deliverySecret.ts), and apart from it
 *                 what the first delivery per subscription adds: getCredentials() (a resolved promise
 *                 of a fresh decrypted-credential object, as n8n returns it) + deriveWebhookSecret()
 * The fake getCredentials costs nothing; what n8n's real credential read costs is in the profile
 * and the isolate counts (bench sections 1 and 2), not here.
 */
import * as path from 'node:path';

import { bodyOfSize } from '../lib/bodies';

const DIST = process.env.ARGYLE_BENCH_DIST ?? path.resolve(__dirname, '..', '..', 'dist');
/* eslint-disable @typescript-eslint/no-require-imports */
const { ArgyleTrigger } = require(path.join(DIST, 'nodes/ArgyleTrigger/ArgyleTrigger.node.js')) as {
	ArgyleTrigger: new () => { webhook(this: unknown): Promise<{ workflowData?: unknown; noWebhookResponse?: boolean }> };
};
const signature = require(path.join(DIST, 'nodes/ArgyleTrigger/signature.js')) as {
	deriveWebhookSecret(apiKeySecret: string, workflowId: string, nodeId: string, url: string): string;
	signBody(body: Buffer, secret: string): string;
	verifySignature(raw: Buffer | undefined, header: unknown, secret: string): boolean;
};
const delivery = require(path.join(DIST, 'nodes/ArgyleTrigger/delivery.js')) as {
	parseDelivery(raw: Buffer, parsed: unknown, contentType: string | undefined): { ok: boolean; payload?: Record<string, unknown> & { event: string }; reason?: string };
	decide(payload: Record<string, unknown> & { event: string }, settings: unknown): { emit: boolean };
	toItem(payload: Record<string, unknown> & { event: string }): Record<string, unknown>;
};
const settings = require(path.join(DIST, 'nodes/ArgyleTrigger/settings.js')) as {
	readSettings(ctx: unknown): unknown;
	webhookSecret(ctx: unknown, url: string): Promise<string>;
};
const cache = require(path.join(DIST, 'nodes/ArgyleTrigger/deliverySecret.js')) as {
	verifiesWithDerivedSecret(ctx: unknown, state: unknown, raw: Buffer, header: string): Promise<boolean>;
};
const subscription = require(path.join(DIST, 'nodes/ArgyleTrigger/subscription.js')) as {
	readState(ctx: unknown): { url: string } | undefined;
};

const API_KEY_SECRET = 'sim-api-key-secret-0123456789abcdef';
const WORKFLOW = { id: 'wf0123456789abcd', name: 'Bench A' };
const NODE = { id: 'a2000000-0000-4000-8000-00000000a201', name: 'Argyle Trigger', type: 'n8n-nodes-argyle.argyleTrigger', typeVersion: 2 };
const URL_ = 'http://127.0.0.1:5678/webhook/a2a2a2a2-0000-4000-8000-0000000000a2/webhook';
const PARAMETERS: Record<string, unknown> = { apiVersion: 'v2', events: ['accounts.failed', 'accounts.updated'], options: {} };

function fakeContext(raw: Buffer, header: string) {
	const body = JSON.parse(raw.toString('utf8')) as unknown;
	const request = { rawBody: raw, body, headers: { 'content-type': 'application/json', 'x-argyle-signature': header } };
	const response = {
		statusCode: 200,
		status(code: number) {
			this.statusCode = code;
			return this;
		},
		json(_value: unknown) {
			return this;
		},
	};
	const staticData = { argyleSubscription: { id: 'sub-1', url: URL_, events: ['accounts.failed', 'accounts.updated'], apiVersion: 'v2' } };
	return {
		getRequestObject: () => request,
		getResponseObject: () => response,
		getNodeParameter: (name: string, fallback?: unknown) => (name in PARAMETERS ? PARAMETERS[name] : fallback),
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => URL_,
		getWorkflow: () => WORKFLOW,
		getNode: () => NODE,
		// n8n decrypts the credential and hands out a fresh object on every call
		getCredentials: async () => ({ environment: 'custom', baseUrl: 'http://127.0.0.1:5699', apiKeyId: 'sim-key', apiKeySecret: API_KEY_SECRET }),
		helpers: {},
		logger: console,
	};
}

/** Median of `batches` timings of a loop of `iterations`, in microseconds per iteration. */
async function time(fn: () => unknown | Promise<unknown>, isAsync: boolean, minMs: number): Promise<{ usPerOp: number; iterations: number }> {
	// warm up (JIT), then calibrate: iterations for ~minMs/5 per batch
	const warmUntil = Date.now() + minMs / 4;
	while (Date.now() < warmUntil) {
		if (isAsync) await fn();
		else fn();
	}
	let iterations = 100;
	for (;;) {
		const start = process.hrtime.bigint();
		for (let i = 0; i < iterations; i++) {
			if (isAsync) await fn();
			else fn();
		}
		const ms = Number(process.hrtime.bigint() - start) / 1e6;
		if (ms >= minMs / 5 || iterations >= 5_000_000) break;
		iterations *= 2;
	}
	const perOp: number[] = [];
	for (let batch = 0; batch < 5; batch++) {
		const start = process.hrtime.bigint();
		for (let i = 0; i < iterations; i++) {
			if (isAsync) await fn();
			else fn();
		}
		perOp.push(Number(process.hrtime.bigint() - start) / 1e3 / iterations);
	}
	perOp.sort((a, b) => a - b);
	return { usPerOp: perOp[2], iterations: iterations * 5 };
}

async function measure(bytes: number, minMs: number) {
	const raw = Buffer.from(bodyOfSize(bytes), 'utf8');
	const secret = signature.deriveWebhookSecret(API_KEY_SECRET, WORKFLOW.id, NODE.id, URL_);
	const header = signature.signBody(raw, secret);
	const ctx = fakeContext(raw, header);
	const trigger = new ArgyleTrigger();

	const check = await trigger.webhook.call(ctx);
	if (!check.workflowData) throw new Error(`webhook() did not emit for the ${bytes}-byte body: ${JSON.stringify(check)}`);
	const parsedOnce = delivery.parseDelivery(raw, ctx.getRequestObject().body, 'application/json');
	if (!parsedOnce.ok || !parsedOnce.payload) throw new Error('parseDelivery failed');
	const payload = parsedOnce.payload;

	const webhook = await time(() => trigger.webhook.call(ctx), true, minMs);
	const verify = await time(() => signature.verifySignature(raw, header, secret), false, minMs);
	const parse = await time(() => delivery.parseDelivery(raw, ctx.getRequestObject().body, 'application/json'), false, minMs);
	const filterItem = await time(() => {
		if (delivery.decide(payload, settings.readSettings(ctx)).emit) delivery.toItem(payload);
	}, false, minMs);
	const state = subscription.readState(ctx);
	if (!state) throw new Error('the fake context has no stored subscription');
	// with the cache warm from the calls above, this is the per-delivery lookup, HMAC check excluded
	const cachedStep = await time(() => cache.verifiesWithDerivedSecret(ctx, state, raw, header), true, minMs);
	const secretStep = await time(() => settings.webhookSecret(ctx, state.url), true, minMs);
	const jsonParseFallback = await time(() => delivery.parseDelivery(raw, undefined, 'application/octet-stream'), false, minMs);
	return {
		bodyBytes: raw.length,
		webhookUs: webhook.usPerOp,
		phasesUs: {
			verify: verify.usPerOp,
			parse: parse.usPerOp,
			filterItem: filterItem.usPerOp,
			cachedSecret: Math.max(0, cachedStep.usPerOp - verify.usPerOp),
			credentialAndSecret: secretStep.usPerOp,
		},
		/** per delivery; the credential read happens once per subscription */
		sumOfPhasesUs: cachedStep.usPerOp + parse.usPerOp + filterItem.usPerOp,
		/** not on n8n's path for JSON deliveries (n8n parses them): parsing the raw bytes ourselves */
		parseWithoutN8nBodyUs: jsonParseFallback.usPerOp,
		iterations: webhook.iterations,
	};
}

async function main() {
	const minMs = Number(process.env.ARGYLE_BENCH_MICRO_MIN_MS ?? 400);
	const sizes = (process.env.ARGYLE_BENCH_MICRO_SIZES ?? '1024,65536').split(',').map(Number);
	const results = [];
	for (const bytes of sizes) results.push(await measure(bytes, minMs));
	process.stdout.write(`${JSON.stringify({ node: process.version, results })}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
