/**
 * What users install: `npm pack` of the built package. It must hold the compiled nodes and
 * credential, both icons and the codex files, register every node in package.json, and ship no
 * tests, sources or runtime dependencies.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './harness/install';

interface PackResult {
	size: number;
	entryCount: number;
	files: Array<{ path: string }>;
}

const pack = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' }),
)[0] as PackResult;
const files = pack.files.map((file) => file.path);
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

describe('npm pack', () => {
	test('holds the nodes, the credential, both icons and the codex files', () => {
		expect(files).toEqual(
			expect.arrayContaining([
				'dist/credentials/ArgyleApi.credentials.js',
				'dist/nodes/ArgyleTrigger/ArgyleTrigger.node.js',
				'dist/nodes/ArgyleTrigger/ArgyleTrigger.node.json',
				'dist/nodes/Argyle/Argyle.node.js',
				'dist/nodes/Argyle/Argyle.node.json',
				'dist/icons/argyle.svg',
				'dist/icons/argyle.dark.svg',
				'package.json',
				'README.md',
				'LICENSE.md',
			]),
		);
		process.stdout.write(`[package] npm pack: ${pack.entryCount} files, ${pack.size} bytes\n`);
	});

	test('ships no tests, TypeScript sources, examples or scripts', () => {
		const unwanted = files.filter(
			(file) =>
				/(^|\/)test\//.test(file) ||
				/\.test\.(js|ts)$/.test(file) ||
				(file.endsWith('.ts') && !file.endsWith('.d.ts')) ||
				/^(scripts|bench|examples|test|\.cache|\.ci)\//.test(file),
		);
		expect(unwanted).toEqual([]);
	});

	test('registers every built node and credential, all of which exist', () => {
		const registered = [...manifest.n8n.credentials, ...manifest.n8n.nodes] as string[];
		expect(manifest.n8n.nodes).toEqual(
			expect.arrayContaining(['dist/nodes/ArgyleTrigger/ArgyleTrigger.node.js', 'dist/nodes/Argyle/Argyle.node.js']),
		);
		for (const file of registered) {
			expect(files).toContain(file);
			expect(existsSync(path.join(REPO_ROOT, file))).toBe(true);
		}
		// Icons referenced by the built descriptions resolve to shipped files.
		let references = 0;
		for (const file of registered) {
			const icon = readFileSync(path.join(REPO_ROOT, file), 'utf8').match(/file:([^'"]+\.svg)/g) ?? [];
			for (const reference of icon) {
				const target = path.join(path.dirname(file), reference.slice('file:'.length));
				expect(files).toContain(target);
				references += 1;
			}
		}
		expect(references).toBe(registered.length * 2);
	});

	test('has no runtime dependencies, only the n8n-workflow peer', () => {
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.files).toEqual(['dist']);
		expect(manifest.license).toBe('MIT');
	});
});
