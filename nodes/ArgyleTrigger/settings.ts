/**
 * What the user chose, and the Argyle subscription that follows from it. Every delivery reads only
 * the filters (readFilters: a few parameters, no validation); the lifecycle reads the whole choice
 * (readSettings), validates it and turns it into one subscription spec.
 */
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	API_VERSIONS,
	eventDisplayName,
	eventsAccepting,
	eventsForVersion,
	isKnownEvent,
	MAX_SUBSCRIBED_ITEMS,
	type ApiVersion,
} from '../shared/catalogue';
import type { ArgyleCredentials } from '../shared/environment';
import { CREDENTIAL_TYPE } from '../shared/transport';
import type { WebhookConfig } from '../shared/types';
import { deriveWebhookSecret } from './signature';

type TriggerContext = IHookFunctions | IWebhookFunctions;

/** Events that need the subscription's Item IDs, its Days Synced, or may carry `resource`. */
export const ITEMS_EVENTS: readonly string[] = eventsAccepting('items');
export const DAYS_SYNCED_EVENTS: readonly string[] = eventsAccepting('days_synced');
export const RESOURCE_EVENTS: readonly string[] = eventsAccepting('include_resource');
/** Argyle's own default for days_synced. */
export const DEFAULT_DAYS_SYNCED = 30;

/** What decides, per delivery, whether it starts the workflow. */
export interface DeliveryFilters {
	/** The events the user selected. */
	events: string[];
	/** Allow-list for `accounts.failed`; empty means every code. */
	errorCodes: string[];
	/** Allow-list for `direct_deposit_switches.failed`; empty means every code. */
	depositSwitchErrorCodes: string[];
	/** `accounts.updated` fires only for disconnected accounts. */
	disconnectedOnly: boolean;
}

export interface TriggerSettings extends DeliveryFilters {
	apiVersion: ApiVersion;
	includeResource: boolean;
	subscriptionName: string;
	daysSynced: number;
	/** As typed: validated when the subscription is built. */
	itemIds: string;
}

/** The subscription Argyle should hold for this trigger. */
export interface SubscriptionSpec {
	apiVersion: ApiVersion;
	name: string;
	url: string;
	events: string[];
	config?: WebhookConfig;
	secret: string;
}

const asStrings = (value: unknown): string[] =>
	Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];

function filtersFrom(events: unknown, options: IDataObject): DeliveryFilters {
	return {
		events: asStrings(events),
		errorCodes: asStrings(options.errorCodes),
		depositSwitchErrorCodes: asStrings(options.depositSwitchErrorCodes),
		disconnectedOnly: options.disconnectedOnly === true,
	};
}

export function readFilters(ctx: TriggerContext): DeliveryFilters {
	return filtersFrom(ctx.getNodeParameter('events', []), ctx.getNodeParameter('options', {}) as IDataObject);
}

export function readSettings(ctx: TriggerContext): TriggerSettings {
	const version = ctx.getNodeParameter('apiVersion', 'v2') as string;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const events = ctx.getNodeParameter('events', []);
	const days = Number(options.daysSynced ?? DEFAULT_DAYS_SYNCED);
	return {
		...filtersFrom(events, options),
		apiVersion: (API_VERSIONS as readonly string[]).includes(version) ? (version as ApiVersion) : 'v2',
		includeResource: options.includeResource === true,
		subscriptionName: typeof options.subscriptionName === 'string' ? options.subscriptionName.trim() : '',
		daysSynced: days,
		itemIds: asStrings(events).some((event) => ITEMS_EVENTS.includes(event))
			? String(ctx.getNodeParameter('itemIds', '') ?? '')
			: '',
	};
}

/** The events to subscribe to: the selection, plus `accounts.updated` when disconnections are asked for. */
export function subscribedEvents(settings: DeliveryFilters): string[] {
	const events = new Set(settings.events);
	if (settings.disconnectedOnly) events.add('accounts.updated');
	return [...events].sort();
}

const ITEM_ID = /^item_[A-Za-z0-9]+$/;

function invalid(ctx: IHookFunctions, message: string, description: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { description });
}

