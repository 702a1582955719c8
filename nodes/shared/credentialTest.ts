/**
 * "Test credential" for the Argyle API credential, as a function both nodes name with `testedBy`.
 * A declarative `test` with response-code rules would need less code, but n8n 1.x never shows the
 * rules' messages (its tester reads `error.cause.response`, which NodeApiError lacks there) and no
 * rule can word a network failure. This gives the same messages, saying what to fix, on n8n 1.x and 2.x.
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { ARGYLE_BASE_URLS, baseUrlFor, type ArgyleCredentials } from './environment';
import { argyleErrorDetail } from './transport';


type Outcome = { statusCode: number; body: unknown } | { networkCode: string };

const failed = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

function networkCodeOf(error: unknown): string {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; depth < 4 && current; depth++) {
		if (typeof current.code === 'string' && /^E[A-Z_]+$/.test(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	return 'a network error';
}

const NETWORK_WORDS: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused (nothing listens there)',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved',
	ETIMEDOUT: 'the connection timed out',
	ECONNRESET: 'the connection was closed unexpectedly',
	CERT_HAS_EXPIRED: "the host's TLS certificate has expired",
};

/** What the answer (or its absence) means for the person filling in the credential. */
export function verdict(baseUrl: string, outcome: Outcome): INodeCredentialTestResult {
	if ('networkCode' in outcome) {
		const words = NETWORK_WORDS[outcome.networkCode] ?? `${outcome.networkCode} occurred`;
		return failed(
			`Could not reach Argyle at ${baseUrl}: ${words}. Check Environment (and, for Custom, Base URL) and that n8n can reach that host.`,
		);
	}
	const { statusCode } = outcome;
	if (statusCode >= 200 && statusCode < 300) return { status: 'OK', message: 'Connection successful' };
	const detail = argyleErrorDetail(outcome.body);
	const code = detail ? `${statusCode}: "${detail}"` : String(statusCode);
	if (statusCode === 401) {
		return failed(
			`Argyle rejected the API key (${code}). Check the API key ID and secret, and that Environment matches the key: Sandbox keys only work with Sandbox (${ARGYLE_BASE_URLS.sandbox}), Production keys with Production (${ARGYLE_BASE_URLS.production}).`,
		);
	}
	if (statusCode === 403) return failed(`Argyle accepted the API key but refused access (${code}). Check the key's permissions in Argyle Console.`);
	if (statusCode === 404) {
		return failed(`No Argyle API at ${baseUrl} (404 for /v2/users). With the Custom environment, set Base URL to the API root without /v2.`);
	}
	return failed(`Argyle answered HTTP ${code} at ${baseUrl}. Try again later, or check Base URL.`);
}

export async function argyleApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as unknown as ArgyleCredentials;
	const baseUrl = baseUrlFor(data);
	if (!/^https?:\/\/[^/]/i.test(baseUrl)) {
		return failed('Set Base URL to the API root, e.g. https://argyle-proxy.example.com (without /v2), or choose Sandbox or Production.');
	}
	// Credential tests get only n8n's legacy `request` helper (ICredentialTestFunctions has no httpRequest).
	const { request } = this.helpers;
	let outcome: Outcome;
	try {
		const response = (await request({
			method: 'GET',
			uri: `${baseUrl}/v2/users`,
			qs: { limit: 1 },
			auth: { user: String(data.apiKeyId ?? ''), pass: String(data.apiKeySecret ?? '') },
			headers: { Accept: 'application/json' },
			json: true,
			resolveWithFullResponse: true,
			simple: false,
		})) as { statusCode: number; body: unknown };
		outcome = { statusCode: response.statusCode, body: response.body };
	} catch (error) {
		outcome = { networkCode: networkCodeOf(error) };
	}
	return verdict(baseUrl, outcome);
}
