/**
 * One n8n, one simulator and one signed-in browser for the whole browser suite, and `step()`: a jest
 * test that saves a screenshot when it ends and, when it fails, the screenshot, the browser's console
 * log and n8n's log tail (see Artifacts). The steps of a file run in order and share the editor.
 *
 * Our package is not linked from the repo here: it is packed and installed into the n8n user folder
 * the way n8n's community-package installer does it (test/e2e/harness/packed-package.ts).
 */
import * as path from 'node:path';

import type { Page } from 'playwright-core';

import { installPaths } from '../../e2e/harness/install';
import { N8nInstance } from '../../e2e/harness/n8n';
import { installPackedPackage, packPackage, resolveN8nWorkflow, type InstalledPackage } from '../../e2e/harness/packed-package';
import { ArgyleSimulator } from '../../../simulator';
import { Artifacts } from './artifacts';
import { launchEditorBrowser, type EditorBrowser } from './browser';
import { signIn } from './login';

export interface EditorSuite {
	readonly n8n: N8nInstance;
	readonly sim: ArgyleSimulator;
	readonly browser: EditorBrowser;
	readonly page: Page;
	readonly artifacts: Artifacts;
	readonly installed: InstalledPackage;
	/** where require('n8n-workflow') in the installed package resolves inside n8n */
	readonly n8nWorkflow: { path: string; version: string };
	/** a test whose end state is saved as a screenshot; on failure everything that explains it is kept */
	step(name: string, body: () => Promise<void>, timeoutMs?: number): void;
}

function required<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`${what} is not set up (beforeAll failed?)`);
	return value;
}

export function useEditorSuite(): EditorSuite {
	// sync activation: Publish answers with the trigger's error at once instead of ~16 s later
	const n8n = new N8nInstance({ activation: 'sync', packageDir: null });
	const artifacts = new Artifacts();
	let sim: ArgyleSimulator | undefined;
	let browser: EditorBrowser | undefined;
	let installed: InstalledPackage | undefined;
	let n8nWorkflow: EditorSuite['n8nWorkflow'] | undefined;

	beforeAll(async () => {
		const packed = await packPackage(path.join(n8n.userFolder, 'packed'));
		installed = await installPackedPackage(n8n.userFolder, packed);
		n8nWorkflow = await resolveN8nWorkflow(installed, installPaths().n8nPackageDir);
		sim = await ArgyleSimulator.start();
		await n8n.start();
		browser = await launchEditorBrowser();
		await signIn(browser.page, n8n.baseUrl, path.join(artifacts.dir, 'storage-state.json'));
		process.stderr.write(`[browser] n8n ${n8n.version} at ${n8n.baseUrl}, simulator at ${sim.baseUrl}, artifacts in ${artifacts.dir}\n`);
	});

	afterAll(async () => {
		await browser?.close();
		await n8n.dispose();
		await sim?.stop();
		if (browser && browser.blocked.length > 0) {
			process.stderr.write(`[browser] blocked ${browser.blocked.length} requests off loopback, e.g. ${[...new Set(browser.blocked)].slice(0, 3).join(', ')}\n`);
		}
	});

	const suite: EditorSuite = {
		n8n,
		artifacts,
		get sim() {
			return required(sim, 'the simulator');
		},
		get browser() {
			return required(browser, 'the browser');
		},
		get page() {
			return required(browser, 'the browser').page;
		},
		get installed() {
			return required(installed, 'the installed package');
		},
		get n8nWorkflow() {
			return required(n8nWorkflow, 'the n8n-workflow resolution');
		},
		step(name, body, timeoutMs) {
			test(
				name,
				async () => {
					try {
						await body();
						await artifacts.shot(suite.page, name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 50));
					} catch (error) {
						await artifacts.keepFailure(name, browser?.page, browser?.consoleLines ?? [], n8n.logTail(120));
						throw error;
					}
				},
				timeoutMs,
			);
		},
	};
	return suite;
}
