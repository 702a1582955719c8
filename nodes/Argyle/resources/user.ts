/** Users: one person at Argyle, with all the accounts they connect (`/v2/users`). */
import { USER } from '../../shared/objects/user';
import type { ArgyleUser } from '../../shared/types';
import { deleteOne, getMany, getOne, idPath, requiredId } from '../requests';
import { DELETION_OUTPUT, getManyFields, idField, ignoreAlreadyDeletedOptions } from './common';
import type { ResourceDefinition } from './types';

const userId = idField('userId', 'User ID', 'The ID of the Argyle user, e.g. the "user" field of an Argyle Trigger item');

export const user: ResourceDefinition = {
	resource: 'user',
	name: 'User',
	plural: 'Users',
	defaultOperation: 'get',
	operations: {
		delete: {
			name: 'Delete',
			action: 'Delete a user',
			description: 'Delete a user together with all of their accounts and data at Argyle. Irreversible.',
			fields: [
				userId,
				{
					displayName:
						'Deleting a user removes all of their accounts and data (paystubs, documents, …) at Argyle. It cannot be undone.',
					name: 'deleteUserNotice',
					type: 'notice',
					default: '',
				},
				ignoreAlreadyDeletedOptions,
			],
			output: DELETION_OUTPUT,
			async run(ctx, itemIndex) {
				const id = requiredId(ctx, 'userId', 'User', itemIndex);
				return [await deleteOne(ctx, itemIndex, idPath('users', id), id, 'user')];
			},
		},
		get: {
			name: 'Get',
			action: 'Get a user',
			description: 'Retrieve one user with the Items and employers they connected',
			fields: [userId],
			output: USER,
			async run(ctx, itemIndex) {
				const id = requiredId(ctx, 'userId', 'User', itemIndex);
				return [await getOne<ArgyleUser>(ctx, idPath('users', id), `get user ${id}`)];
			},
		},
		getAll: {
			name: 'Get Many',
			action: 'Get many users',
			description: 'List users, optionally only the one with a given external ID',
			fields: getManyFields([
				{
					displayName: 'External ID',
					name: 'externalId',
					type: 'string',
					default: '',
					description: 'Only the user with exactly this external ID (the one your system gave Argyle)',
				},
			]),
			output: USER,
			async run(ctx, itemIndex) {
				const filters = ctx.getNodeParameter('filters', itemIndex, {}) as { externalId?: string };
				return await getMany<ArgyleUser>(ctx, itemIndex, '/v2/users', { external_id: filters.externalId }, 'list users');
			},
		},
	},
};
