/**
 * Redis and PostgreSQL from Debian's packages (scripts/install-queue-deps.sh), run by the test itself:
 * loopback only, random free ports, everything in a fresh temporary folder, stopped by pid afterwards.
 *
 *   const redis = await RedisServer.start();      // redis.port
 *   const pg = await PostgresServer.start();      // pg.port, pg.database, pg.user, pg.password
 *   ...
 *   await pg.stop(); await redis.stop();          // stop by pid, remove the temporary folders
 *
 * PostgreSQL refuses to run as root: when the test runs as root, initdb/postgres/psql run as the
 * `postgres` system user (spawn's uid/gid, the same as `runuser -u postgres --`), in a temporary
 * folder owned by that user. Each server runs in its own process group; a process exit hook kills
 * what is still running if the test process ends without stop().
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { freePort } from '../e2e/harness/ports';

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

const runningServers = new Set<ManagedProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', killAllServersSync);
}

/** SIGKILLs every server still running (process exit hook, signal handlers) and removes its folder. */
export function killAllServersSync(): void {
	for (const server of [...runningServers]) {
		server.killSync();
		runningServers.delete(server);
		if (process.env.ARGYLE_E2E_KEEP !== '1') fs.rmSync(server.dir, { recursive: true, force: true });
	}
}

/** The first existing file of `candidates`, or undefined. */
function firstExisting(candidates: string[]): string | undefined {
	return candidates.find((candidate) => fs.existsSync(candidate));
}

/** redis-server on PATH or in /usr/bin, /usr/sbin (Debian's redis-server package). */
export function findRedisServer(): string | undefined {
	const fromPath = (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'redis-server'));
	return firstExisting([...fromPath, '/usr/bin/redis-server', '/usr/sbin/redis-server']);
}

/** The bin folder of the newest PostgreSQL under /usr/lib/postgresql/<major>/bin (Debian's layout). */
export function findPostgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs
		.readdirSync(root)
		.filter((entry) => /^\d+$/.test(entry) && fs.existsSync(path.join(root, entry, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(root, majors[0], 'bin') : undefined;
}

/** uid/gid of the `postgres` system user when we are root (PostgreSQL refuses root), else undefined. */
function postgresIdentity(): { uid: number; gid: number } | undefined {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
	try {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		if (Number.isInteger(uid) && Number.isInteger(gid)) return { uid, gid };
	} catch {
		// no such user
	}
	throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as: run `bash scripts/install-queue-deps.sh`');
}

function chownRecursive(target: string, uid: number, gid: number): void {
	fs.chownSync(target, uid, gid);
	if (fs.statSync(target).isDirectory()) {
		for (const entry of fs.readdirSync(target)) chownRecursive(path.join(target, entry), uid, gid);
	}
}

/** A long-running server process in its own process group, with its output in a log file. */
abstract class ManagedProcess {
	readonly dir: string;
	port = 0;
	protected child: ChildProcess | undefined;
	protected exitPromise: Promise<void> = Promise.resolve();
	protected output = '';

	protected constructor(prefix: string) {
		this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	}

	get pid(): number | undefined {
		return this.child && this.child.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
	}

	get logFile(): string {
		return path.join(this.dir, 'server.log');
	}

	/** What the server printed (kept in memory up to 1 MB, everything in logFile). */
	logs(): string {
		return this.output;
	}

	protected spawnServer(command: string, args: string[], options: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv; cwd?: string }): ChildProcess {
		const child = spawn(command, args, {
			cwd: options.cwd ?? this.dir,
			env: options.env ?? { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
			...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
		});
		this.child = child;
		runningServers.add(this);
		installExitHook();
		const append = (chunk: Buffer) => {
			fs.appendFileSync(this.logFile, chunk);
			if (this.output.length < 1_000_000) this.output += chunk.toString('utf8');
		};
		child.stdout?.on('data', append);
		child.stderr?.on('data', append);
		this.exitPromise = new Promise<void>((resolve) => {
			child.on('exit', () => {
				runningServers.delete(this);
				resolve();
			});
		});
		child.on('error', (error) => {
			this.output += `spawn error: ${error.message}\n`;
		});
		return child;
	}

	/** Graceful stop signal to the server (by pid), SIGKILL of its process group after `timeoutMs`. */
	protected async stopProcess(signal: NodeJS.Signals, timeoutMs: number, pid = this.child?.pid): Promise<void> {
		const child = this.child;
		if (!child || child.pid === undefined) return;
		if (this.pid !== undefined && pid !== undefined) {
			try {
				process.kill(pid, signal);
			} catch {
				// already gone
			}
			let timer: NodeJS.Timeout | undefined;
			const stopped = await Promise.race([
				this.exitPromise.then(() => true),
				new Promise<boolean>((resolve) => {
					timer = setTimeout(() => resolve(false), timeoutMs);
				}),
			]);
			clearTimeout(timer);
			if (!stopped) this.killGroup();
		}
		await this.exitPromise;
		this.killGroup(); // leftovers of the group, if any
		this.child = undefined;
	}

	protected killGroup(): void {
		if (this.child?.pid === undefined) return;
		try {
			process.kill(-this.child.pid, 'SIGKILL');
		} catch {
			// group already gone
		}
	}

	/** Synchronous last resort (process exit hook). */
	killSync(): void {
		this.killGroup();
	}

	/** Removes the temporary folder (keep it with ARGYLE_E2E_KEEP=1). */
	protected removeDir(): void {
		if (process.env.ARGYLE_E2E_KEEP === '1') {
			process.stderr.write(`[queue] kept ${this.dir}\n`);
			return;
		}
		fs.rmSync(this.dir, { recursive: true, force: true });
	}

	protected tail(lines = 30): string {
		return this.output.split('\n').slice(-lines).join('\n');
	}
}

/** Sends one inline command to a Redis server and returns the first reply line. */
export function redisCommand(port: number, command: string, timeoutMs = 2_000): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let reply = '';
		const timer = setTimeout(() => {
			socket.destroy();
			reject(new Error(`redis ${command}: no reply within ${timeoutMs} ms`));
		}, timeoutMs);
		socket.setEncoding('utf8');
		socket.on('connect', () => socket.write(`${command}\r\n`));
		socket.on('data', (chunk: string) => {
			reply += chunk;
			if (reply.includes('\r\n')) {
				clearTimeout(timer);
				socket.end();
				resolve(reply.split('\r\n')[0]);
			}
		});
		socket.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
	});
}

