/**
 * Checks a delivery against the derived signing secret, kept in memory per subscription.
 *
 * Deriving the secret needs the credential, and reading a credential in a webhook is what costs
 * n8n most per delivery: under n8n 2.x's default expression engine it takes an isolate of its
 * own (about 40 CPU-ms a request, measured by `npm run bench`). The inputs only change together
 * with the subscription: a new API key secret reaches Argyle through a new activation, and
 * checkExists never keeps a subscription whose secret differs, so the new secret comes with a new
 * subscription id. The stored subscription (id and URL) is therefore the cache key.
 *
 * A process that missed a change (for example one whose stored state was replaced by another
 * n8n process) heals by itself: entries expire after MAX_AGE_MS, and a failed check derives the
 * secret again at most once per RECHECK_MS, so forged requests cannot turn into credential reads.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import { webhookSecret } from './settings';
import { verifySignature } from './signature';
import { subscriptionKey, type StoredSubscription } from './subscription';

const MAX_AGE_MS = 10 * 60_000;
const RECHECK_MS = 60_000;
/** Subscriptions one process can hold secrets for before the oldest are forgotten. */
const MAX_ENTRIES = 1_000;

interface Entry {
	/** Shared by concurrent deliveries, so a burst after a restart reads the credential once. */
	secret: Promise<string>;
	derivedAt: number;
}

const derived = new Map<string, Entry>();

function derive(ctx: IWebhookFunctions, key: string, url: string): Entry {
	const entry: Entry = { secret: webhookSecret(ctx, url), derivedAt: Date.now() };
	derived.delete(key);
	if (derived.size >= MAX_ENTRIES) derived.delete(derived.keys().next().value as string);
	derived.set(key, entry);
	// A failed credential read is reported by the caller and must not be remembered.
	entry.secret.catch(() => {
		if (derived.get(key) === entry) derived.delete(key);
	});
	return entry;
}

/**
 * Whether the signature matches the secret derived from the credential for this trigger.
 * Derived for the stored (registered) URL, which Argyle signs for: in a test delivery n8n's
 * getNodeWebhookUrl() answers the production URL while create() registered the test URL.
 * Without stored state (no subscription yet) nothing is cached and the credential is read.
 */
export async function verifiesWithDerivedSecret(
	ctx: IWebhookFunctions,
	stored: StoredSubscription | undefined,
	rawBody: Buffer | undefined,
	signature: string,
): Promise<boolean> {
	if (!stored) {
		const secret = await webhookSecret(ctx, ctx.getNodeWebhookUrl('default') as string);
		return verifySignature(rawBody, signature, secret);
	}
	const key = subscriptionKey(ctx, stored);
	let entry = derived.get(key);
	if (!entry || Date.now() - entry.derivedAt > MAX_AGE_MS) entry = derive(ctx, key, stored.url);
	if (verifySignature(rawBody, signature, await entry.secret)) return true;
	if (Date.now() - entry.derivedAt < RECHECK_MS) return false;
	entry = derive(ctx, key, stored.url);
	return verifySignature(rawBody, signature, await entry.secret);
}
