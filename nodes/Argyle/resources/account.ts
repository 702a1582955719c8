/** Parameters of the Account resource: delete, get and list v2 accounts. */
import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, ignoreAlreadyDeletedOptions, showFor } from './common';

const show = (operations: string[]) => showFor('account', operations);

export const accountOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an account',
				description:
					'Delete an account and all its data (paystubs, documents, …) at Argyle. Irreversible; Argyle then sends accounts.removed.',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an account',
				description: 'Retrieve one account with its connection status and data availability',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many accounts',
				description: 'List accounts, optionally only those of one user or Item',
			},
		],
		default: 'get',
	},
];

export const accountFields: INodeProperties[] = [
	{
		displayName: 'Account ID',
		name: 'accountId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '0185a8b4-…',
		description: 'The ID of the account, e.g. the "account" field of an Argyle Trigger item',
		displayOptions: show(['delete', 'get']),
	},
	{
		...ignoreAlreadyDeletedOptions,
		displayOptions: show(['delete']),
	},
	...getManyFields('account', [
		{
			displayName: 'Item',
			name: 'item',
			type: 'string',
			default: '',
			placeholder: 'item_123456789',
			description: 'Only accounts connected through this Link Item',
		},
		{
			displayName: 'Ongoing Refresh Status',
			name: 'ongoingRefreshStatus',
			type: 'options',
			default: 'enabled',
			options: [
				{
					name: 'Disabled',
					value: 'disabled',
					description: 'Ongoing refresh was turned off through the API',
				},
				{ name: 'Enabled', value: 'enabled', description: 'Argyle keeps the data up to date' },
				{
					name: 'Idle',
					value: 'idle',
					description: 'The account never connected successfully, e.g. upload or form only',
				},
			],
			description: 'Only accounts whose ongoing refresh has this status',
		},
		{
			displayName: 'User ID',
			name: 'user',
			type: 'string',
			default: '',
			description: 'Only accounts of this Argyle user',
		},
	]),
];
