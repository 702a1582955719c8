/**
 * The credential modal: filling the Argyle API credential, Save (which also runs the credential test)
 * and the verdict it shows. n8n shows a failed test as "Couldn't connect with these settings" and puts
 * the package's own message behind "More details".
 */
import type { Locator, Page } from 'playwright-core';

import { openedExternalUrl } from './browser';

export interface ArgyleCredentialFields {
	environment?: 'Sandbox' | 'Production' | 'Custom';
	baseUrl?: string;
	apiKeyId?: string;
	apiKeySecret?: string;
}

export interface CredentialVerdict {
	status: 'OK' | 'Error';
	message: string;
}

export class CredentialModal {
	readonly root: Locator;

	constructor(private readonly page: Page) {
		this.root = page.getByTestId('editCredential-modal');
	}

	/** From a node panel without a credential yet: its "Connect to Argyle" button opens a new credential. */
	async openNew(ndv: Locator): Promise<void> {
		await ndv.getByTestId('node-credentials-slot').getByTestId('node-credentials-empty-state').getByRole('button').first().click();
		await this.root.waitFor();
	}

	/**
	 * The pencil next to the chosen credential. n8n tests a saved credential as soon as its modal opens;
	 * that answer is awaited here, so it is not taken for the answer to the next Save, and so the form
	 * holds the saved values before anything is typed into it.
	 */
	async openChosen(ndv: Locator): Promise<CredentialVerdict> {
		const [verdict] = await Promise.all([this.testResponse(), ndv.getByTestId('credential-edit-button').click()]);
		await this.root.waitFor();
		return verdict;
	}

	private async testResponse(): Promise<CredentialVerdict> {
		const response = await this.page.waitForResponse(
			(candidate) => candidate.url().endsWith('/rest/credentials/test') && candidate.request().method() === 'POST',
		);
		return ((await response.json()) as { data: CredentialVerdict }).data;
	}

	private field(name: string): Locator {
		return this.root.getByTestId(`parameter-input-${name}`).locator('input').first();
	}

	async fill(fields: ArgyleCredentialFields): Promise<void> {
		if (fields.environment) {
			await this.root.getByTestId('parameter-input-environment').click();
			await this.page.locator('.el-select-dropdown__item:visible').getByText(fields.environment, { exact: true }).click();
		}
		if (fields.baseUrl !== undefined) await this.field('baseUrl').fill(fields.baseUrl);
		if (fields.apiKeyId !== undefined) await this.field('apiKeyId').fill(fields.apiKeyId);
		if (fields.apiKeySecret !== undefined) await this.field('apiKeySecret').fill(fields.apiKeySecret);
	}

	/** Save; n8n then tests the credential. Returns the verdict n8n got from the package's test. */
	async saveAndTest(): Promise<CredentialVerdict> {
		const [verdict] = await Promise.all([this.testResponse(), this.root.getByTestId('credential-save-button').click()]);
		return verdict;
	}

	/**
	 * Waits for the editor's answer to a passing test: "Connection tested successfully" in the modal of
	 * a saved credential, or, for a new one, the modal closing by itself.
	 */
	async waitForSuccess(): Promise<'banner' | 'closed'> {
		return await Promise.any([
			this.page.getByTestId('credentials-config-container-test-success').waitFor().then(() => 'banner' as const),
			this.root.waitFor({ state: 'hidden' }).then(() => 'closed' as const),
		]);
	}

	/**
	 * Waits until a failed test shows `message`; returns that element. n8n folds a long message behind
	 * "More details" and shows a short one as it is.
	 */
	async shownError(message: string | RegExp): Promise<Locator> {
		await this.root.getByText('Couldn’t connect with these settings').waitFor();
		const moreDetails = this.root.getByText('More details');
		if (await moreDetails.isVisible()) await moreDetails.click();
		const shown = this.root.getByText(message);
		await shown.waitFor();
		return shown;
	}

	/** The URL the modal's "docs" link (the credential's documentationUrl) opens. */
	async openedDocsUrl(): Promise<string> {
		return await openedExternalUrl(this.page, this.root.getByRole('link', { name: 'docs', exact: true }));
	}

	async close(): Promise<void> {
		if (await this.root.isVisible()) await this.root.getByRole('button', { name: 'Close this dialog' }).click();
		await this.root.waitFor({ state: 'hidden' });
	}
}
