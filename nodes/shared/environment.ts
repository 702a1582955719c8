/** Where the Argyle API lives for each credential environment. */

export const ARGYLE_BASE_URLS = {
	sandbox: 'https://api-sandbox.argyle.com',
	production: 'https://api.argyle.com',
} as const;

export type ArgyleEnvironment = keyof typeof ARGYLE_BASE_URLS | 'custom';

export interface ArgyleCredentials {
	apiKeyId: string;
	apiKeySecret: string;
	environment: ArgyleEnvironment;
	/** Only for the custom environment: a proxy or a local simulator, without `/v2`. */
	baseUrl?: string;
}

export function baseUrlFor(credentials: Pick<ArgyleCredentials, 'environment' | 'baseUrl'>): string {
	if (credentials.environment === 'custom') {
		return (credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	}
	return ARGYLE_BASE_URLS[credentials.environment] ?? ARGYLE_BASE_URLS.sandbox;
}
