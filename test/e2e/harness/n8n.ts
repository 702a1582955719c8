/**
 * A real n8n 2.41.1 (installed by install.ts, run on Node 24) as a child process of the test, hermetic:
 * SQLite in a fresh temporary user folder, loopback only, random free ports, no outbound calls at boot,
 * and our package linked as a community package (node types `n8n-nodes-argyle.<node>`).
 *
 *   const n8n = new N8nInstance({ activation: 'sync' });
 *   await n8n.start();              // boots, creates the owner, logs in, creates an API key
 *   ...                             // n8n.rest (cookie), n8n.api (API key), helpers below
 *   await n8n.restart();            // same user folder, DB, ports; logs in again
 *   await n8n.dispose();            // stop + remove the temporary user folder
 *
 * Only one n8n should run at a time on our 2-core machines (each takes ~0.7-1 GB RSS and 7-10 s to boot).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { httpRequest, HttpError, PublicApiClient, RestClient, type HttpMethod, type HttpResult } from './http';
import { ensureN8nInstalled, REPO_ROOT, type N8nInstall } from './install';
import { freePorts } from './ports';

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
	 * 'sync' (default): N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false; activate awaits the trigger's
	 * checkExists/create and answers HTTP 400 with the error message when create() throws; at boot
	 * ActiveWorkflowManager.init() runs checkExists() for active workflows.
	 * 'outbox': n8n 2.41's default; activate returns at once, triggers are published ~0.5 s later
	 * (poll waitPublished), failures show up only in publication-status.
	 */
	activation?: ActivationMode;
	/** the n8n command to run (default 'start'); see N8nCommand */
	command?: N8nCommand;
	/** extra environment for n8n; a value of undefined removes a variable the harness would set */
	env?: Record<string, string | undefined>;
	/** reuse this user folder (N8N_USER_FOLDER; the DB is <folder>/.n8n/database.sqlite) instead of a fresh mkdtemp one */
	userFolder?: string;
	/** package to link into <userFolder>/.n8n/nodes/node_modules/<name>; default the repo root; null links nothing */
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

interface HarnessState {
	apiKey: string;
	owner: typeof OWNER;
}

const STATE_FILE = 'e2e-harness.json';
const LOG_FILE = 'n8n.log';
/** how much of n8n's output is kept in memory (the log file keeps everything) */
const MAX_LOG_CHARS = 32 * 1024 * 1024;

const running = new Set<N8nInstance>();
let exitHookInstalled = false;
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	// Never leave an n8n behind when the test process ends without stop() (e.g. a failed beforeAll).
	process.on('exit', () => {
		for (const instance of running) instance.killSync();
	});
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function messageOf(body: unknown): string | undefined {
	if (body && typeof body === 'object' && 'message' in body && typeof (body as { message: unknown }).message === 'string') {
		return (body as { message: string }).message;
	}
	return undefined;
}

export class N8nInstance {
	readonly options: Readonly<N8nOptions>;
	/** e.g. http://127.0.0.1:41234 (no trailing slash) */
	baseUrl = '';
	port = 0;
	brokerPort = 0;
	/** N8N_USER_FOLDER; n8n keeps its DB, config and nodes/ in <userFolder>/.n8n */
	readonly userFolder: string;
	/** the n8n version reported by the running server (GET /rest/settings -> versionCli) */
	version = '';
	install: N8nInstall | undefined;
	rest!: RestClient;
	api!: PublicApiClient;

	private activation: ActivationMode;
	private extraEnv: Record<string, string | undefined>;
	private readonly createdUserFolder: boolean;
	private child: ChildProcess | undefined;
	private exitPromise: Promise<void> | undefined;
	private logText = '';
	private logDropped = 0;
	private logStream: fs.WriteStream | undefined;
	private readonly browserId = `e2e-${randomUUID()}`;

