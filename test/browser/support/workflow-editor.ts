/**
 * The workflow editor around the canvas: a new workflow, canvas nodes and their subtitles, saving,
 * importing a file through the workflow menu, publishing, and the Executions tab.
 */
import type { Locator, Page, Response } from 'playwright-core';

import { Ndv, waitForNdv } from './ndv';

/** The first canvas after sign-in took 6-22 s on two busy cores. */
const CANVAS_TIMEOUT_MS = 60_000;

export interface PublishResult {
	status: number;
	body: unknown;
}

export class WorkflowEditor {
	constructor(
		private readonly page: Page,
		private readonly baseUrl: string,
	) {}

	async openNew(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/new`);
		await this.page.getByTestId('canvas-plus-button').waitFor({ timeout: CANVAS_TIMEOUT_MS });
	}

	/** The saved workflow's id, from the URL the editor moved to after its first save. */
	async workflowId(): Promise<string> {
		await this.page.waitForURL(/\/workflow\/[A-Za-z0-9]+(\/|$|\?)/);
		return /\/workflow\/([A-Za-z0-9]+)/.exec(this.page.url())![1];
	}

	node(name: string): Locator {
		return this.page.getByTestId('canvas-node').filter({ has: this.page.getByText(name, { exact: true }) });
	}

	/** The lines a canvas node shows: its name, then its subtitle. */
	async nodeLines(name: string): Promise<string[]> {
		return (await this.node(name).innerText()).split('\n').map((line) => line.trim()).filter((line) => line !== '');
	}

	async openNode(name: string): Promise<Ndv> {
		await this.node(name).dblclick();
		await waitForNdv(this.page);
		return new Ndv(this.page);
	}

	private saveResponse(): Promise<Response> {
		return this.page.waitForResponse(
			(response) => /\/rest\/workflows(\/[A-Za-z0-9]+)?$/.test(new URL(response.url()).pathname) && ['POST', 'PATCH'].includes(response.request().method()),
		);
	}

	/**
	 * Ctrl+S, as a user saves. Publish publishes what is saved: a credential chosen in a node after the
	 * editor's last save would otherwise not be in the published version.
	 */
	async save(): Promise<void> {
		const saved = this.saveResponse();
		await this.page.getByTestId('canvas-wrapper').click({ position: { x: 20, y: 20 } });
		await this.page.keyboard.press('Control+s');
		const response = await saved;
		if (!response.ok()) throw new Error(`saving the workflow failed: HTTP ${response.status()} ${await response.text()}`);
	}

	/** Workflow menu > Import > From file, then the file chooser. Waits until `expectNode` is on the canvas. */
	async importFromFile(file: string, expectNode: string): Promise<void> {
		await this.page.getByTestId('workflow-menu').click();
		await this.page.getByTestId('workflow-menu-item-import').hover();
		const [chooser] = await Promise.all([
			this.page.waitForEvent('filechooser'),
			this.page.getByTestId('workflow-menu-item-import-from-file').click(),
		]);
		await chooser.setFiles(file);
		await this.node(expectNode).waitFor();
	}

	/**
	 * Publish > Publish. Returns n8n's answer to the activation; on success dismisses the "Workflow
	 * published" notice and waits for the header to say Published.
	 */
	async publish(): Promise<PublishResult> {
		await this.page.getByTestId('workflow-open-publish-modal-button').click();
		const modal = this.page.getByTestId('workflowPublish-modal');
		await modal.waitFor();
		const [response] = await Promise.all([
			this.page.waitForResponse((candidate) => candidate.url().endsWith('/activate') && candidate.request().method() === 'POST'),
			modal.getByTestId('workflow-publish-button').click(),
		]);
		const body: unknown = await response.json().catch(() => undefined);
		if (!response.ok()) return { status: response.status(), body };
		const notice = this.page.getByTestId('activation-modal');
		await notice.getByRole('button', { name: 'Got it' }).click();
		await notice.waitFor({ state: 'hidden' });
		await this.page.getByText('Published', { exact: true }).first().waitFor();
		return { status: response.status(), body };
	}

	/** The n8n notification (toast) that contains `text`. */
	toast(text: string | RegExp): Locator {
		return this.page.locator('.el-notification').filter({ hasText: text });
	}

	/** The Executions tab; waits until `count` executions are listed and returns their texts, newest first. */
	async executions(count: number): Promise<string[]> {
		await this.page.getByTestId('radio-button-executions').click();
		const items = this.page.getByTestId('current-executions-list').locator('[data-test-id^="execution-details-"]');
		await items.nth(count - 1).waitFor();
		return (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
	}
}
