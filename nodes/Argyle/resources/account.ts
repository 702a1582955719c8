/** Accounts: a user's connection to one payroll platform (`/v2/accounts`). */
import type { INodeProperties } from 'n8n-workflow';

import { ACCOUNT } from '../../shared/objects/account';
import type { ArgyleAccount } from '../../shared/types';
import { deleteOne, getMany, getOne, idPath, requiredId } from '../requests';
import { DISABLE_REFRESH_OUTPUT, disableOngoingRefresh, PERIODIC_SCAN_OUTPUT, periodicScan } from './accountActions';
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
		disableOngoingRefresh: {
			name: 'Disable Ongoing Refresh',
			action: 'Disable ongoing refresh of an account',
			description:
				'Stop Argyle from refreshing an account\'s data (ongoing_refresh becomes disabled; Argyle sends accounts.updated). Reconnecting the account in Link turns it on again.',
			subtitle: 'Disable Ongoing Account Refresh',
			fields: [accountId],
			output: DISABLE_REFRESH_OUTPUT,
			run: disableOngoingRefresh,
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
		periodicScan: {
			name: 'Periodic Scan',
			action: 'Run a sandbox periodic scan of an account',
			description:
				'Sandbox testing only: make a connected sandbox account find 1-5 new paystubs and gigs, so Argyle sends paystubs.added, gigs.added and accounts.updated',
			subtitle: 'Run Sandbox Periodic Scan',
			fields: [accountId],
			output: PERIODIC_SCAN_OUTPUT,
			run: periodicScan,
		},
	},
};