export class RedisServer extends ManagedProcess {
	private constructor() {
		super('argyle-redis-');
	}

	static async start(options: { timeoutMs?: number } = {}): Promise<RedisServer> {
		const binary = findRedisServer();
		if (!binary) throw new Error('redis-server not found: run `bash scripts/install-queue-deps.sh`');
		const server = new RedisServer();
		server.port = await freePort();
		// no persistence, loopback only, in the temporary folder
		server.spawnServer(binary, [
			'--port', String(server.port),
			'--bind', '127.0.0.1',
			'--protected-mode', 'yes',
			'--dir', server.dir,
			'--save', '',
			'--appendonly', 'no',
			'--daemonize', 'no',
			'--logfile', '',
		], {});
		const deadline = Date.now() + (options.timeoutMs ?? 20_000);
		for (;;) {
			if (server.pid === undefined) throw new Error(`redis-server exited during startup:\n${server.tail()}`);
			try {
				if ((await redisCommand(server.port, 'PING', 1_000)) === '+PONG') break;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) {
				await server.stop();
				throw new Error(`redis-server not ready on port ${server.port}:\n${server.tail()}`);
			}
			await sleep(50);
		}
		return server;
	}

	async stop(): Promise<void> {
		await this.stopProcess('SIGTERM', 10_000);
		this.removeDir();
	}
}

export class PostgresServer extends ManagedProcess {
	readonly database = 'n8n';
	readonly user = 'n8n';
	readonly password = randomBytes(12).toString('hex');
	private bin = '';
	private identity: { uid: number; gid: number } | undefined;

	private constructor() {
		super('argyle-pg-');
	}

	get dataDir(): string {
		return path.join(this.dir, 'data');
	}

