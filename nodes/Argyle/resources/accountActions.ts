/**
 * The account actions besides read and delete: Disable Ongoing Refresh, and the Sandbox-only
 * Periodic Scan that makes a sandbox account produce refresh events for webhook testing.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ArgyleCredentials } from '../../shared/environment';
import { id, oneOf, optional, anyObject } from '../../shared/fields';
import { ACCOUNT_OBJECT } from '../../shared/objects/account';
import { CREDENTIAL_TYPE } from '../../shared/transport';
import { idPath, requiredId } from '../requests';
import { isJsonObject, write } from '../writes';

export const DISABLE_REFRESH_OUTPUT = {
	id: id('The account'),
	ongoing_refresh: oneOf('Always disabled after this call', ['disabled']),
	account: optional(ACCOUNT_OBJECT),
} as const;

export const PERIODIC_SCAN_OUTPUT = {
	id: id('The account'),
	periodic_scan: oneOf('Always requested: the new data and its events follow within a short while', ['requested']),
	response: optional(anyObject("Argyle's answer, when it is not empty")),
} as const;

/**
 * Argyle answers 200 without a body (the spec gives none): the output says what happened. Should
 * Argyle answer with the account, it is passed on under `account`, so the output keeps one shape.
 */
export async function disableOngoingRefresh(ctx: IExecuteFunctions, itemIndex: number) {
	const accountId = requiredId(ctx, 'accountId', 'Account', itemIndex);
	const answer = await write(ctx, 'POST', `${idPath('accounts', accountId)}/disable-ongoing-refresh`, undefined, {
		action: `disable ongoing refresh of account ${accountId}`,
	});
	const account = isJsonObject(answer) && Object.keys(answer).length ? { account: answer } : {};
	return [{ id: accountId, ongoing_refresh: 'disabled', ...account }];
}

/** Refused before any call when the credential is for Production; Sandbox and Custom (a simulator) may. */
async function assertNotProduction(ctx: IExecuteFunctions, itemIndex: number) {
	const credentials = (await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex)) as unknown as Pick<ArgyleCredentials, 'environment'>;
	if (credentials.environment !== 'production') return;
	throw new NodeOperationError(ctx.getNode(), 'Periodic Scan only works in the Sandbox environment', {
		itemIndex,
		description:
			"It is for Sandbox testing: it makes a sandbox account produce paystubs.added, gigs.added and accounts.updated events. The Argyle API credential's Environment is Production; use a Sandbox credential (or Custom for a simulator).",
	});
}

export async function periodicScan(ctx: IExecuteFunctions, itemIndex: number) {
	const accountId = requiredId(ctx, 'accountId', 'Account', itemIndex);
	await assertNotProduction(ctx, itemIndex);
	const answer = await write(ctx, 'POST', `${idPath('accounts', accountId)}/periodic-scan`, {}, {
		action: `run a periodic scan of account ${accountId}`,
	});
	const response = isJsonObject(answer) && Object.keys(answer).length ? { response: answer } : {};
	return [{ id: accountId, periodic_scan: 'requested', ...response }];
}
