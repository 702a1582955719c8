/**
 * What creating a user or a user token outputs: the token Argyle Link is opened with, and when it
 * expires (Argyle's user tokens live one hour; the node adds the expiry, Argyle does not send it).
 */
import { id, text, timestamp } from '../fields';

const token = {
	user_token: text('The user token for Argyle Link (a JWT; hand it to the front end, never the API key)'),
	user_token_expires_at: timestamp('When the token expires: one hour after it was requested'),
} as const;

export const CREATED_USER = { id: id('The new Argyle user'), ...token } as const;

export const USER_TOKEN = { user: id('The Argyle user the token is for'), ...token } as const;