	/** initdb in a temporary folder, start postgres on 127.0.0.1:<free port>, create role and database. */
	static async start(options: { timeoutMs?: number } = {}): Promise<PostgresServer> {
		const bin = findPostgresBin();
		if (!bin) throw new Error('PostgreSQL not found under /usr/lib/postgresql/*/bin: run `bash scripts/install-queue-deps.sh`');
		const server = new PostgresServer();
		server.bin = bin;
		try {
			server.identity = postgresIdentity();
			// the whole temporary folder belongs to the user postgres runs as (it needs to traverse it)
			if (server.identity) chownRecursive(server.dir, server.identity.uid, server.identity.gid);
			server.runTool('initdb', ['-D', server.dataDir, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
			server.port = await freePort();
			// test-only durability settings: the cluster is thrown away afterwards
			server.spawnServer(path.join(bin, 'postgres'), [
				'-D', server.dataDir,
				'-p', String(server.port),
				'-k', server.dir,
				'-c', 'listen_addresses=127.0.0.1',
				'-c', 'fsync=off',
				'-c', 'synchronous_commit=off',
				'-c', 'full_page_writes=off',
				'-c', 'max_connections=100',
			], { uid: server.identity?.uid, gid: server.identity?.gid, env: server.toolEnv() });
			const deadline = Date.now() + (options.timeoutMs ?? 30_000);
			for (;;) {
				if (server.pid === undefined) throw new Error(`postgres exited during startup:\n${server.tail()}`);
				try {
					server.runTool('pg_isready', ['-h', server.dir, '-p', String(server.port), '-q']);
					break;
				} catch {
					// not accepting connections yet
				}
				if (Date.now() > deadline) throw new Error(`postgres not ready on port ${server.port}:\n${server.tail()}`);
				await sleep(100);
			}
			server.psql(`CREATE ROLE ${server.user} LOGIN PASSWORD '${server.password}'`);
			server.psql(`CREATE DATABASE ${server.database} OWNER ${server.user}`);
			// the role n8n will use can log in over TCP with its password (scram-sha-256)
			const check = server.runTool('psql', ['-h', '127.0.0.1', '-p', String(server.port), '-U', server.user, '-d', server.database, '-tAc', 'SELECT current_user'], { PGPASSWORD: server.password });
			if (check.trim() !== server.user) throw new Error(`unexpected answer of psql as ${server.user}: ${check}`);
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	/** Runs a SQL statement as the superuser over the unix socket in the temporary folder; returns stdout. */
	psql(sql: string, database = 'postgres'): string {
		return this.runTool('psql', ['-h', this.dir, '-p', String(this.port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-tAc', sql]);
	}

	/** Fast shutdown (SIGINT to the postmaster, by its pid), SIGKILL of the group after 15 s; removes the folder. */
	async stop(): Promise<void> {
		await this.stopProcess('SIGINT', 15_000, this.postmasterPid() ?? this.child?.pid);
		this.removeDir();
	}

	/** Immediate shutdown (SIGQUIT) of the postmaster, then SIGKILL of the group: the exit hook. */
	killSync(): void {
		const pid = this.postmasterPid();
		if (pid !== undefined) {
			try {
				process.kill(pid, 'SIGQUIT');
			} catch {
				// gone
			}
		}
		super.killSync();
	}

	private postmasterPid(): number | undefined {
		try {
			const pid = Number(fs.readFileSync(path.join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
			return Number.isInteger(pid) && pid > 0 ? pid : undefined;
		} catch {
			return undefined;
		}
	}

	private toolEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
		return { PATH: `${this.bin}${path.delimiter}${process.env.PATH ?? '/usr/bin:/bin'}`, LANG: 'C.UTF-8', LC_ALL: 'C', PGCONNECT_TIMEOUT: '5', ...extra };
	}

	private runTool(tool: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): string {
		try {
			return execFileSync(path.join(this.bin, tool), args, {
				cwd: this.dir,
				env: this.toolEnv(extraEnv),
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
				timeout: 60_000,
				...(this.identity ? { uid: this.identity.uid, gid: this.identity.gid } : {}),
			});
		} catch (error) {
			const e = error as { stderr?: string; stdout?: string; message: string };
			throw new Error(`${tool} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
		}
	}
}