/** The Item IDs for items.* events: 1 to 30, each like item_000000001; sorted so order does not matter. */
export function parseItemIds(ctx: IHookFunctions, raw: string): string[] {
	const ids = [...new Set(raw.split(/[\s,;]+/).filter(Boolean))].sort();
	const what = `Enter 1 to ${MAX_SUBSCRIBED_ITEMS} Item IDs in "Item IDs", separated by commas, e.g. item_000000001, item_000000002 (search Items with the Argyle node's Item: Get Many).`;
	if (ids.length === 0) invalid(ctx, 'Item events need the Item IDs to watch', what);
	const malformed = ids.filter((id) => !ITEM_ID.test(id));
	if (malformed.length) invalid(ctx, `Not an Item ID: ${malformed.slice(0, 5).join(', ')}`, what);
	if (ids.length > MAX_SUBSCRIBED_ITEMS) {
		invalid(ctx, `Argyle watches at most ${MAX_SUBSCRIBED_ITEMS} Items per subscription (${ids.length} given)`, what);
	}
	return ids;
}

/** Events the chosen API version does not have; subscribing to them would fail at Argyle anyway. */
function assertEventsExist(ctx: IHookFunctions, settings: TriggerSettings) {
	const offered = eventsForVersion(settings.apiVersion) as string[];
	const missing = settings.events.filter((event) => isKnownEvent(event) && !offered.includes(event));
	if (!missing.length) return;
	const names = missing.map(eventDisplayName).join(', ');
	invalid(
		ctx,
		settings.apiVersion === 'v1'
			? `The legacy V1 API has no ${names}`
			: `${names} exist only in the legacy V1 API`,
		settings.apiVersion === 'v1'
			? 'V1 (Legacy) offers the account events and the pay distribution events. Set API Version to V2 for the other events, or remove them from Events.'
			: 'Set API Version to V1 (Legacy) for the pay distribution events, or remove them from Events.',
	);
}

/** The subscription's config: one per subscription, shared by its events (Argyle's model). */
function configFor(ctx: IHookFunctions, settings: TriggerSettings, events: string[]): WebhookConfig | undefined {
	const selects = (candidates: readonly string[]) => events.some((event) => candidates.includes(event));
	const config: WebhookConfig = {};
	if ((settings.includeResource && selects(RESOURCE_EVENTS)) || settings.disconnectedOnly) {
		config.include_resource = true;
	}
	if (selects(DAYS_SYNCED_EVENTS)) {
		if (!Number.isInteger(settings.daysSynced) || settings.daysSynced < 1) {
			invalid(ctx, 'Days Synced must be a whole number of at least 1', 'Set Options > Days Synced, e.g. 30 (Argyle\'s default) or 90.');
		}
		config.days_synced = settings.daysSynced;
	}
	if (selects(ITEMS_EVENTS)) config.items = parseItemIds(ctx, settings.itemIds);
	return Object.keys(config).length ? config : undefined;
}

export async function webhookSecret(ctx: TriggerContext, webhookUrl: string): Promise<string> {
	const credentials = (await ctx.getCredentials(CREDENTIAL_TYPE)) as unknown as ArgyleCredentials;
	return deriveWebhookSecret(
		String(credentials.apiKeySecret ?? ''),
		String(ctx.getWorkflow().id ?? ''),
		String(ctx.getNode().id ?? ''),
		webhookUrl,
	);
}

export async function desiredSubscription(ctx: IHookFunctions): Promise<SubscriptionSpec> {
	const settings = readSettings(ctx);
	assertEventsExist(ctx, settings);
	const url = ctx.getNodeWebhookUrl('default') as string;
	const workflow = ctx.getWorkflow();
	const events = subscribedEvents(settings);
	const spec: SubscriptionSpec = {
		apiVersion: settings.apiVersion,
		name: settings.subscriptionName || `n8n: ${workflow.name ?? `workflow ${workflow.id}`}`,
		url,
		events,
		secret: await webhookSecret(ctx, url),
	};
	const config = configFor(ctx, settings, events);
	if (config) spec.config = config;
	return spec;
}
