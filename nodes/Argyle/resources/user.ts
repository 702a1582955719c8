/** Users: one person at Argyle, with all the accounts they connect (`/v2/users`). */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { USER } from '../../shared/objects/user';
import { CREATED_USER } from '../../shared/objects/userToken';
import type { ArgyleUser } from '../../shared/types';
import { deleteOne, getMany, getOne, idPath, requiredId } from '../requests';
import { createOne, isJsonObject, write } from '../writes';
import { DELETION_OUTPUT, getManyFields, idField, ignoreAlreadyDeletedOptions } from './common';
import type { ResourceDefinition } from './types';
import { userDataBody, userDataOptions, type UserDataParameters } from './userFields';
import { TOKEN_LIFETIME_NOTE, tokenExpiry, tokenOf } from './userToken';

const userId = idField('userId', 'User ID', 'The ID of the Argyle user, e.g. the "user" field of an Argyle Trigger item');

async function createUser(ctx: IExecuteFunctions, itemIndex: number) {
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as UserDataParameters;
	const body = userDataBody(ctx, itemIndex, fields);
	const requestedAt = Date.now();
	const action = 'create a user';
	const answer = await createOne<{ id?: unknown; user_token?: unknown }>(ctx, '/v2/users', body, {
		action,
		unsure: 'The user may have been created anyway: check with Get Many (filter External ID) before running again.',
	});
	return [{ id: answer.id, user_token: tokenOf(ctx, answer, action), user_token_expires_at: tokenExpiry(requestedAt) }];
}

/** PATCH answers the user; if it ever answers without a body, the user is read back. */
async function updateUser(ctx: IExecuteFunctions, itemIndex: number) {
	const id = requiredId(ctx, 'userId', 'User', itemIndex);
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as UserDataParameters;
	const body = userDataBody(ctx, itemIndex, fields);
	if (!Object.keys(body).length) {
		throw new NodeOperationError(ctx.getNode(), 'Nothing to update', {
			itemIndex,
			description: 'Add at least one field under "Update Fields" and give it a value.',
		});
	}
	const answer = await write(ctx, 'PATCH', idPath('users', id), body, { action: `update user ${id}` });
	if (isJsonObject(answer)) return [answer as ArgyleUser];
	return [await getOne<ArgyleUser>(ctx, idPath('users', id), `get user ${id}`)];
}

export const user: ResourceDefinition = {
	resource: 'user',
	name: 'User',
	plural: 'Users',
	defaultOperation: 'get',
	operations: {
		create: {
			name: 'Create',
			action: 'Create a user',
			description: `Create a user to open Argyle Link with; outputs the user ID and a user token. ${TOKEN_LIFETIME_NOTE}`,
			fields: [
				{
					displayName: 'Additional Fields',
					name: 'additionalFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: userDataOptions('Any JSON object your system keeps on the user, e.g. {"crm_id": "42"}'),
				},
			],
			output: CREATED_USER,
			run: createUser,
		},
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
		update: {
			name: 'Update',
			action: 'Update a user',
			description:
				"Change a user's personal data or external ID. External Metadata is merged into what Argyle has: keys given replace theirs, other keys are kept.",
			fields: [
				userId,
				{
					displayName: 'Update Fields',
					name: 'updateFields',
					type: 'collection',
					placeholder: 'Add Field',
					default: {},
					options: userDataOptions(
						"A JSON object merged into the user's external metadata by Argyle: keys given replace the stored ones, keys left out are kept",
					),
				},
			],
			output: USER,
			run: updateUser,
		},
	},
};
