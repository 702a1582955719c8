/**
 * What the browser suite leaves behind: a screenshot per step in artifacts/browser/<run>/ (gitignored),
 * and for a failed step its screenshot, the browser's console log and n8n's log tail next to it, with
 * their paths printed so a red CI run says where to look. With ARGYLE_README_IMAGES=1 (`npm run
 * screenshots`) the shots the README shows are also written to images/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Locator, Page } from 'playwright-core';

import { REPO_ROOT } from '../../e2e/harness/install';

export const ARTIFACTS_ROOT = path.join(REPO_ROOT, 'artifacts', 'browser');
export const README_IMAGES = path.join(REPO_ROOT, 'images');
const TRANSIENT_UI_HIDDEN = '.el-notification, .el-popper { visibility: hidden !important; }';

export class Artifacts {
	readonly dir: string;
	private count = 0;

	constructor(runName = new Date().toISOString().replace(/[:.]/g, '-')) {
		this.dir = path.join(ARTIFACTS_ROOT, runName);
		fs.mkdirSync(this.dir, { recursive: true });
	}

	private next(name: string, extension: string): string {
		this.count += 1;
		return path.join(this.dir, `${String(this.count).padStart(2, '0')}-${name}.${extension}`);
	}

	/** A full-page screenshot of the step's end state. */
	async shot(page: Page, name: string): Promise<string> {
		const file = this.next(name, 'png');
		await page.screenshot({ path: file });
		return file;
	}

	/**
	 * A picture for the README (only under `npm run screenshots`): one element (its top `maxHeight`
	 * pixels) at CSS pixel scale, so the committed PNG stays small and shows only what the README
	 * talks about.
	 */
	async readmeImage(target: Locator, name: string, maxHeight?: number): Promise<void> {
		if (process.env.ARGYLE_README_IMAGES !== '1') return;
		fs.mkdirSync(README_IMAGES, { recursive: true });
		// toasts and tooltips come and go with the timing of a run; the picture shows the editor itself
		const options = { path: path.join(README_IMAGES, `${name}.png`), scale: 'css', animations: 'disabled', style: TRANSIENT_UI_HIDDEN } as const;
		const box = maxHeight === undefined ? null : await target.boundingBox();
		if (box) await target.page().screenshot({ ...options, clip: { ...box, height: Math.min(box.height, maxHeight ?? box.height) } });
		else await target.screenshot(options);
	}

	/** Keeps what explains a failed step and prints where it is. Never throws: the step's own error matters. */
	async keepFailure(step: string, page: Page | undefined, consoleLines: readonly string[], n8nLogTail: string): Promise<void> {
		const base = step.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60);
		const kept: string[] = [];
		try {
			if (page && !page.isClosed()) kept.push(await this.shot(page, `FAILED-${base}`));
		} catch (error) {
			kept.push(`(no screenshot: ${(error as Error).message})`);
		}
		const consoleFile = path.join(this.dir, `FAILED-${base}.console.log`);
		fs.writeFileSync(consoleFile, consoleLines.join('\n') + '\n');
		const n8nFile = path.join(this.dir, `FAILED-${base}.n8n.log`);
		fs.writeFileSync(n8nFile, n8nLogTail + '\n');
		kept.push(consoleFile, n8nFile);
		process.stderr.write(`\n[browser] step "${step}" failed; kept:\n${kept.map((file) => `  ${file}`).join('\n')}\n`);
	}
}
