/**
 * Debian's Chromium driven by playwright-core, headless and hermetic: every request that does not go
 * to a loopback address is aborted. n8n's editor calls the internet by itself (the npm registry for
 * community package updates, api.n8n.io, api.npms.io); on our machines those requests would hang
 * until they time out, and no test may send traffic outside the machine. What the page printed and
 * what was blocked is kept for the failure report.
 */
import { chromium, selectors, type Browser, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const VIEWPORT = { width: 1440, height: 900 } as const;

export interface EditorBrowser {
	browser: Browser;
	context: BrowserContext;
	page: Page;
	/** console messages, page errors and failed requests, in order, one line each */
	consoleLines: string[];
	/** URLs the route handler aborted */
	blocked: string[];
	close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** data:, blob: and about: URLs never leave the page; http(s) ones only to loopback. */
export function isLoopback(url: string): boolean {
	const parsed = new URL(url);
	if (!parsed.protocol.startsWith('http') && parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return true;
	return LOOPBACK_HOSTS.has(parsed.hostname) || parsed.hostname.endsWith('.localhost');
}

function stamp(): string {
	return new Date().toISOString().slice(11, 23);
}

async function newContext(browser: Browser, storageState: string | undefined, blocked: string[]): Promise<BrowserContext> {
	// acceptDownloads: the workflow menu's download and the node Docs links are inspected, not followed
	const context = await browser.newContext({ viewport: VIEWPORT, storageState, acceptDownloads: true, locale: 'en-US', timezoneId: 'UTC' });
	await context.route('**/*', async (route) => {
		const url = route.request().url();
		if (isLoopback(url)) return route.continue();
		blocked.push(url);
		return route.abort('blockedbyclient');
	});
	return context;
}

function recordConsole(page: Page, lines: string[]): void {
	page.on('console', (message) => lines.push(`${stamp()} console.${message.type()}: ${message.text()}`));
	page.on('pageerror', (error) => lines.push(`${stamp()} pageerror: ${error.stack ?? error.message}`));
	page.on('requestfailed', (request) => {
		const reason = request.failure()?.errorText ?? '';
		lines.push(`${stamp()} requestfailed: ${request.method()} ${request.url()} ${reason}`);
	});
	page.on('response', (response) => {
		if (response.status() >= 400) lines.push(`${stamp()} http ${response.status()}: ${response.request().method()} ${response.url()}`);
	});
}

/** Launches Chromium with the flags that work in our containers (no sandbox without user namespaces, small /dev/shm). */
export async function launchEditorBrowser(options: { storageState?: string } = {}): Promise<EditorBrowser> {
	// n8n's components carry data-test-id; Playwright's getByTestId looks for data-testid by default
	selectors.setTestIdAttribute('data-test-id');
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-dev-shm-usage'],
	});
	const blocked: string[] = [];
	const consoleLines: string[] = [];
	try {
		const context = await newContext(browser, options.storageState, blocked);
		const page = await context.newPage();
		recordConsole(page, consoleLines);
		// a popup (a Docs link opened in a new tab) gets the same recording
		context.on('page', (popup) => popup !== page && recordConsole(popup, consoleLines));
		return { browser, context, page, consoleLines, blocked, close: () => browser.close() };
	} catch (error) {
		await browser.close();
		throw error;
	}
}

/**
 * Clicks a link that opens a page off loopback in a new tab (a Docs link) and returns the URL that tab
 * asked for. The route blocks it, so nothing leaves the machine; the tab is closed again.
 */
export async function openedExternalUrl(page: Page, link: Locator): Promise<string> {
	const context = page.context();
	const navigation = context.waitForEvent('request', { predicate: (request: Request) => request.isNavigationRequest() && !isLoopback(request.url()) });
	const popup = context.waitForEvent('page');
	await link.click();
	const url = (await navigation).url();
	await (await popup).close();
	return url;
}
