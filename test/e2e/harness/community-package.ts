/**
 * How the harness puts packages into n8n's community-package folder (<userFolder>/.n8n/nodes).
 *
 * The package under test is installed the way n8n's own installer does it
 * (CommunityPackagesService: `npm pack`, then devDependencies, peerDependencies and
 * optionalDependencies dropped from package.json, then `npm install` of what is left, here
 * nothing): a real folder with package.json and the packed files, no node_modules. Its
 * `require('n8n-workflow')` therefore finds no copy next to it and falls back to NODE_PATH, where
 * n8n puts its own modules: the package runs with the n8n-workflow of the n8n under test
 * (2.41.0 in n8n 2.41.1, 1.120.31 in n8n 1.123.81), never with the repo's devDependency. A symlink
 * to the repo would not do: Node resolves modules from the real path, i.e. <repo>/node_modules.
 *
 * Other packages (probe packages of the benchmark) are linked as they are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface PackageJson {
	name: string;
	main?: string;
	files?: string[];
	devDependencies?: unknown;
	peerDependencies?: unknown;
	optionalDependencies?: unknown;
	[key: string]: unknown;
}

function readPackageJson(dir: string): PackageJson {
	return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
}

/**
 * The package.json n8n's installer leaves in the package folder: devDependencies, peerDependencies and
 * optionalDependencies dropped (the one place both install paths of the harness take it from).
 */
export function manifestAsInstalled(packageDir: string): PackageJson {
	const { devDependencies: _dev, peerDependencies: _peer, optionalDependencies: _optional, ...manifest } = readPackageJson(packageDir);
	return manifest as PackageJson;
}

export function packageFolder(nodeModules: string, name: string): string {
	const folder = path.join(nodeModules, ...name.split('/'));
	fs.mkdirSync(path.dirname(folder), { recursive: true });
	fs.rmSync(folder, { recursive: true, force: true });
	return folder;
}

/** Copies what `npm pack` would ship (package.json, `files`, `main`, README/LICENSE) into nodeModules/<name>. */
export function installAsN8nDoes(packageDir: string, nodeModules: string): string {
	const manifest = manifestAsInstalled(packageDir);
	const folder = packageFolder(nodeModules, manifest.name);
	fs.mkdirSync(folder);
	fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
	const entries = new Set([...(manifest.files ?? []), ...(manifest.main ? [manifest.main] : []), 'README.md', 'LICENSE.md']);
	for (const entry of entries) {
		const source = path.join(packageDir, entry);
		if (fs.existsSync(source)) fs.cpSync(source, path.join(folder, entry), { recursive: true });
	}
	return folder;
}

/** Links a package folder into nodeModules/<name> (it keeps resolving its modules from its own folder). */
export function linkPackage(packageDir: string, nodeModules: string): string {
	const folder = packageFolder(nodeModules, readPackageJson(packageDir).name);
	fs.symlinkSync(path.resolve(packageDir), folder, 'dir');
	return folder;
}
