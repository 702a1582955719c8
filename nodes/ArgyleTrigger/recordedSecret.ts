/**
 * The secret Argyle holds for this trigger's subscription, read back from Argyle when a delivery
 * does not verify against the derived secret. That happens after the API key was rotated in the
 * credential: Argyle keeps signing with the secret registered at activation until the next
 * activation registers the new one, and those deliveries are genuine.
 *
 * Kept in memory only (never stored), per subscription, and read again at most once per
 * REFRESH_MS, so forged requests cannot turn into a stream of API calls.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import { argyleRequest, NO_RETRY } from '../shared/transport';
import type { WebhookSubscription } from '../shared/types';
import { subscriptionKey, type StoredSubscription } from './subscription';

const REFRESH_MS = 5 * 60_000;

const recorded = new Map<string, { secret?: string; readAt: number }>();

export async function recordedSecret(
	ctx: IWebhookFunctions,
	subscription: StoredSubscription,
): Promise<string | undefined> {
	const key = subscriptionKey(ctx, subscription);
	const cached = recorded.get(key);
	if (cached && Date.now() - cached.readAt < REFRESH_MS) return cached.secret;
	// Claimed before the call, so concurrent unverified requests share one read.
	recorded.set(key, { secret: cached?.secret, readAt: Date.now() });
	try {
		const response = await argyleRequest<WebhookSubscription>(
			ctx,
			{
				method: 'GET',
				path: `/${subscription.apiVersion}/webhooks/${encodeURIComponent(subscription.id)}`,
			},
			{ action: 'read the webhook subscription', accept: [404], retry: NO_RETRY },
		);
		const body = response.body;
		const secret =
			response.statusCode !== 404 && body?.url === subscription.url && typeof body.secret === 'string'
				? body.secret
				: undefined;
		recorded.set(key, { secret, readAt: Date.now() });
		return secret;
	} catch (error) {
		ctx.logger.warn(
			`Argyle Trigger: could not read webhook subscription ${subscription.id} from Argyle to check a delivery's signature. ${(error as Error).message}`,
		);
		return cached?.secret;
	}
}
