/**
 * The webhook subscription's lifecycle at Argyle: n8n calls checkExists on every activation
 * (and at startup), create when checkExists says no, and delete on deactivation.
 *
 * Argyle is the source of truth, not n8n's static data: checkExists lists the subscriptions,
 * keeps exactly one that matches what the trigger wants and removes every other one with our
 * URL (changed events, a rotated key, duplicates left by a crash), so restarts and lost state
 * heal themselves. Subscriptions with other URLs are never touched.
 */
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ApiVersion } from '../shared/catalogue';
import type { ArgyleCredentials } from '../shared/environment';
import {
	argyleRequest,
	argyleRequestAllPages,
	ArgyleNetworkError,
	CREDENTIAL_TYPE,
	isTransient,
	resolveBaseUrl,
	type ArgyleResponse,
	type RetryPolicy,
} from '../shared/transport';
import type { WebhookConfig, WebhookSubscription } from '../shared/types';
import { desiredSubscription, readSettings, type SubscriptionSpec } from './settings';
import { unreachableReason } from './webhookUrl';

/** What the node keeps in static data: enough to delete the subscription, never the secret. */
export interface StoredSubscription {
	id: string;
	url: string;
	events: string[];
	apiVersion: ApiVersion;
}

const STATE_KEY = 'argyleSubscription';

/** Deactivation should not hang on an Argyle outage: retry briefly, then log and move on. */
const DELETE_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 500, maxDelayMs: 5_000, budgetMs: 10_000 };

export function readState(ctx: IHookFunctions | IWebhookFunctions): StoredSubscription | undefined {
	const state = ctx.getWorkflowStaticData('node')[STATE_KEY] as StoredSubscription | undefined;
	return state && typeof state.id === 'string' ? state : undefined;
}

/**
 * Identifies a stored subscription in a process-wide memory cache (the derived and the recorded
 * signing secret): the trigger (workflow and node) plus what Argyle knows it by.
 */
export function subscriptionKey(ctx: IWebhookFunctions, subscription: StoredSubscription): string {
	const { apiVersion, id, url } = subscription;
	return [ctx.getWorkflow().id, ctx.getNode().id, apiVersion, id, url].join('\n');
}

function writeState(ctx: IHookFunctions, spec: SubscriptionSpec, id: string) {
	const state: StoredSubscription = {
		id,
		url: spec.url,
		events: spec.events,
		apiVersion: spec.apiVersion,
	};
	ctx.getWorkflowStaticData('node')[STATE_KEY] = state as unknown as IDataObject;
}

function clearState(ctx: IHookFunctions) {
	delete ctx.getWorkflowStaticData('node')[STATE_KEY];
}

const webhooksPath = (version: ApiVersion) => `/${version}/webhooks`;

function eventList(events: WebhookSubscription['events']): string[] {
	return (Array.isArray(events) ? events : [events]).map(String).sort();
}

const sameList = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((entry, index) => entry === b[index]);

/**
 * Whether Argyle holds the config the trigger asks for. include_resource changes every payload, so
 * false and absent count alike; days_synced and items count only when the trigger sets them
 * (Argyle may echo its own defaults), and Item IDs are compared in any order.
 */
export function configMatches(held: WebhookConfig | null | undefined, wanted: WebhookConfig | undefined): boolean {
	if (Boolean(held?.include_resource) !== Boolean(wanted?.include_resource)) return false;
	if (wanted?.days_synced !== undefined && Number(held?.days_synced) !== wanted.days_synced) return false;
	if (wanted?.items !== undefined) {
		const heldItems = Array.isArray(held?.items) ? held.items.map(String).sort() : [];
		if (!sameList(heldItems, [...wanted.items].sort())) return false;
	}
	return true;
}

/** Whether Argyle's subscription is exactly the one the trigger wants. */
export function matchesSpec(subscription: WebhookSubscription, spec: SubscriptionSpec): boolean {
	return (
		subscription.url === spec.url &&
		subscription.name === spec.name &&
		subscription.secret === spec.secret &&
		configMatches(subscription.config, spec.config) &&
		sameList(eventList(subscription.events), spec.events)
	);
}

async function listSubscriptions(ctx: IHookFunctions, version: ApiVersion, baseUrl: string) {
	return await argyleRequestAllPages<WebhookSubscription>(
		ctx,
		webhooksPath(version),
		{},
		{ action: 'list the webhook subscriptions' },
		baseUrl,
	);
}

/** Deletes one subscription; a 404 means it is already gone, which is what we wanted. */
async function removeSubscription(
	ctx: IHookFunctions,
	version: ApiVersion,
	id: string,
	baseUrl: string,
	retry?: RetryPolicy,
) {
	await argyleRequest(
		ctx,
		{ method: 'DELETE', path: `${webhooksPath(version)}/${encodeURIComponent(id)}` },
		{ action: 'delete the webhook subscription', accept: [404], retry },
		baseUrl,
	);
}

