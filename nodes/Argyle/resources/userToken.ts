/** User tokens: what Argyle Link is opened with for a returning user (`POST /v2/user-tokens`). */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { USER_TOKEN } from '../../shared/objects/userToken';
import { requiredId } from '../requests';
import { createOne } from '../writes';
import { idField } from './common';
import type { ResourceDefinition } from './types';

/** Argyle's user tokens expire one hour after they are issued. */
export const USER_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export const TOKEN_LIFETIME_NOTE =
	'The user token expires after 1 hour: create a new one (User Token: Create) each time Link is opened.';

/** One hour after `requestedAt`: the token is issued after the request starts, so it is never later than Argyle's expiry. */
export const tokenExpiry = (requestedAt: number) => new Date(requestedAt + USER_TOKEN_LIFETIME_MS).toISOString();

/** The token from Argyle's answer; an answer without one means the Base URL points somewhere else. */
export function tokenOf(ctx: IExecuteFunctions, answer: { user_token?: unknown }, action: string): string {
	if (typeof answer.user_token === 'string' && answer.user_token) return answer.user_token;
	throw new NodeApiError(
		ctx.getNode(),
		{ message: 'No user token in the response' },
		{
			message: `Argyle's answer has no user token while trying to ${action}`,
			description: "Check that the credential's Base URL points at the Argyle API root.",
		},
	);
}

export const userToken: ResourceDefinition = {
	resource: 'userToken',
	name: 'User Token',
	plural: 'User Tokens',
	defaultOperation: 'create',
	operations: {
		create: {
			name: 'Create',
			action: 'Create a user token',
			description: `Create a token to open Argyle Link for a returning user. ${TOKEN_LIFETIME_NOTE}`,
			fields: [idField('userId', 'User ID', 'The Argyle user to open Link for, e.g. the "id" output of User: Create')],
			output: USER_TOKEN,
			async run(ctx, itemIndex) {
				const user = requiredId(ctx, 'userId', 'User', itemIndex);
				const requestedAt = Date.now();
				const action = `create a user token for user ${user}`;
				const answer = await createOne<{ user_token?: unknown }>(ctx, '/v2/user-tokens', { user }, { action });
				return [{ user, user_token: tokenOf(ctx, answer, action), user_token_expires_at: tokenExpiry(requestedAt) }];
			},
		},
	},
};
