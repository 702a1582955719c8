/** Accounts: a user's connection to one payroll platform (`/v2/accounts`). */
import type { INodeProperties } from 'n8n-workflow';

import { ACCOUNT } from '../../shared/objects/account';
import type { ArgyleAccount } from '../../shared/types';
import { deleteOne, getMany, getOne, idPath, requiredId } from '../requests';
import { DELETION_OUTPUT, getManyFields, idField, ignoreAlreadyDeletedOptions } from './common';
import type { ResourceDefinition } from './types';

const accountId = idField(
	'accountId',
	'Account ID',
	'The ID of the account, e.g. the "account" field of an Argyle Trigger item',
	'0185a8b4-…',
);

const filters: INodeProperties[] = [
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
			{ name: 'Disabled', value: 'disabled', description: 'Ongoing refresh was turned off through the API' },
			{ name: 'Enabled', value: 'enabled', description: 'Argyle keeps the data up to date' },
			{ name: 'Idle', value: 'idle', description: 'The account never connected successfully, e.g. upload or form only' },
		],
		description: 'Only accounts whose ongoing refresh has this status',
	},
	{ displayName: 'User ID', name: 'user', type: 'string', default: '', description: 'Only accounts of this Argyle user' },
];

export const account: ResourceDefinition = {
	resource: 'account',
	name: 'Account',
	plural: 'Accounts',
	defaultOperation: 'get',
	operations: {
		delete: {
			name: 'Delete',
			action: 'Delete an account',
			description:
				'Delete an account and all its data (paystubs, documents, …) at Argyle. Irreversible; Argyle then sends accounts.removed.',
			fields: [accountId, ignoreAlreadyDeletedOptions],
			output: DELETION_OUTPUT,
			async run(ctx, itemIndex) {
				const id = requiredId(ctx, 'accountId', 'Account', itemIndex);
				return [await deleteOne(ctx, itemIndex, idPath('accounts', id), id, 'account')];
			},
		},
		get: {
			name: 'Get',
			action: 'Get an account',
			description: 'Retrieve one account with its connection status and data availability',
			fields: [accountId],
			output: ACCOUNT,
			async run(ctx, itemIndex) {
				const id = requiredId(ctx, 'accountId', 'Account', itemIndex);
				return [await getOne<ArgyleAccount>(ctx, idPath('accounts', id), `get account ${id}`)];
			},
		},
		getAll: {
			name: 'Get Many',
			action: 'Get many accounts',
			description: 'List accounts, optionally only those of one user or Item',
			fields: getManyFields(filters),
			output: ACCOUNT,
			async run(ctx, itemIndex) {
				const chosen = ctx.getNodeParameter('filters', itemIndex, {}) as { user?: string; item?: string; ongoingRefreshStatus?: string };
				return await getMany<ArgyleAccount>(
					ctx,
					itemIndex,
					'/v2/accounts',
					{ user: chosen.user?.trim(), item: chosen.item?.trim(), ongoing_refresh_status: chosen.ongoingRefreshStatus },
					'list accounts',
				);
			},
		},
	},
};
