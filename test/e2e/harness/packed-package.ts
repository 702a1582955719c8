/**
 * Our package installed the way n8n 2.41.1's community-package installer installs it, instead of the
 * symlink to the repo that the other suites use (N8nInstance's default). A symlinked repo hides what a
 * user's install lacks: files left out of `files`, devDependencies the built code needs by accident,
 * and an n8n-workflow resolved from our own node_modules instead of from n8n.
 *
 * What n8n does (n8n/dist/modules/community-packages/community-packages.service.js, downloadPackage):
 *   1. `npm pack <name>@<version>` in <userFolder>/.n8n/nodes, then
 *      `tar -xzf <tarball> -C nodes/node_modules/<name> --strip-components=1`;
 *   2. drops devDependencies, peerDependencies and optionalDependencies from the package's package.json;
 *   3. `npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow
 *      --ignore-scripts=true --package-lock=false` in the package folder (production dependencies only);
 *   4. records `dependencies[<name>] = <version>` in nodes/package.json.
 * We do the same with a tarball packed from the built repo (`npm pack` of what would be published).
 *
 * n8n-workflow is then not in the package's tree at all: n8n's LoadNodesAndCredentials.init() puts its
 * own module.paths into NODE_PATH, so `require('n8n-workflow')` in our nodes finds n8n's copy.
 * resolveN8nWorkflow() checks exactly that.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { manifestAsInstalled, packageFolder } from './community-package';
import { REPO_ROOT } from './install';

const run = promisify(execFile);

export interface PackedPackage {
	name: string;
	version: string;
	/** absolute path of the .tgz */
	tarball: string;
	/** the paths inside the tarball (without the leading package/) */
	files: string[];
}

export interface InstalledPackage extends PackedPackage {
	/** <userFolder>/.n8n/nodes/node_modules/<name> */
	dir: string;
}

/** The caller's environment without npm_* variables (under `npm test` npm exports its own config). */
function cleanNpmEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
	return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

/** `npm pack` of the built package (dist/ must exist) into `destination`. */
export async function packPackage(destination: string, packageDir = REPO_ROOT): Promise<PackedPackage> {
	if (!fs.existsSync(path.join(packageDir, 'dist'))) throw new Error(`${packageDir}/dist is missing: run npm run build first`);
	fs.mkdirSync(destination, { recursive: true });
	const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination], { cwd: packageDir, env: cleanNpmEnv() });
	const [packed] = JSON.parse(stdout) as Array<{ name: string; version: string; filename: string; files: Array<{ path: string }> }>;
	return {
		name: packed.name,
		version: packed.version,
		tarball: path.join(destination, packed.filename),
		files: packed.files.map((file) => file.path),
	};
}

/** Steps 1-4 above, into <userFolder>/.n8n/nodes. Start n8n with `packageDir: null` so nothing is linked over it. */
export async function installPackedPackage(userFolder: string, packed: PackedPackage): Promise<InstalledPackage> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const dir = packageFolder(path.join(nodesDir, 'node_modules'), packed.name);
	fs.mkdirSync(dir);
	await run('tar', ['-xzf', packed.tarball, '-C', dir, '--strip-components=1']);
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifestAsInstalled(dir), null, 2), 'utf8');
	await run(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: dir, env: cleanNpmEnv() },
	);

	const ledgerPath = path.join(nodesDir, 'package.json');
	const ledger = fs.existsSync(ledgerPath)
		? (JSON.parse(fs.readFileSync(ledgerPath, 'utf8')) as { dependencies?: Record<string, string> })
		: { name: 'installed-nodes', private: true, dependencies: {} };
	ledger.dependencies = { ...ledger.dependencies, [packed.name]: packed.version };
	fs.writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2), 'utf8');
	return { ...packed, dir };
}

/**
 * Where `require('n8n-workflow')` from our installed node files lands inside n8n: not in the package's
 * own tree (that would mean a user's install carries a second n8n-workflow), but through the NODE_PATH
 * n8n sets from the module.paths of n8n/dist/load-nodes-and-credentials.js. Asked of a plain Node
 * process without NODE_PATH, so neither jest's resolver nor our repo's node_modules take part.
 */
export async function resolveN8nWorkflow(installed: InstalledPackage, n8nPackageDir: string): Promise<{ path: string; version: string }> {
	const script = `
		const Module = require('node:module');
		const [nodeDir, loaderDir] = process.argv.slice(1);
		let own = null;
		try { own = require.resolve('n8n-workflow', { paths: [nodeDir] }); } catch {}
		const viaN8n = require.resolve('n8n-workflow/package.json', { paths: Module._nodeModulePaths(loaderDir) });
		console.log(JSON.stringify({ own, viaN8n, version: require(viaN8n).version }));`;
	const { NODE_PATH: _ignored, ...env } = process.env;
	const nodeDir = path.join(installed.dir, 'dist', 'nodes', 'Argyle');
	const { stdout } = await run(process.execPath, ['-e', script, nodeDir, path.join(n8nPackageDir, 'dist')], { env, cwd: installed.dir });
	const found = JSON.parse(stdout) as { own: string | null; viaN8n: string; version: string };
	if (found.own) throw new Error(`n8n-workflow resolves from the installed package's own tree (${found.own}), not from n8n`);
	return { path: path.dirname(found.viaN8n), version: found.version };
}
