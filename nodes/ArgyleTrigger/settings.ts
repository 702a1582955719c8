/**
 * What the user chose, and the Argyle subscription that follows from it. Both the lifecycle
 * (what to register) and every delivery (what to emit) read the choice through here.
 */
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { API_VERSIONS, type ApiVersion } from '../shared/catalogue';
import type { ArgyleCredentials } from '../shared/environment';
import { CREDENTIAL_TYPE } from '../shared/transport';
import type { WebhookConfig } from '../shared/types';
import { deriveWebhookSecret } from './signature';

type TriggerContext = IHookFunctions | IWebhookFunctions;

export interface TriggerSettings {
	apiVersion: ApiVersion;
	/** The events the user selected. */
	events: string[];
	includeResource: boolean;
	subscriptionName: string;
	/** Allow-list for `accounts.failed`; empty means every code. */
	errorCodes: string[];
	/** `accounts.updated` fires only for disconnected accounts. */
	disconnectedOnly: boolean;
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

export function readSettings(ctx: TriggerContext): TriggerSettings {
	const version = ctx.getNodeParameter('apiVersion', 'v2') as string;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	return {
		apiVersion: (API_VERSIONS as readonly string[]).includes(version)
			? (version as ApiVersion)
			: 'v2',
		events: asStrings(ctx.getNodeParameter('events', [])),
		includeResource: options.includeResource === true,
		subscriptionName: typeof options.subscriptionName === 'string' ? options.subscriptionName.trim() : '',
		errorCodes: asStrings(options.errorCodes),
		disconnectedOnly: options.disconnectedOnly === true,
	};
}

/** The events to subscribe to: the selection, plus `accounts.updated` when disconnections are asked for. */
export function subscribedEvents(settings: TriggerSettings): string[] {
	const events = new Set(settings.events);
	if (settings.disconnectedOnly) events.add('accounts.updated');
	return [...events].sort();
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
	const url = ctx.getNodeWebhookUrl('default') as string;
	const workflow = ctx.getWorkflow();
	const spec: SubscriptionSpec = {
		apiVersion: settings.apiVersion,
		name: settings.subscriptionName || `n8n: ${workflow.name ?? `workflow ${workflow.id}`}`,
		url,
		events: subscribedEvents(settings),
		secret: await webhookSecret(ctx, url),
	};
	if (settings.includeResource || settings.disconnectedOnly) {
		spec.config = { include_resource: true };
	}
	return spec;
}
