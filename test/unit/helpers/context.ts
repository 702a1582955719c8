/**
 * Hand-made n8n execution contexts for unit tests. HTTP goes through n8n-core's REAL
 * `httpRequestWithAuthentication` (axios underneath, so `nock` intercepts it), with our
 * credential's `authenticate` definition applied the way n8n's CredentialsHelper does.
 * Everything else (parameters, static data, logger, request/response) is a small fake.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';
import {
	httpRequest as n8nHttpRequest,
	httpRequestWithAuthentication as n8nHttpRequestWithAuthentication,
} from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import { prepareBinaryData as n8nPrepareBinaryData } from 'n8n-core/dist/execution-engine/node-execution-context/utils/binary-helper-functions';
import { BinaryDataService } from 'n8n-core/dist/binary-data/binary-data.service';
import { Container } from '@n8n/di';
import { constructExecutionMetaData, returnJsonArray } from 'n8n-core';

import { ArgyleApi } from '../../../credentials/ArgyleApi.credentials';

export const API_BASE = 'https://argyle.test';

export interface TestCredentials extends IDataObject {
	environment: 'sandbox' | 'production' | 'custom';
	baseUrl?: string;
	apiKeyId: string;
	apiKeySecret: string;
}

export const TEST_CREDENTIALS: TestCredentials = {
	environment: 'custom',
	baseUrl: API_BASE,
	apiKeyId: 'test-key-id',
	apiKeySecret: 'unit-test-api-key-secret-9f8e7d',
};

export interface LogEntry {
	level: 'debug' | 'info' | 'warn' | 'error';
	message: string;
}

export interface ContextOptions {
	parameters?: IDataObject;
	credentials?: TestCredentials | null;
	staticData?: IDataObject;
	webhookUrl?: string;
	workflow?: { id: string; name: string; active?: boolean };
	node?: Partial<INode>;
	mode?: string;
	activationMode?: string;
}

// n8n-core's binary data service without a storage manager keeps files in memory (base64 in
// `data`), as n8n's default mode does. Built by hand: resolving it through the container would
// create an n8n instance folder with an encryption key in the home directory.
Container.set(BinaryDataService, new BinaryDataService({} as never, {} as never, {} as never));

/** `={{$credentials.apiKeyId}}` → the credential's value, as n8n resolves it. */
function resolveCredentialValue(value: string, credentials: IDataObject): string {
	const match = /^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/.exec(value);
	return match ? String(credentials[match[1]] ?? '') : value;
}

function fakeCredentialsHelper(credentials: IDataObject) {
	const credentialType = new ArgyleApi();
	return {
		getParentTypes: () => [],
		preAuthentication: async () => undefined,
		authenticate: async (_decrypted: IDataObject, _type: string, options: IHttpRequestOptions) => {
			const auth = credentialType.authenticate.properties.auth as { username: string; password: string };
			return {
				...options,
				auth: {
					username: resolveCredentialValue(auth.username, credentials),
					password: resolveCredentialValue(auth.password, credentials),
				},
			};
		},
	};
}

/** Reads `name` or a dotted path such as `options.errorCodes` from the parameters. */
function readParameter(parameters: IDataObject, name: string, itemIndex: number): unknown {
	let value: unknown = parameters;
	for (const part of name.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as IDataObject)[part];
	}
	return typeof value === 'function' ? (value as (i: number) => unknown)(itemIndex) : value;
}