	constructor(options: N8nOptions = {}) {
		this.options = { ...options };
		this.activation = options.activation ?? 'sync';
		this.extraEnv = { ...options.env };
		if (options.userFolder) {
			this.userFolder = path.resolve(options.userFolder);
			fs.mkdirSync(this.userFolder, { recursive: true });
			this.createdUserFolder = false;
		} else {
			this.userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'argyle-n8n-'));
			this.createdUserFolder = true;
		}
	}

	get activationMode(): ActivationMode {
		return this.activation;
	}

	/** pid of the n8n main process while it runs */
	get pid(): number | undefined {
		return this.child && this.child.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
	}

	get running(): boolean {
		return this.pid !== undefined;
	}

	/** the log file in the user folder (all starts appended) */
	get logFile(): string {
		return path.join(this.userFolder, LOG_FILE);
	}

	/** Everything n8n printed since this object was created (stdout and stderr, all restarts). */
	logs(fromOffset = 0): string {
		return this.logText.slice(Math.max(0, fromOffset - this.logDropped));
	}

	/** An offset to pass to logs()/waitForLog() to look only at what comes after now. */
	logMark(): number {
		return this.logDropped + this.logText.length;
	}

	/** Waits until n8n's output (after `fromOffset`) matches; returns the match. */
	async waitForLog(pattern: RegExp | string, timeoutMs = 30_000, fromOffset = 0): Promise<RegExpMatchArray> {
		const regex = typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : pattern;
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const match = this.logs(fromOffset).match(regex);
			if (match) return match;
			if (Date.now() > deadline) throw new Error(`n8n did not log ${regex} within ${timeoutMs} ms; log tail:\n${this.logTail()}`);
			await sleep(100);
		}
	}

	logTail(lines = 60): string {
		return this.logText.split('\n').slice(-lines).join('\n');
	}

	// ---------------------------------------------------------------------------------------------
	// process lifecycle
	// ---------------------------------------------------------------------------------------------

	/** Boots n8n, waits for /healthz/readiness, then sets up the owner + API key (first start) or logs in. */
	async start(): Promise<void> {
		if (this.running) throw new Error(`n8n is already running (pid ${this.pid})`);
		this.install ??= this.options.install ?? (await ensureN8nInstalled());
		if (this.port === 0) {
			[this.port, this.brokerPort] = await freePorts(2);
			this.baseUrl = `http://127.0.0.1:${this.port}`;
		}
		this.rest = new RestClient(this.baseUrl, this.browserId);
		this.linkPackages();

		const t0 = Date.now();
		this.logStream ??= fs.createWriteStream(this.logFile, { flags: 'a' });
		this.appendLog(`\n===== [harness] starting n8n ${new Date().toISOString()} port ${this.port} broker ${this.brokerPort} activation ${this.activation}\n`);
		const command = this.options.command ?? 'start';
		const child = spawn(this.install.nodeBin, [this.install.n8nBin, command], {
			cwd: this.userFolder,
			env: this.buildEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
			// own process group: kill() can take the task-runner child down with the main process
			detached: true,
		});
		this.child = child;
		running.add(this);
		installExitHook();
		child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.appendLog(chunk));
		child.stderr?.setEncoding('utf8').on('data', (chunk: string) => this.appendLog(chunk));
		this.exitPromise = new Promise<void>((resolve) => {
			child.on('exit', (code, signal) => {
				running.delete(this);
				this.appendLog(`===== [harness] n8n (pid ${child.pid}) exited: code ${code} signal ${signal}\n`);
				resolve();
			});
		});
		child.on('error', (error) => this.appendLog(`===== [harness] spawn error: ${error.message}\n`));

		try {
			await this.waitReady(this.options.startTimeoutMs ?? 120_000);
			if (command === 'start') {
				await this.authenticate();
				const settings = await this.rest.data<{ versionCli: string }>('GET', '/rest/settings');
				this.version = settings.versionCli;
			} else {
				this.version = this.install.n8nVersion;
			}
		} catch (error) {
			await this.kill();
			throw error;
		}
		process.stderr.write(`[n8n-e2e] n8n ${this.version} ${command === 'start' ? '' : `${command} `}ready at ${this.baseUrl} in ${Date.now() - t0} ms (pid ${child.pid}, ${this.activation}, ${this.userFolder})\n`);
	}

	/** SIGTERM (graceful shutdown), SIGKILL after stopTimeoutMs; then kills leftovers of its process group. */
	async stop(): Promise<void> {
		const child = this.child;
		if (!child || child.pid === undefined) return;
		if (this.running) {
			process.kill(child.pid, 'SIGTERM');
			let timer: NodeJS.Timeout | undefined;
			const stopped = await Promise.race([
				this.exitPromise!.then(() => true),
				new Promise<boolean>((resolve) => {
					timer = setTimeout(() => resolve(false), this.options.stopTimeoutMs ?? 20_000);
				}),
			]);
			clearTimeout(timer);
			if (!stopped) {
				this.appendLog(`===== [harness] n8n did not stop after SIGTERM; SIGKILL\n`);
				this.killGroup(child.pid);
			}
		}
		await this.exitPromise;
		this.killGroup(child.pid); // the task runner, if it outlived the main process
		this.child = undefined;
	}

	/** SIGKILL the n8n process group at once (crash tests). */
	async kill(): Promise<void> {
		const child = this.child;
		if (!child || child.pid === undefined) return;
		this.killGroup(child.pid);
		await this.exitPromise;
		this.child = undefined;
	}

	/** stop() + start() on the same user folder, DB and ports; optionally with another activation mode/env. */
	async restart(overrides: { activation?: ActivationMode; env?: Record<string, string | undefined> } = {}): Promise<void> {
		await this.stop();
		if (overrides.activation) this.activation = overrides.activation;
		if (overrides.env) this.extraEnv = { ...this.extraEnv, ...overrides.env };
		await this.start();
	}

	/** stop() and remove the user folder if the harness created it (keep it with ARGYLE_E2E_KEEP=1). */
	async dispose(): Promise<void> {
		await this.stop();
		this.logStream?.end();
		this.logStream = undefined;
		if (this.createdUserFolder && process.env.ARGYLE_E2E_KEEP !== '1') {
			fs.rmSync(this.userFolder, { recursive: true, force: true });
		} else {
			process.stderr.write(`[n8n-e2e] kept user folder ${this.userFolder}\n`);
		}
	}

	/** Synchronous SIGKILL of the process group (used by the process exit hook). */
	killSync(): void {
		if (this.child?.pid !== undefined) this.killGroup(this.child.pid);
	}

	/** Resident set size of the n8n main process in bytes (from /proc), or undefined when not running. */
	rss(): number | undefined {
		const pid = this.pid;
		if (pid === undefined) return undefined;
		try {
			const match = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
			return match ? Number(match[1]) * 1024 : undefined;
		} catch {
			return undefined;
		}
	}

	private killGroup(pid: number): void {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// group already gone
		}
	}

	private appendLog(chunk: string): void {
		this.logText += chunk;
		if (this.logText.length > MAX_LOG_CHARS) {
			const cut = this.logText.length - MAX_LOG_CHARS / 2;
			this.logText = this.logText.slice(cut);
			this.logDropped += cut;
		}
		this.logStream?.write(chunk);
		if (this.options.echoLogs ?? process.env.ARGYLE_E2E_N8N_ECHO === '1') process.stderr.write(chunk);
	}

	private linkPackages(): void {
		const nodeModules = path.join(this.userFolder, '.n8n', 'nodes', 'node_modules');
		fs.mkdirSync(nodeModules, { recursive: true });
		const packages = [...(this.options.packageDir === null ? [] : [this.options.packageDir ?? REPO_ROOT]), ...(this.options.extraPackages ?? [])];
		for (const dir of packages) {
			const name = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string }).name;
			const link = path.join(nodeModules, ...name.split('/'));
			fs.mkdirSync(path.dirname(link), { recursive: true });
			fs.rmSync(link, { recursive: true, force: true });
			fs.symlinkSync(path.resolve(dir), link, 'dir');
		}
	}

	private buildEnv(): NodeJS.ProcessEnv {
		const install = this.install!;
		const base = `${this.baseUrl}/`;
		// Start from a clean environment: nothing of the test process (NODE_ENV=test from jest would
		// switch n8n into its own test mode, npm_* / N8N_* variables would leak settings).
		const env: NodeJS.ProcessEnv = {
			PATH: `${path.dirname(install.nodeBin)}${path.delimiter}${process.env.PATH ?? '/usr/bin:/bin'}`,
			HOME: this.userFolder,
			LANG: process.env.LANG ?? 'C.UTF-8',
			TZ: process.env.TZ ?? 'UTC',
			NODE_ENV: 'production',
			...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
			N8N_USER_FOLDER: this.userFolder,
			DB_TYPE: 'sqlite',
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: base,
			N8N_EDITOR_BASE_URL: base,
			N8N_SECURE_COOKIE: 'false',
			N8N_ENCRYPTION_KEY: 'argyle-e2e-encryption-key-0123456789',
			N8N_USER_MANAGEMENT_JWT_SECRET: 'argyle-e2e-jwt-secret-0123456789',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			// no outbound calls, no noise
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
			// our package, loaded like an installed community package
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			// task runner (Code node): n8n's default internal child process, broker on loopback and its own port
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			// keep every execution so the tests can read them back
			EXECUTIONS_MODE: 'regular',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			EXECUTIONS_DATA_SAVE_ON_PROGRESS: 'false',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
			N8N_LOG_LEVEL: this.options.logLevel ?? process.env.ARGYLE_E2E_N8N_LOG_LEVEL ?? 'info',
			N8N_LOG_OUTPUT: 'console',
		};
		if (this.activation === 'sync') env.N8N_USE_WORKFLOW_PUBLICATION_SERVICE = 'false';
		if (this.options.command === 'worker') {
			// the worker's only HTTP server: /healthz and /healthz/readiness, which start() polls
			env.QUEUE_HEALTH_CHECK_ACTIVE = 'true';
			env.QUEUE_HEALTH_CHECK_PORT = String(this.port);
			env.N8N_WORKER_SERVER_ADDRESS = '127.0.0.1';
		}
		for (const [key, value] of Object.entries(this.extraEnv)) {
			if (value === undefined) delete env[key];
			else env[key] = value;
		}
		return env;
	}

	private async waitReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (!this.running) {
				throw new Error(`n8n exited during startup; log tail:\n${this.logTail(80)}`);
			}
			try {
				const result = await httpRequest('GET', `${this.baseUrl}/healthz/readiness`, { timeoutMs: 2000 });
				if (result.status === 200) return;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error(`n8n not ready after ${timeoutMs} ms; log tail:\n${this.logTail(80)}`);
			await sleep(200);
		}
	}

	private readState(): HarnessState | undefined {
		try {
			return JSON.parse(fs.readFileSync(path.join(this.userFolder, STATE_FILE), 'utf8')) as HarnessState;
		} catch {
			return undefined;
		}
	}

	/** First start: owner setup + API key (saved in the user folder). Later starts: login only. */
	private async authenticate(): Promise<void> {
		const state = this.readState();
		if (state) {
			await this.login();
			this.api = new PublicApiClient(this.baseUrl, state.apiKey);
			return;
		}
		const setup = await this.rest.post('/rest/owner/setup', OWNER);
		if (!setup.ok) {
			// an owner exists already (reused user folder without our state file): log in
			await this.login();
		} else if (!this.rest.authCookie) {
			await this.login();
		}
		const scopes = await this.rest.data<string[]>('GET', '/rest/api-keys/scopes');
		const key = await this.rest.data<{ rawApiKey: string }>('POST', '/rest/api-keys', {
			body: { label: `e2e-${Date.now()}-${randomBytes(3).toString('hex')}`, scopes, expiresAt: null },
		});
		this.api = new PublicApiClient(this.baseUrl, key.rawApiKey);
		fs.writeFileSync(path.join(this.userFolder, STATE_FILE), JSON.stringify({ apiKey: key.rawApiKey, owner: OWNER } satisfies HarnessState, null, 2), { mode: 0o600 });
	}

	/** POST /rest/login (the field is emailOrLdapLoginId); stores the n8n-auth cookie. */
	async login(): Promise<void> {
		this.rest.authCookie = undefined;
		const result = await this.rest.post<{ data: { role?: string } }>('/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		if (!result.ok || !this.rest.authCookie) throw new HttpError('POST', `${this.baseUrl}/rest/login`, result);
	}

	// ---------------------------------------------------------------------------------------------
	// credentials
	// ---------------------------------------------------------------------------------------------

	/** POST /rest/credentials (as the editor does; data is plain, n8n encrypts it). */
	async createCredential(type: string, name: string, data: Record<string, unknown>): Promise<{ id: string; name: string; type: string }> {
		return await this.rest.data('POST', '/rest/credentials', { body: { name, type, data } });
	}

	/**
	 * The editor's "Test credential" (Retry / Save): POST /rest/credentials/test
	 * { credentials: { id, name, type, data } }. `id` must be a saved credential of the owner; `data` is
	 * what the form holds (plain values; omitted fields fall back to nothing, so pass the full data).
	 * Returns n8n's verdict { status: 'OK' | 'Error', message }.
	 */
	async testCredential(credential: { id: string; type: string; name?: string; data: Record<string, unknown> }): Promise<CredentialTestResult> {
		const result = await this.rest.post<{ data?: { status?: string; message?: string } }>('/rest/credentials/test', {
			credentials: { id: credential.id, name: credential.name ?? '', type: credential.type, data: credential.data },
		});
		const verdict = (result.body as { data?: { status?: string; message?: string } } | undefined)?.data;
		return { httpStatus: result.status, status: verdict?.status, message: verdict?.message ?? messageOf(result.body), body: result.body };
	}

	// ---------------------------------------------------------------------------------------------
	// workflows
	// ---------------------------------------------------------------------------------------------

	/** POST /rest/workflows (the editor's first save). `active`/`id` in the JSON are ignored by n8n. */
	async createWorkflow(json: WorkflowInput): Promise<WorkflowData> {
		const { active: _active, ...rest } = json;
		return await this.rest.data<WorkflowData>('POST', '/rest/workflows', { body: { settings: { executionOrder: 'v1' }, ...rest } });
	}

	async getWorkflow(id: string): Promise<WorkflowData> {
		return await this.rest.data<WorkflowData>('GET', `/rest/workflows/${id}`);
	}

	/**
	 * The editor's Save: PATCH /rest/workflows/:id with the workflow JSON. A node/connection change
	 * creates a new versionId. NB in 2.41 saving does NOT re-publish an active workflow (only a
	 * settings change does); call activate(id) again to publish the saved version (sync mode then
	 * runs the old triggers' delete() and the new ones' checkExists/create, activation mode 'update').
	 */
	async updateWorkflow(id: string, json: Partial<WorkflowInput>): Promise<WorkflowData> {
		const { active: _active, id: _id, ...rest } = json as Partial<WorkflowInput> & { id?: string };
		return await this.rest.data<WorkflowData>('PATCH', `/rest/workflows/${id}`, { body: rest });
	}

	async deleteWorkflow(id: string): Promise<void> {
		await this.rest.data('POST', `/rest/workflows/${id}/archive`, { body: {} });
		await this.rest.data('DELETE', `/rest/workflows/${id}`);
	}

	/**
	 * The editor's Publish: POST /rest/workflows/:id/activate { versionId } (default: the current
	 * versionId). Sync mode: returns after the triggers' create(), HTTP 400 { message } if it threw.
	 * Outbox mode: returns at once with 200; use waitPublished().
	 */
	async activate(id: string, options: { versionId?: string } = {}): Promise<ActivationResult> {
		const versionId = options.versionId ?? (await this.getWorkflow(id)).versionId;
		const result = await this.rest.post(`/rest/workflows/${id}/activate`, { versionId });
		return { status: result.status, body: result.body, message: result.ok ? undefined : messageOf(result.body) };
	}

	/** The editor's Unpublish: POST /rest/workflows/:id/deactivate {}. */
	async deactivate(id: string): Promise<ActivationResult> {
		const result = await this.rest.post(`/rest/workflows/${id}/deactivate`, {});
		return { status: result.status, body: result.body, message: result.ok ? undefined : messageOf(result.body) };
	}

	/** Public API variants: POST /api/v1/workflows/:id/activate | deactivate. */
	async activateViaApi(id: string): Promise<ActivationResult> {
		const result = await this.api.post(`/workflows/${id}/activate`);
		return { status: result.status, body: result.body, message: result.ok ? undefined : messageOf(result.body) };
	}

	async deactivateViaApi(id: string): Promise<ActivationResult> {
		const result = await this.api.post(`/workflows/${id}/deactivate`);
		return { status: result.status, body: result.body, message: result.ok ? undefined : messageOf(result.body) };
	}

	/** GET /rest/workflows/:id/publication-status (outbox mode only; 404 in sync mode). */
	async publicationStatus(id: string): Promise<HttpResult<{ data?: PublicationStatus }>> {
		return await this.rest.get<{ data?: PublicationStatus }>(`/rest/workflows/${id}/publication-status`);
	}

	/** Outbox mode: polls publication-status until 'published' or 'failed' (returned, not thrown). */
	async waitPublished(id: string, timeoutMs = 60_000): Promise<PublicationStatus> {
		const deadline = Date.now() + timeoutMs;
		let last: HttpResult<{ data?: PublicationStatus }> | undefined;
		while (Date.now() < deadline) {
			last = await this.publicationStatus(id);
			const status = last.body?.data?.status;
			if (status === 'published' || status === 'failed') return last.body!.data!;
			if (last.status === 404) throw new Error(`publication-status of ${id} is not available (sync activation mode?): ${last.text}`);
			await sleep(100);
		}
		throw new Error(`workflow ${id} not published after ${timeoutMs} ms: ${last?.text}`);
	}

	// ---------------------------------------------------------------------------------------------
	// executions
	// ---------------------------------------------------------------------------------------------

	/** All executions of a workflow via GET /api/v1/executions (follows nextCursor), newest first. */
	async executions(workflowId: string, options: { includeData?: boolean; status?: string } = {}): Promise<Execution[]> {
		const all: Execution[] = [];
		let cursor: string | undefined;
		do {
			const page = await this.api.ok<{ data: Execution[]; nextCursor: string | null }>('GET', '/executions', {
				query: { workflowId, includeData: options.includeData ?? false, status: options.status, limit: 250, cursor },
			});
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	}

	async execution(id: string | number, includeData = true): Promise<Execution> {
		return await this.api.ok<Execution>('GET', `/executions/${id}`, { query: { includeData } });
	}

	/**
	 * Waits until the workflow has at least `count` finished executions (status not new/running/waiting)
	 * and returns them (newest first). Throws with the log tail on timeout.
	 */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 30_000, options: { includeData?: boolean } = {}): Promise<Execution[]> {
		const deadline = Date.now() + timeoutMs;
		let found: Execution[] = [];
		for (;;) {
			found = (await this.executions(workflowId, options)).filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			if (found.length >= count) return found;
			if (Date.now() > deadline) {
				throw new Error(`workflow ${workflowId}: ${found.length}/${count} finished executions after ${timeoutMs} ms; log tail:\n${this.logTail()}`);
			}
			await sleep(150);
		}
	}

	// ---------------------------------------------------------------------------------------------
	// node types, webhooks
	// ---------------------------------------------------------------------------------------------

	/** GET /types/nodes.json (needs the cookie): every loaded node type description. */
	async nodeTypes(): Promise<Array<{ name: string; version: number | number[]; displayName: string; [key: string]: unknown }>> {
		const result = await this.rest.get<Array<{ name: string; version: number | number[]; displayName: string }>>('/types/nodes.json');
		if (!result.ok || !Array.isArray(result.body)) throw new HttpError('GET', `${this.baseUrl}/types/nodes.json`, result);
		return result.body;
	}

	/** GET /types/credentials.json (needs the cookie). */
	async credentialTypes(): Promise<Array<{ name: string; displayName: string; [key: string]: unknown }>> {
		const result = await this.rest.get<Array<{ name: string; displayName: string }>>('/types/credentials.json');
		if (!result.ok || !Array.isArray(result.body)) throw new HttpError('GET', `${this.baseUrl}/types/credentials.json`, result);
		return result.body;
	}

	/**
	 * Production webhook URL. For a trigger with webhookId + description path: webhookUrl(webhookId, 'webhook')
	 * -> <base>/webhook/<webhookId>/webhook (what getNodeWebhookUrl('default') returns). For the built-in
	 * Webhook node (path parameter, no dynamic segments): webhookUrl('my-path') -> <base>/webhook/my-path.
	 */
	webhookUrl(webhookIdOrPath: string, path?: string): string {
		return `${this.baseUrl}/webhook/${path === undefined ? webhookIdOrPath : `${webhookIdOrPath}/${path}`}`;
	}

	/** Test webhook URL (/webhook-test/...), live only while "Listen for test event" is on. */
	testWebhookUrl(webhookIdOrPath: string, path?: string): string {
		return `${this.baseUrl}/webhook-test/${path === undefined ? webhookIdOrPath : `${webhookIdOrPath}/${path}`}`;
	}

	/** Sends a request to a webhook URL (JSON-serialises non-string bodies unless a content-type is given). */
	async sendWebhook(url: string, options: { method?: HttpMethod; body?: unknown; headers?: Record<string, string> } = {}): Promise<WebhookResponse> {
		const result = await httpRequest(options.method ?? 'POST', url, { body: options.body, headers: options.headers });
		return { status: result.status, headers: result.headers, text: result.text, body: result.body };
	}

	/**
	 * Whether n8n currently serves a webhook at this URL, without triggering it: an OPTIONS request
	 * with an Origin header makes n8n look the path up (CORS setup) and answer 404 when it is unknown.
	 */
	async isWebhookRegistered(url: string): Promise<boolean> {
		const result = await httpRequest('OPTIONS', url, { headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' } });
		return result.status >= 200 && result.status < 300;
	}

	/**
	 * The editor's "Listen for test event" on a trigger node (2.41.1: runManually ->
	 * WorkflowExecutionService.executeManually -> TestWebhooks.needsWebhook): POST /rest/workflows/:id/run
	 * { triggerToStartFrom: { name } } runs the SAVED workflow. n8n calls the trigger's checkExists/create
	 * with activation mode 'manual' and the TEST URL, and answers { data: { waitingForWebhook: true } }.
	 * The first request to /webhook-test/... runs a 'manual' execution, then n8n calls delete() and
	 * removes the test webhook. Unused registrations expire after 2 min (TEST_WEBHOOK_TIMEOUT), or call
	 * stopListening().
	 */
	async listenForTestEvent(
		workflowId: string,
		triggerNodeName: string,
		options: { destinationNode?: { nodeName: string; mode: 'inclusive' | 'exclusive' } } = {},
	): Promise<{ status: number; waitingForWebhook: boolean; body: unknown; message?: string }> {
		const result = await this.rest.post<{ data?: { waitingForWebhook?: boolean } }>(`/rest/workflows/${workflowId}/run`, {
			triggerToStartFrom: { name: triggerNodeName },
			...(options.destinationNode ? { destinationNode: options.destinationNode } : {}),
		});
		return {
			status: result.status,
			waitingForWebhook: result.body?.data?.waitingForWebhook === true,
			body: result.body,
			message: result.ok ? undefined : messageOf(result.body),
		};
	}

	/** The editor's "Stop listening": DELETE /rest/test-webhook/:workflowId (delete() runs in the background). */
	async stopListening(workflowId: string): Promise<HttpResult> {
		return await this.rest.delete(`/rest/test-webhook/${workflowId}`);
	}

	/** Waits until isWebhookRegistered(url) becomes `registered`. */
	async waitWebhookRegistered(url: string, registered: boolean, timeoutMs = 10_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while ((await this.isWebhookRegistered(url)) !== registered) {
			if (Date.now() > deadline) throw new Error(`webhook ${url} still ${registered ? 'not registered' : 'registered'} after ${timeoutMs} ms`);
			await sleep(100);
		}
	}
}

export { HttpError, type HttpResult } from './http';
