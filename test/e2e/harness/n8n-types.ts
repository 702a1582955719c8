/**
 * The types of the e2e harness's n8n (n8n.ts): options, and the REST/public API shapes the tests read.
 */
import type { N8nInstall } from './install';

export type ActivationMode = 'sync' | 'outbox';

/**
 * Which n8n process to run. 'start' (default): the main process (editor, REST, public API, activation).
 * Queue mode (EXECUTIONS_MODE=queue, Redis, PostgreSQL; pass them in `env`) adds:
 * 'webhook': a webhook processor (`n8n webhook`), serving production webhooks on `port`;
 * 'worker': a worker (`n8n worker`), whose health server (QUEUE_HEALTH_CHECK_*) listens on `port`.
 * For 'webhook' and 'worker', start() waits for /healthz/readiness on `port` and sets up no owner,
 * login or API key (`rest`/`api` are not usable: talk to the main process).
 */
export type N8nCommand = 'start' | 'webhook' | 'worker';

export interface N8nOptions {
	/**
	 * The n8n line to run: '2.x' (n8n 2.41.1 on Node 24) or '1.x' (n8n 1.123.81 on Node 22), or a pinned
	 * version; default ARGYLE_E2E_N8N, else '2.x'. What differs between them is in n8n-line.ts.
	 */
	line?: string;
	/**
	 * 'sync' (default): N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false; activate awaits the trigger's
	 * checkExists/create and answers HTTP 400 with the error message when create() throws; at boot
	 * ActiveWorkflowManager.init() runs checkExists() for active workflows.
	 * 'outbox' (2.x only: 1.x has no publication service): n8n 2.41's default; activate returns at once,
	 * triggers are published ~0.5 s later (poll waitPublished), failures show up only in publication-status.
	 */
	activation?: ActivationMode;
	/** the n8n command to run (default 'start'); see N8nCommand */
	command?: N8nCommand;
	/** extra environment for n8n; a value of undefined removes a variable the harness would set */
	env?: Record<string, string | undefined>;
	/** reuse this user folder (N8N_USER_FOLDER; the DB is <folder>/.n8n/database.sqlite) instead of a fresh mkdtemp one */
	userFolder?: string;
	/**
	 * package to install into <userFolder>/.n8n/nodes/node_modules/<name> as n8n's installer does
	 * (packed files copied, no node_modules: it uses n8n's n8n-workflow); default the repo root; null installs nothing
	 */
	packageDir?: string | null;
	/** more community packages (folders with package.json "n8n" block and built files) to link */
	extraPackages?: string[];
	/** N8N_LOG_LEVEL, default 'info' (or ARGYLE_E2E_N8N_LOG_LEVEL) */
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
	/** echo n8n's output to the test's stderr as it comes (default: ARGYLE_E2E_N8N_ECHO=1) */
	echoLogs?: boolean;
	/** readiness timeout of start(), default 120 s */
	startTimeoutMs?: number;
	/** time stop() waits after SIGTERM before SIGKILL, default 20 s */
	stopTimeoutMs?: number;
	/** an install to use instead of calling ensureN8nInstalled() */
	install?: N8nInstall;
}

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'Passw0rd!Passw0rd',
} as const;

/** Fields of a workflow as n8n's REST API returns them (only what the tests use is typed). */
export interface WorkflowData {
	id: string;
	name: string;
	active: boolean;
	versionId: string;
	activeVersionId: string | null;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	staticData?: Record<string, unknown> | null;
	[key: string]: unknown;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

/** What createWorkflow/updateWorkflow accept: a workflow JSON as exported by the editor. */
export interface WorkflowInput {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	pinData?: Record<string, unknown>;
	staticData?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface Execution {
	id: string | number;
	finished: boolean;
	mode: string;
	status: 'new' | 'running' | 'success' | 'error' | 'canceled' | 'crashed' | 'waiting' | string;
	startedAt: string;
	stoppedAt: string | null;
	workflowId: string;
	/** present with includeData: { resultData: { runData: { [node]: [{ data: { main: [[{ json }]] } }] }, error? } } */
	data?: ExecutionData;
	[key: string]: unknown;
}

export interface ExecutionData {
	resultData: {
		runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: unknown }> | null> }; error?: unknown }>>;
		error?: { message?: string; description?: string; [key: string]: unknown };
		lastNodeExecuted?: string;
	};
	[key: string]: unknown;
}

export interface ActivationResult {
	/** HTTP status of the activate/deactivate call */
	status: number;
	/** response body: { data: workflow } on success, { code, message, hint?, ... } on errors */
	body: unknown;
	/** message of an error response (e.g. what the trigger's create() threw), if any */
	message?: string;
}

export interface PublicationStatus {
	status: 'in_progress' | 'published' | 'failed' | string;
	triggers?: Array<{ nodeId: string; status: string; errorMessage?: string | null; [key: string]: unknown }>;
	[key: string]: unknown;
}

export interface CredentialTestResult {
	/** HTTP status of POST /rest/credentials/test */
	httpStatus: number;
	/** n8n's verdict, 'OK' or 'Error' */
	status?: 'OK' | 'Error' | string;
	/** n8n's message shown in the editor */
	message?: string;
	body: unknown;
}

export interface WebhookResponse {
	status: number;
	headers: Headers;
	text: string;
	/** parsed JSON, or the text */
	body: unknown;
}
