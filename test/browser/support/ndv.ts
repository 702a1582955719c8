/**
 * The node's panel (NDV): its parameters, option dropdowns, the Options collection, the Docs link,
 * "Listen for test event" and the output panel. Element Plus renders every dropdown in a popper at
 * the end of <body>, so options are looked up on the page, only the visible ones.
 */
import type { Locator, Page } from 'playwright-core';

import { openedExternalUrl } from './browser';

export async function waitForNdv(page: Page): Promise<Locator> {
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	return ndv;
}

export class Ndv {
	readonly root: Locator;
	/** the Parameters tab; the Settings tab's inputs are in the DOM too, hidden */
	readonly parameters: Locator;

	constructor(private readonly page: Page) {
		this.root = page.getByTestId('ndv');
		this.parameters = this.root.getByTestId('node-parameters');
	}

	async close(): Promise<void> {
		await this.root.getByTestId('ndv-close-button').click();
		await this.root.waitFor({ state: 'hidden' });
	}

	input(name: string): Locator {
		return this.parameters.getByTestId(`parameter-input-${name}`);
	}

	/** An open dropdown's option by its exact name (the headline, not the description under it). */
	private dropdownItem(name: string): Locator {
		return this.page.locator('.el-select-dropdown__item:visible').getByText(name, { exact: true }).first();
	}

	/** The names of the options an open dropdown lists. */
	private async dropdownNames(): Promise<string[]> {
		const names = await this.page.locator('.el-select-dropdown__item:visible').evaluateAll((items) =>
			items.map((item) => (item.firstElementChild?.firstElementChild ?? item).textContent?.trim() ?? ''),
		);
		return names.filter((name) => name !== '');
	}

	/** The names of the parameters the panel shows now (e.g. apiVersion, events, itemIds, daysSynced). */
	async visibleParameters(): Promise<string[]> {
		const ids = await this.parameters.locator('[data-test-id^="parameter-input-"]:visible').evaluateAll((elements) =>
			elements.map((element) => element.getAttribute('data-test-id') ?? ''),
		);
		return ids.map((id) => id.replace('parameter-input-', '')).filter((name) => name !== 'field');
	}

	/** Chooses an option of an `options` parameter by its name. */
	async choose(parameter: string, optionName: string): Promise<void> {
		await this.input(parameter).click();
		await this.dropdownItem(optionName).click();
		await this.input(parameter).locator('input').first().waitFor();
	}

	async shownOption(parameter: string): Promise<string> {
		return await this.input(parameter).locator('input').first().inputValue();
	}

	/**
	 * Adds a value to a multiOptions parameter the way a user does: types `query` into its search,
	 * waits for the option and picks it. Returns the option names the search offered.
	 */
	async addByTyping(parameter: string, query: string, optionName: string): Promise<string[]> {
		const search = this.input(parameter).locator('input.el-select__input');
		// a click on an open select closes it
		if ((await search.getAttribute('aria-expanded')) !== 'true') await search.click();
		await search.fill(query);
		const option = this.dropdownItem(optionName);
		await option.waitFor();
		const offered = await this.dropdownNames();
		await option.click();
		await search.fill('');
		// a multi-select stays open after a pick, over the parameters below it
		await this.closeDropdown();
		return offered;
	}

	/** The chosen values of a multiOptions parameter, as its tags show them. */
	async chosen(parameter: string): Promise<string[]> {
		return (await this.input(parameter).locator('.el-select__tags-text').allInnerTexts()).map((text) => text.trim());
	}

	/** Closes an open dropdown; the first Escape goes to the dropdown, not to the panel. */
	async closeDropdown(): Promise<void> {
		await this.page.keyboard.press('Escape');
		await this.page.locator('.el-select-dropdown__item:visible').first().waitFor({ state: 'hidden' });
	}

	/** What "Add option" of the Options collection offers now. */
	async addableOptions(): Promise<string[]> {
		await this.parameters.getByTestId('collection-parameter-add').click();
		await this.page.locator('.el-select-dropdown__item:visible').first().waitFor();
		const names = await this.dropdownNames();
		await this.closeDropdown();
		return names;
	}

	async addOption(name: string): Promise<void> {
		await this.parameters.getByTestId('collection-parameter-add').click();
		await this.dropdownItem(name).click();
	}

	/** Picks a saved credential in the panel's Credential select. */
	async chooseCredential(name: string): Promise<void> {
		const select = this.root.getByTestId('node-credentials-select');
		await select.click();
		await this.dropdownItem(name).click();
		await this.root.getByTestId('credential-edit-button').waitFor();
	}

	/** The URL the panel's Docs link opens (n8n adds its tracking parameters to the package's URL). */
	async openedDocsUrl(): Promise<string> {
		return await openedExternalUrl(this.page, this.root.getByRole('link', { name: /Docs/ }).first());
	}

	/** Clicks a chosen value's × in a multiOptions parameter. */
	async removeChosen(parameter: string, name: string): Promise<void> {
		const tag = this.input(parameter).locator('.el-tag').filter({ has: this.page.getByText(name, { exact: true }) });
		await tag.locator('.el-tag__close').click();
		await tag.waitFor({ state: 'detached' });
	}

	/** "Listen for test event" (the Execute step button of a trigger); waits until n8n listens. */
	async listenForTestEvent(): Promise<void> {
		await this.root.getByTestId('node-execute-button').click();
		await this.root.getByText('Listening for test event').first().waitFor();
	}

	/** Waits until the output panel shows `text` (e.g. the event name of the item that arrived). */
	async waitForOutput(text: string): Promise<Locator> {
		const output = this.root.getByTestId('output-panel');
		await output.getByTestId('ndv-data-container').getByText(text).first().waitFor();
		return output;
	}
}
