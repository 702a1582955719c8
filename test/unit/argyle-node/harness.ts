/**
 * Runs the Argyle node's execute() with the shared test context: real n8n-core HTTP (so nock
 * sees every request), our credential's Basic auth, and a custom base URL of API_BASE.
 */
import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Argyle } from '../../../nodes/Argyle/Argyle.node';
import {
	API_BASE,
	executeContext,
	TEST_CREDENTIALS,
	type ExecuteTestContext,
	type TestCredentials,
} from '../helpers/context';

export { API_BASE };

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** null: the node has no credential set. */
	credentials?: TestCredentials | null;
}

export interface RunResult {
	output: INodeExecutionData[];
	ctx: ExecuteTestContext;
}

export async function runArgyle(parameters: IDataObject, options: RunOptions = {}): Promise<RunResult> {
	const ctx = executeContext({ parameters, ...options });
	const [output] = await new Argyle().execute.call(ctx);
	return { output, ctx };
}

/** Input items, each carrying what an Argyle Trigger item would. */
export function accountItems(...ids: string[]): INodeExecutionData[] {
	return ids.map((account) => ({ json: { account, user: `user-of-${account}` } }));
}

export const BASIC_AUTH = `Basic ${Buffer.from(
	`${TEST_CREDENTIALS.apiKeyId}:${TEST_CREDENTIALS.apiKeySecret}`,
).toString('base64')}`;

/** A nock scope for the API that only matches requests with the credential's Basic auth. */
export function argyleApi() {
	return nock(API_BASE, {
		reqheaders: { authorization: BASIC_AUTH, accept: /application\/json/ },
	});
}

/** Per-item parameter: the test context calls functions with the item index. */
export const fromItem =
	(items: INodeExecutionData[], field: string) =>
	(itemIndex: number): unknown =>
		items[itemIndex].json[field];

/** Fails the test when a mocked request was never made; resets nock for the next test. */
export { expectAllMocksUsed, useNock } from '../helpers/nock';

/** Runs the node expecting it to throw, and returns the error for assertions. */
export async function runArgyleExpectingError(
	parameters: IDataObject,
	options: RunOptions = {},
): Promise<IDataObject & { message: string; description?: string; httpCode?: string; context: IDataObject }> {
	try {
		await runArgyle(parameters, options);
	} catch (error) {
		return error as never;
	}
	throw new Error('Expected the Argyle node to throw');
}
