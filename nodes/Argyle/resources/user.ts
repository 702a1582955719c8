/** Parameters of the User resource: delete, get and list v2 users. */
import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, ignoreAlreadyDeletedOptions, showFor } from './common';

const show = (operations: string[]) => showFor('user', operations);

export const userOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a user',
				description:
					'Delete a user together with all of their accounts and data at Argyle. Irreversible.',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a user',
				description: 'Retrieve one user with the Items and employers they connected',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many users',
				description: 'List users, optionally only the one with a given external ID',
			},
		],
		default: 'get',
	},
];

export const userFields: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID of the Argyle user, e.g. the "user" field of an Argyle Trigger item',
		displayOptions: show(['delete', 'get']),
	},
	{
		displayName:
			'Deleting a user removes all of their accounts and data (paystubs, documents, …) at Argyle. It cannot be undone.',
		name: 'deleteUserNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['delete']),
	},
	{ ...ignoreAlreadyDeletedOptions, displayOptions: show(['delete']) },
	...getManyFields('user', [
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description: 'Only the user with exactly this external ID (the one your system gave Argyle)',
		},
	]),
];
