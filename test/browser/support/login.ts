/**
 * Signing in to the editor through its form, as a user does. The whole storageState is saved after
 * the first sign-in: n8n ties the n8n-auth cookie to the `n8n-browserId` key in localStorage, so
 * restoring the cookie alone lands on the sign-in page again.
 */
import type { Page } from 'playwright-core';

import { OWNER } from '../../e2e/harness/n8n';

/** Sign-in takes ~9 s on two busy cores: the editor's first bundle is large. */
const SIGN_IN_TIMEOUT_MS = 60_000;

export async function signIn(page: Page, baseUrl: string, storageStatePath?: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[name=emailOrLdapLoginId]').fill(OWNER.email, { timeout: SIGN_IN_TIMEOUT_MS });
	await page.locator('input[name=password]').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: SIGN_IN_TIMEOUT_MS });
	if (storageStatePath) await page.context().storageState({ path: storageStatePath });
}
