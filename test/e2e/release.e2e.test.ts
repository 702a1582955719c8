/**
 * A release n8n can verify (issue 14): the GitHub Actions workflow publishes a version tag with npm
 * provenance after the README's test command, and prepublishOnly refuses a package whose lint or
 * build fails. The workflow cannot run here; what it would do is checked as far as it can be.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';

import { REPO_ROOT } from './harness/install';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Workflow {
	on: { push: { tags: string[] } };
	permissions: Record<string, string>;
	jobs: Record<string, { steps: Step[]; 'timeout-minutes'?: number }>;
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const workflow = load(readFileSync(path.join(REPO_ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = steps.map((step) => step.run ?? '');
const indexOf = (pattern: RegExp) => runs.findIndex((run) => pattern.test(run));

/** A copy of the repository's tracked files, sharing node_modules. */
function copyOfTheRepository(): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'argyle-release-'));
	const files = execFileSync('git', ['ls-files'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
	for (const file of files) cpSync(path.join(REPO_ROOT, file), path.join(dir, file), { recursive: true });
	symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	return dir;
}

/** npm as a maintainer runs it: without jest's NODE_ENV=test, which switches n8n's lint rules into their own test mode. */
function dryPublish(cwd: string) {
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('JEST_')));
	return spawnSync('npm', ['publish', '--dry-run', '--ignore-scripts=false'], { cwd, encoding: 'utf8', env: { ...env, npm_config_loglevel: 'warn' } });
}

describe('release workflow', () => {
	it('runs on version tags with the id-token permission npm provenance needs', () => {
		expect(workflow.on.push.tags).toEqual(['v*.*.*']);
		expect(workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		expect(Object.values(workflow.jobs).every((job) => (job['timeout-minutes'] ?? 360) <= 90)).toBe(true);
	});

	it('checks the tag against the version, installs, runs the README test command, then publishes with provenance', () => {
		const tag = indexOf(/GITHUB_REF_NAME.*package\.json.*version/);
		const install = indexOf(/^npm ci$/);
		const test = indexOf(/^npm test$/);
		const publish = indexOf(/^npm publish /);
		expect([tag, install, test, publish].every((index) => index >= 0)).toBe(true);
		expect(tag < install && install < test && test < publish).toBe(true);
		expect(runs[publish]).toMatch(/--provenance/);
		expect(runs[publish]).toMatch(/--access public/);
		// the project's .npmrc sets ignore-scripts: without this prepublishOnly would not run
		expect(runs[publish]).toMatch(/--ignore-scripts=false/);
		expect(steps[publish].env?.NODE_AUTH_TOKEN).toMatch(/secrets\./);
		expect(steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with?.['registry-url']).toBe('https://registry.npmjs.org');
		expect(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')).toContain('npm test');
	});
});

describe('prepublishOnly', () => {
	it('runs lint and build before a publish', () => {
		expect(manifest.scripts.prepublishOnly).toBe('npm run lint && npm run build && npm run lint:dist');
	});

	it('refuses to publish a package whose lint fails, and lets a clean one through', () => {
		const copy = copyOfTheRepository();
		try {
			const clean = dryPublish(copy);
			expect([clean.status, clean.stderr.slice(-2000)]).toEqual([0, expect.any(String)]);
			expect(clean.stdout + clean.stderr).toMatch(/n8n-nodes-argyle@/);
			const file = path.join(copy, 'nodes', 'ArgyleTrigger', 'delivery.ts');
			writeFileSync(file, `${readFileSync(file, 'utf8')}\nconsole.log('leftover debugging');\n`);
			const broken = dryPublish(copy);
			expect(broken.status).not.toBe(0);
			expect(broken.stdout + broken.stderr).toMatch(/no-console/);
		} finally {
			rmSync(copy, { recursive: true, force: true });
		}
	});
});
