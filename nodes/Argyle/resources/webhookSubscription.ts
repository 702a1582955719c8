/**
 * Parameters of the Webhook Subscription resource: list and delete v2 subscriptions, e.g. to
 * clean up ones left behind by other tools. The Argyle Trigger manages its own subscription.
 */
import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, ignoreAlreadyDeletedOptions, showFor } from './common';

const show = (operations: string[]) => showFor('webhookSubscription', operations);

export const webhookSubscriptionOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhookSubscription'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a webhook subscription',
				description: 'Delete a webhook subscription so Argyle stops sending its deliveries',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many webhook subscriptions',
				description:
					'List the webhook subscriptions of this API key (their signing secrets are left out)',
			},
		],
		default: 'getAll',
	},
];

export const webhookSubscriptionFields: INodeProperties[] = [
	{
		displayName: 'Webhook Subscription ID',
		name: 'webhookSubscriptionId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID of the subscription, as listed by Get Many',
		displayOptions: show(['delete']),
	},
	{ ...ignoreAlreadyDeletedOptions, displayOptions: show(['delete']) },
	...getManyFields('webhookSubscription'),
];
