/** The node's parameters: the resource selector, then each resource's operations and fields. */
import type { INodeProperties } from 'n8n-workflow';

import { accountFields, accountOperations } from './account';
import { userFields, userOperations } from './user';
import { webhookSubscriptionFields, webhookSubscriptionOperations } from './webhookSubscription';

export const RESOURCES = ['account', 'user', 'webhookSubscription'] as const;
export type Resource = (typeof RESOURCES)[number];

export const argyleProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'User', value: 'user' },
			{ name: 'Webhook Subscription', value: 'webhookSubscription' },
		],
		default: 'account',
	},
	...accountOperations,
	...accountFields,
	...userOperations,
	...userFields,
	...webhookSubscriptionOperations,
	...webhookSubscriptionFields,
];
