/**
 * Webhook subscriptions: list and delete, e.g. to clean up ones left behind by other tools. The
 * Argyle Trigger manages its own subscription.
 */
import { WEBHOOK_SUBSCRIPTION } from '../../shared/objects/webhookSubscription';
import type { WebhookSubscription } from '../../shared/types';
import { deleteOne, getMany, idPath, requiredId } from '../requests';
import { DELETION_OUTPUT, getManyFields, idField, ignoreAlreadyDeletedOptions } from './common';
import type { ResourceDefinition } from './types';

/**
 * Argyle returns each subscription's signing secret in clear. Execution data is stored
 * unencrypted, so the node says only whether one is set.
 */
function withoutSecret({ secret, ...subscription }: WebhookSubscription): WebhookSubscription {
	return { ...subscription, has_secret: typeof secret === 'string' && secret.length > 0 };
}

export const webhookSubscription: ResourceDefinition = {
	resource: 'webhookSubscription',
	name: 'Webhook Subscription',
	plural: 'Webhook Subscriptions',
	defaultOperation: 'getAll',
	operations: {
		delete: {
			name: 'Delete',
			action: 'Delete a webhook subscription',
			description: 'Delete a webhook subscription so Argyle stops sending its deliveries',
			fields: [
				idField('webhookSubscriptionId', 'Webhook Subscription ID', 'The ID of the subscription, as listed by Get Many'),
				ignoreAlreadyDeletedOptions,
			],
			output: DELETION_OUTPUT,
			async run(ctx, itemIndex) {
				const id = requiredId(ctx, 'webhookSubscriptionId', 'Webhook Subscription', itemIndex);
				return [await deleteOne(ctx, itemIndex, idPath('webhooks', id), id, 'webhook subscription')];
			},
		},
		getAll: {
			name: 'Get Many',
			action: 'Get many webhook subscriptions',
			description: 'List the webhook subscriptions of this API key (their signing secrets are left out)',
			fields: getManyFields(),
			output: WEBHOOK_SUBSCRIPTION,
			async run(ctx, itemIndex) {
				const subscriptions = await getMany<WebhookSubscription>(ctx, itemIndex, '/v2/webhooks', {}, 'list webhook subscriptions');
				return subscriptions.map(withoutSecret);
			},
		},
	},
};
