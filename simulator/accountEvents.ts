// What an accounts.* event does to the stored account before Argyle reports it, and the `data` it sends.
import { DEFAULT_FAILED_CODE, errorMessageFor, isoNow } from './fixtures';
import type { Store } from './store';
import type { AccountEventExtra, ArgyleAccount } from './types';

/**
 * failed → connection error (error_code default `invalid_credentials`, error_message per code);
 * updated with error_code/error_message → connection error; connected → connection connected;
 * removed → the account leaves the store. Other events leave the account alone.
 */
export function applyAccountEvent(
	store: Store,
	account: ArgyleAccount,
	event: string,
	extra: AccountEventExtra = {},
): Record<string, unknown> {
	const data: Record<string, unknown> = { account: account.id, user: account.user };
	const now = isoNow();
	if (event === 'accounts.failed' || (event === 'accounts.updated' && (extra.error_code || extra.error_message))) {
		const code =
			extra.error_code ?? (event === 'accounts.failed' ? DEFAULT_FAILED_CODE : (account.connection.error_code ?? 'auth_required'));
		const message = extra.error_message ?? errorMessageFor(code);
		account.connection = { status: 'error', error_code: code, error_message: message, updated_at: now };
		account.updated_at = now;
		if (event === 'accounts.failed') Object.assign(data, { error_code: code, error_message: message });
	} else if (event === 'accounts.connected') {
		account.connection = { status: 'connected', error_code: null, error_message: null, updated_at: now };
		account.scanned_at = now;
		if (account.ongoing_refresh.status === 'idle') account.ongoing_refresh = { status: 'enabled' };
		account.updated_at = now;
	} else if (event === 'accounts.removed') {
		store.removeAccount(account.id);
	}
	return data;
}