/** True when a stored subscription belongs to an earlier base URL of this same webhook. */
function isEarlierUrlOfSameWebhook(storedUrl: string, currentUrl: string): boolean {
	try {
		const stored = new URL(storedUrl);
		const current = new URL(currentUrl);
		return stored.origin !== current.origin && stored.pathname === current.pathname;
	} catch {
		return false;
	}
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const spec = await desiredSubscription(this);
	const baseUrl = await resolveBaseUrl(this);
	const stored = readState(this);

	// The API version was switched: the old subscription lives in the other version's list.
	if (stored && stored.apiVersion !== spec.apiVersion) {
		await removeSubscription(this, stored.apiVersion, stored.id, baseUrl);
	}

	const all = await listSubscriptions(this, spec.apiVersion, baseUrl);
	const ours = all.filter((subscription) => subscription.url === spec.url);
	const keep = ours.find((subscription) => matchesSpec(subscription, spec));
	const stale = ours.filter((subscription) => subscription !== keep);
	// n8n's public URL changed (WEBHOOK_URL): the subscription registered under the old one is ours too.
	if (stored && stored.apiVersion === spec.apiVersion && isEarlierUrlOfSameWebhook(stored.url, spec.url)) {
		stale.push(...all.filter((subscription) => subscription.id === stored.id && subscription.url === stored.url));
	}

	for (const subscription of stale) {
		await removeSubscription(this, spec.apiVersion, subscription.id, baseUrl);
	}
	if (stale.length) {
		this.logger.info(
			`Argyle Trigger: removed ${stale.length} outdated webhook subscription(s) for ${spec.url}`,
		);
	}

	if (keep) {
		writeState(this, spec, keep.id);
		return true;
	}
	clearState(this);
	return false;
}

async function assertReachable(ctx: IHookFunctions, url: string) {
	const credentials = (await ctx.getCredentials(CREDENTIAL_TYPE)) as unknown as ArgyleCredentials;
	if (credentials.environment === 'custom') return;
	const reason = unreachableReason(url);
	if (!reason) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`Argyle cannot deliver to this n8n's webhook URL ${url}: ${reason}`,
		{
			description:
				"Argyle sends webhooks from the internet to a public HTTPS address. Set n8n's WEBHOOK_URL environment variable to this n8n's public HTTPS address (for example https://n8n.example.com/) and restart n8n, or use a tunnel while testing locally. To test against a local Argyle simulator, use the Custom environment in the credential.",
		},
	);
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const spec = await desiredSubscription(this);
	if (spec.events.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Select at least one event', {
			description: 'The Argyle Trigger subscribes to the events chosen in "Events".',
		});
	}
	await assertReachable(this, spec.url);
	const baseUrl = await resolveBaseUrl(this);

	const body: IDataObject = {
		events: spec.events,
		name: spec.name,
		url: spec.url,
		secret: spec.secret,
	};
	if (spec.config) body.config = spec.config;

	const response = await argyleRequest<WebhookSubscription>(
		this,
		{ method: 'POST', path: webhooksPath(spec.apiVersion), body },
		{
			action: 'create the webhook subscription',
			// A create that failed with 5xx or a dropped connection may have been stored anyway:
			// adopt it instead of posting a duplicate that would deliver every event twice.
			beforeRetry: async (failure): Promise<ArgyleResponse | undefined> => {
				if (!(failure instanceof ArgyleNetworkError) && !isTransient(failure.statusCode)) return undefined;
				if (!(failure instanceof ArgyleNetworkError) && failure.statusCode === 429) return undefined;
				const existing = (await listSubscriptions(this, spec.apiVersion, baseUrl)).find((s) =>
					matchesSpec(s, spec),
				);
				return existing ? { statusCode: 200, headers: {}, body: existing } : undefined;
			},
		},
		baseUrl,
	);

	const id = response.body?.id;
	if (typeof id !== 'string' || !id) {
		throw new NodeApiError(
			this.getNode(),
			{ message: 'No subscription id in the answer' },
			{
				message: 'Argyle accepted the webhook subscription but returned no id',
				description: `Check that the credential's Base URL points at the Argyle API root (it answered ${response.statusCode}).`,
			},
		);
	}
	writeState(this, spec, id);
	return true;
}

export async function deleteSubscription(this: IHookFunctions): Promise<boolean> {
	const stored = readState(this);
	try {
		const baseUrl = await resolveBaseUrl(this);
		if (stored) {
			await removeSubscription(this, stored.apiVersion, stored.id, baseUrl, DELETE_RETRY);
			return true;
		}
		// Static data was lost (e.g. a crash before it was saved): find ours by URL instead.
		const url = this.getNodeWebhookUrl('default') as string;
		const version = readSettings(this).apiVersion;
		const all = await listSubscriptions(this, version, baseUrl);
		for (const subscription of all.filter((s) => s.url === url)) {
			await removeSubscription(this, version, subscription.id, baseUrl, DELETE_RETRY);
		}
		return true;
	} catch (error) {
		this.logger.warn(
			`Argyle Trigger: could not delete the webhook subscription${stored ? ` ${stored.id}` : ''}; it will be cleaned up at the next activation. ${(error as Error).message}`,
		);
		return false;
	} finally {
		clearState(this);
	}
}
