/**
 * n8n's node panel (the "node creator"): searching, the cards it lists, and the "Node details" view a
 * community package's card opens, with its Triggers (n) and Actions (n) sections.
 */
import type { Locator, Page } from 'playwright-core';

import { waitForNdv } from './ndv';

export interface CardDetails {
	/** the section headers, e.g. ["Triggers (53)", "Actions (45)"] */
	sections: string[];
	/** every entry name shown once all sections are expanded */
	entries: string[];
}

export class NodePanel {
	readonly root: Locator;

	constructor(private readonly page: Page) {
		this.root = page.getByTestId('node-creator');
	}

	/** "Add first step" on an empty canvas: the panel opens on "What triggers this workflow?". */
	async openForFirstStep(): Promise<void> {
		await this.page.getByTestId('canvas-plus-button').click();
		await this.root.waitFor();
	}

	/** The + on a node's output: the panel opens for a node that runs after it. */
	async openAfter(node: Locator): Promise<void> {
		await node.hover();
		await node.getByTestId('canvas-handle-plus').click();
		await this.root.waitFor();
	}

	/**
	 * Types into the search bar and waits until a card with that name is listed: the first item is
	 * preselected, so pressing on too early would take whatever was there before the search ran.
	 */
	async search(text: string, expectCard = text): Promise<void> {
		await this.page.getByTestId('node-creator-search-bar').fill(text);
		await this.card(expectCard).waitFor();
	}

	/** A listed item whose name is exactly `name`. */
	card(name: string): Locator {
		return this.root
			.getByTestId('item-iterator-item')
			.filter({ has: this.page.getByTestId('node-creator-item-name').getByText(name, { exact: true }) });
	}

	async cardNames(): Promise<string[]> {
		return await this.root.getByTestId('node-creator-item-name').allInnerTexts();
	}

	async cardDescription(name: string): Promise<string> {
		return (await this.card(name).getByTestId('node-creator-item-description').innerText()).trim();
	}

	/**
	 * Opens a card's "Node details" view, expands every section and returns the section headers and
	 * the entries; `lastEntry` is one the caller expects, waited for so the expanded list is complete.
	 */
	async openCard(name: string, lastEntry: string): Promise<CardDetails> {
		await this.card(name).click();
		const sectionHeaders = this.root.getByTestId('node-creator-category-item');
		await sectionHeaders.first().waitFor();
		const sections = (await sectionHeaders.allInnerTexts()).map((text) => text.trim());
		// the section that does not match the panel's mode starts collapsed
		for (let index = 0; index < sections.length; index++) {
			const header = sectionHeaders.nth(index);
			const collapsed = await header.locator('xpath=..').getAttribute('data-category-collapsed');
			if (collapsed === 'true') await header.click();
		}
		await this.card(lastEntry).waitFor();
		const entries = (await this.root.getByTestId('item-iterator-item').getByTestId('node-creator-item-name').allInnerTexts()).map((text) => text.trim());
		return { sections, entries };
	}

	/** Clicks an entry of an open card ("On Account: Failed", "Get many paystubs") and waits for the node's panel. */
	async addEntry(name: string): Promise<void> {
		const entry = this.card(name);
		await entry.scrollIntoViewIfNeeded();
		await entry.click();
		await waitForNdv(this.page);
	}
}