function baseContext(options: ContextOptions) {
	const parameters = options.parameters ?? {};
	const credentials = options.credentials === undefined ? TEST_CREDENTIALS : options.credentials;
	const staticData = options.staticData ?? {};
	const workflow = options.workflow ?? { id: 'wf-1', name: 'Delete failed accounts', active: true };
	const node: INode = {
		id: 'node-1',
		name: 'Argyle',
		type: 'n8n-nodes-argyle.argyle',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		...options.node,
	};
	const logs: LogEntry[] = [];
	const log = (level: LogEntry['level']) => (message: string) => logs.push({ level, message });
	const additionalData = { credentialsHelper: fakeCredentialsHelper(credentials ?? {}) };
	const context = {
		logs,
		staticData,
		logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
		getNode: () => node,
		getWorkflow: () => workflow,
		getMode: () => options.mode ?? 'trigger',
		getActivationMode: () => options.activationMode ?? 'activate',
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => options.webhookUrl ?? 'https://n8n.example.com/webhook/abc/webhook',
		getCredentials: async () => {
			if (!credentials) throw new Error('Node "Argyle" does not have any credentials set');
			return { ...credentials };
		},
		helpers: {
			returnJsonArray,
			constructExecutionMetaData,
			/** n8n-core's real helpers: no credential, and binary data as n8n stores it in memory. */
			httpRequest: n8nHttpRequest,
			prepareBinaryData: async (data: Buffer, fileName?: string, mimeType?: string) =>
				await n8nPrepareBinaryData(data, 'execution-1', workflow.id, fileName, mimeType),
			async httpRequestWithAuthentication(
				this: unknown,
				type: string,
				requestOptions: IHttpRequestOptions,
			) {
				return await n8nHttpRequestWithAuthentication.call(
					this as never,
					type,
					requestOptions,
					{} as never,
					node,
					additionalData as never,
				);
			},
		},
	};
	const getNodeParameter = (name: string, itemIndex: number, fallback?: unknown) => {
		const value = readParameter(parameters, name, itemIndex);
		if (value !== undefined) return value;
		if (fallback !== undefined) return fallback;
		throw new Error(`Could not get parameter "${name}"`);
	};
	return { context, getNodeParameter };
}

export type HookTestContext = IHookFunctions & { logs: LogEntry[]; staticData: IDataObject };

export function hookContext(options: ContextOptions = {}): HookTestContext {
	const { context, getNodeParameter } = baseContext(options);
	return {
		...context,
		getNodeParameter: (name: string, fallback?: unknown) => getNodeParameter(name, 0, fallback),
	} as unknown as HookTestContext;
}

export interface WebhookRequest {
	headers?: Record<string, string>;
	rawBody?: Buffer;
	body?: unknown;
	/** n8n's lazily read raw body: when given, rawBody stays unset until readRawBody() runs. */
	lazyRawBody?: Buffer;
}

export interface RecordedResponse {
	statusCode?: number;
	body?: unknown;
}

export function webhookContext(options: ContextOptions & { request: WebhookRequest }) {
	const { context, getNodeParameter } = baseContext(options);
	const request: IDataObject = {
		headers: options.request.headers ?? {},
		body: options.request.body ?? {},
		rawBody: options.request.rawBody,
	};
	if (options.request.lazyRawBody) {
		request.readRawBody = async () => {
			request.rawBody = options.request.lazyRawBody;
		};
	}
	const recorded: RecordedResponse = {};
	const response = {
		status(code: number) {
			recorded.statusCode = code;
			return response;
		},
		json(body: unknown) {
			recorded.body = body;
			return response;
		},
		send(body: unknown) {
			recorded.body = body;
			return response;
		},
		end() {
			return response;
		},
	};
	const ctx = {
		...context,
		getNodeParameter: (name: string, fallback?: unknown) => getNodeParameter(name, 0, fallback),
		getRequestObject: () => request,
		getResponseObject: () => response,
		getBodyData: () => request.body,
		getHeaderData: () => request.headers,
	} as unknown as IWebhookFunctions & { logs: LogEntry[] };
	return { ctx, response: recorded };
}

export type ExecuteTestContext = IExecuteFunctions & { logs: LogEntry[] };

export function executeContext(
	options: ContextOptions & { items?: INodeExecutionData[]; continueOnFail?: boolean },
): ExecuteTestContext {
	const { context, getNodeParameter } = baseContext(options);
	const items = options.items ?? [{ json: {} }];
	return {
		...context,
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail ?? false,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) =>
			getNodeParameter(name, itemIndex, fallback),
	} as unknown as ExecuteTestContext;
}
