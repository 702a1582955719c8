/**
 * The process side of a harness n8n: user folder, ports, spawn with the hermetic environment
 * (n8n-env.ts), readiness, logs, stop/kill/restart. n8n.ts builds the REST side on top of it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { installAsN8nDoes, linkPackage } from './community-package';
import { httpRequest } from './http';
import { ensureN8nInstalled, REPO_ROOT, type N8nInstall } from './install';
import { n8nEnvironment } from './n8n-env';
import { lineProfile, type N8nLineProfile } from './n8n-line';
import type { ActivationMode, N8nCommand, N8nOptions } from './n8n-types';
import { freePorts } from './ports';

const LOG_FILE = 'n8n.log';
/** how much of n8n's output is kept in memory (the log file keeps everything) */
const MAX_LOG_CHARS = 32 * 1024 * 1024;

const running = new Set<N8nProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	// Never leave an n8n behind when the test process ends without stop() (e.g. a failed beforeAll).
	process.on('exit', () => {
		for (const instance of running) instance.killSync();
	});
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export class N8nProcess {
	readonly options: Readonly<N8nOptions>;
	/** the n8n line this instance runs (N8nOptions.line, else ARGYLE_E2E_N8N, else 2.x) and what differs on it */
	readonly line: N8nLineProfile;
	/** e.g. http://127.0.0.1:41234 (no trailing slash) */
	baseUrl = '';
	port = 0;
	brokerPort = 0;
	/** N8N_USER_FOLDER; n8n keeps its DB, config and nodes/ in <userFolder>/.n8n */
	readonly userFolder: string;
	/** the n8n version reported by the running server (GET /rest/settings -> versionCli) */
	version = '';
	install: N8nInstall | undefined;

	private activation: ActivationMode;
	private extraEnv: Record<string, string | undefined>;
	private readonly createdUserFolder: boolean;
	private child: ChildProcess | undefined;
	private exitPromise: Promise<void> | undefined;
	private logText = '';
	private logDropped = 0;
	private logStream: fs.WriteStream | undefined;

	constructor(options: N8nOptions = {}) {
		this.options = { ...options };
		this.line = lineProfile(options.line ?? options.install?.line);
		this.activation = options.activation ?? 'sync';
		this.line.checkActivation(this.activation);
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

	get command(): N8nCommand {
		return this.options.command ?? 'start';
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

	/** Boots n8n, waits for /healthz/readiness, then runs whenReady() (the REST side: owner, login, API key). */
	async start(): Promise<void> {
		if (this.running) throw new Error(`n8n is already running (pid ${this.pid})`);
		const install = (this.install ??= this.options.install ?? (await ensureN8nInstalled(this.line.name)));
		if (install.line !== this.line.name) throw new Error(`install of n8n ${install.n8nVersion} is not of the ${this.line.name} line`);
		if (this.port === 0) {
			[this.port, this.brokerPort] = await freePorts(2);
			this.baseUrl = `http://127.0.0.1:${this.port}`;
		}
		this.linkPackages();

		const t0 = Date.now();
		this.logStream ??= fs.createWriteStream(this.logFile, { flags: 'a' });
		this.appendLog(`\n===== [harness] starting n8n ${install.n8nVersion} ${new Date().toISOString()} port ${this.port} broker ${this.brokerPort} activation ${this.activation}\n`);
		const child = this.spawnN8n(install);
		try {
			await this.waitReady(this.options.startTimeoutMs ?? 120_000);
			this.version = await this.whenReady();
		} catch (error) {
			await this.kill();
			throw error;
		}
		const command = this.command === 'start' ? '' : `${this.command} `;
		process.stderr.write(`[n8n-e2e] n8n ${this.version} ${command}ready at ${this.baseUrl} in ${Date.now() - t0} ms (pid ${child.pid}, Node ${install.nodeMajor}, ${this.activation}, ${this.userFolder})\n`);
	}

	/** Runs once readiness answered; returns the version the server reports. Overridden by N8nInstance. */
	protected async whenReady(): Promise<string> {
		return this.install!.n8nVersion;
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
		if (overrides.activation) {
			this.line.checkActivation(overrides.activation);
			this.activation = overrides.activation;
		}
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

	private spawnN8n(install: N8nInstall): ChildProcess {
		const env = n8nEnvironment({
			install,
			userFolder: this.userFolder,
			baseUrl: this.baseUrl,
			port: this.port,
			brokerPort: this.brokerPort,
			command: this.command,
			logLevel: this.options.logLevel,
			lineEnv: this.line.env(this.activation),
			extraEnv: this.extraEnv,
		});
		const child = spawn(install.nodeBin, [install.n8nBin, this.command], {
			cwd: this.userFolder,
			env,
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
		return child;
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

	/** The package under test as n8n's installer would put it, extra packages linked (community-package.ts). */
	private linkPackages(): void {
		const nodeModules = path.join(this.userFolder, '.n8n', 'nodes', 'node_modules');
		fs.mkdirSync(nodeModules, { recursive: true });
		if (this.options.packageDir !== null) installAsN8nDoes(this.options.packageDir ?? REPO_ROOT, nodeModules);
		for (const dir of this.options.extraPackages ?? []) linkPackage(dir, nodeModules);
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
}
