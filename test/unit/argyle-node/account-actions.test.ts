/** Account: Disable Ongoing Refresh, and the Sandbox-only Periodic Scan. */
import nock from 'nock';

import { ARGYLE_BASE_URLS } from '../../../nodes/shared/environment';
import { TEST_CREDENTIALS } from '../helpers/context';
import { accountItems, argyleApi, BASIC_AUTH, fromItem, runArgyle, runArgyleExpectingError, useNock } from './harness';
import { expectSchemaFits } from './conforms';
import { account, ACCOUNT_ID } from './fixtures';

useNock();

const emptyBody = (body: unknown) => body === '' || Object.keys(body as object).length === 0;

describe('Account: Disable Ongoing Refresh', () => {
	it('POSTs without a body and, on an empty 200, outputs the account ID with ongoing_refresh disabled', async () => {
		argyleApi().post(`/v2/accounts/${ACCOUNT_ID}/disable-ongoing-refresh`, emptyBody).reply(200);

		const { output } = await runArgyle({ resource: 'account', operation: 'disableOngoingRefresh', accountId: ACCOUNT_ID });

		expect(output).toEqual([{ json: { id: ACCOUNT_ID, ongoing_refresh: 'disabled' }, pairedItem: { item: 0 } }]);
	});

	it('passes an account Argyle answers with on under "account"', async () => {
		const answered = account(ACCOUNT_ID, { ongoing_refresh: { status: 'disabled' } });
		argyleApi().post(`/v2/accounts/${ACCOUNT_ID}/disable-ongoing-refresh`).reply(200, answered);

		const { output } = await runArgyle({ resource: 'account', operation: 'disableOngoingRefresh', accountId: ACCOUNT_ID });

		expect(output[0].json).toEqual({ id: ACCOUNT_ID, ongoing_refresh: 'disabled', account: answered });
		expectSchemaFits(output, ['account', 'disableOngoingRefresh']);
	});

	it('one call per input item; with Continue On Fail a 404 is an error item', async () => {
		const items = accountItems('acc-1', 'gone');
		argyleApi().post('/v2/accounts/acc-1/disable-ongoing-refresh').reply(200);
		argyleApi().post('/v2/accounts/gone/disable-ongoing-refresh').reply(404, { detail: 'Not found.' });

		const { output } = await runArgyle(
			{ resource: 'account', operation: 'disableOngoingRefresh', accountId: fromItem(items, 'account') },
			{ items, continueOnFail: true },
		);

		expect(output).toEqual([
			{ json: { id: 'acc-1', ongoing_refresh: 'disabled' }, pairedItem: { item: 0 } },
			{
				json: { error: 'Argyle found nothing (404) while trying to disable ongoing refresh of account gone' },
				pairedItem: { item: 1 },
			},
		]);
	});

	it('403 (feature not enabled for the key) names the action', async () => {
		argyleApi().post(`/v2/accounts/${ACCOUNT_ID}/disable-ongoing-refresh`).reply(403, { detail: 'Not enabled.' });

		const error = await runArgyleExpectingError({ resource: 'account', operation: 'disableOngoingRefresh', accountId: ACCOUNT_ID });

		expect(error.message).toBe(`Argyle refused (403) to let this API key disable ongoing refresh of account ${ACCOUNT_ID}`);
	});
});

describe('Account: Periodic Scan', () => {
	it('POSTs an empty body and outputs the account ID with periodic_scan requested (Argyle answers {})', async () => {
		argyleApi().post(`/v2/accounts/${ACCOUNT_ID}/periodic-scan`, emptyBody).reply(200, {});

		const { output } = await runArgyle({ resource: 'account', operation: 'periodicScan', accountId: ACCOUNT_ID });

		expect(output).toEqual([{ json: { id: ACCOUNT_ID, periodic_scan: 'requested' }, pairedItem: { item: 0 } }]);
	});

	it('keeps a non-empty answer under "response"', async () => {
		argyleApi().post(`/v2/accounts/${ACCOUNT_ID}/periodic-scan`).reply(200, { paystubs_added: 3 });

		const { output } = await runArgyle({ resource: 'account', operation: 'periodicScan', accountId: ACCOUNT_ID });

		expect(output[0].json).toEqual({ id: ACCOUNT_ID, periodic_scan: 'requested', response: { paystubs_added: 3 } });
		expectSchemaFits(output, ['account', 'periodicScan']);
	});

	it('works with a Sandbox credential', async () => {
		nock(ARGYLE_BASE_URLS.sandbox, { reqheaders: { authorization: BASIC_AUTH } })
			.post(`/v2/accounts/${ACCOUNT_ID}/periodic-scan`).reply(200, {});

		const { output } = await runArgyle(
			{ resource: 'account', operation: 'periodicScan', accountId: ACCOUNT_ID },
			{ credentials: { ...TEST_CREDENTIALS, environment: 'sandbox' } },
		);

		expect(output[0].json.periodic_scan).toBe('requested');
	});

	it('refuses a Production credential before calling Argyle, saying it is for Sandbox testing', async () => {
		const error = await runArgyleExpectingError(
			{ resource: 'account', operation: 'periodicScan', accountId: ACCOUNT_ID },
			{ credentials: { ...TEST_CREDENTIALS, environment: 'production' } },
		);

		expect(error.constructor.name).toBe('NodeOperationError');
		expect(error.message).toBe('Periodic Scan only works in the Sandbox environment');
		expect(error.description).toContain('Sandbox testing');
		expect(error.description).toContain('paystubs.added, gigs.added and accounts.updated');
		expect(error.description).not.toContain(TEST_CREDENTIALS.apiKeySecret);
		expect(error.context.itemIndex).toBe(0);
	});

	it('with Continue On Fail, the production refusal is an error item per input', async () => {
		const items = accountItems('acc-1', 'acc-2');

		const { output } = await runArgyle(
			{ resource: 'account', operation: 'periodicScan', accountId: fromItem(items, 'account') },
			{ items, continueOnFail: true, credentials: { ...TEST_CREDENTIALS, environment: 'production' } },
		);

		expect(output).toEqual([
			{ json: { error: 'Periodic Scan only works in the Sandbox environment' }, pairedItem: { item: 0 } },
			{ json: { error: 'Periodic Scan only works in the Sandbox environment' }, pairedItem: { item: 1 } },
		]);
	});

	it('an account that is not connected yet gets Argyle\'s words', async () => {
		argyleApi().post(`/v2/accounts/${ACCOUNT_ID}/periodic-scan`).reply(400, { detail: 'Account is not connected.' });

		const error = await runArgyleExpectingError({ resource: 'account', operation: 'periodicScan', accountId: ACCOUNT_ID });

		expect(error.message).toBe(
			`Argyle rejected the request (400) to run a periodic scan of account ${ACCOUNT_ID}: Account is not connected.`,
		);
	});
});
