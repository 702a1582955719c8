/**
 * The signed-in side of a harness n8n: owner setup, login (cookie, REST), the public API key,
 * credentials and the loaded node and credential types. n8n.ts adds workflows, executions, webhooks.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { httpRequest, HttpError, PublicApiClient, RestClient } from './http';
import { N8nProcess, sleep } from './n8n-process';
import { OWNER, type CredentialTestResult } from './n8n-types';

interface HarnessState {
	apiKey: string;
	owner: typeof OWNER;
}

const STATE_FILE = 'e2e-harness.json';

export function messageOf(body: unknown): string | undefined {
	if (body && typeof body === 'object' && 'message' in body && typeof (body as { message: unknown }).message === 'string') {
		return (body as { message: string }).message;
	}
	return undefined;
}

export class N8nSession extends N8nProcess {
	rest!: RestClient;
	api!: PublicApiClient;
	private readonly browserId = `e2e-${randomUUID()}`;
	private personalProject: string | undefined;

	/** For the main process: the owner is set up or logged in, an API key exists; returns versionCli. */
	protected override async whenReady(): Promise<string> {
		if (this.command !== 'start') return await super.whenReady();
		this.rest = new RestClient(this.baseUrl, this.browserId);
		if (this.line.readinessBeforeRest) await this.waitForRest();
		await this.authenticate();
		const settings = await this.rest.data<{ versionCli: string }>('GET', '/rest/settings');
		return settings.versionCli;
	}

	/** Until the REST routes answer (GET /rest/login: 401 signed out, never 404 once mounted). */
	private async waitForRest(timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const result = await httpRequest('GET', `${this.baseUrl}/rest/login`, { timeoutMs: 2000 }).catch(() => undefined);
			if (result && result.status !== 404 && result.status !== 503) return;
			if (!this.running) throw new Error(`n8n exited during startup; log tail:\n${this.logTail(80)}`);
			if (Date.now() > deadline) throw new Error(`n8n's REST API not mounted after ${timeoutMs} ms; log tail:\n${this.logTail(80)}`);
			await sleep(200);
		}
	}

	private readState(): HarnessState | undefined {
		try {
			return JSON.parse(fs.readFileSync(path.join(this.userFolder, STATE_FILE), 'utf8')) as HarnessState;
		} catch {
			return undefined;
		}
	}

	/** First start: owner setup + API key (saved in the user folder). Later starts: login only. */
	private async authenticate(): Promise<void> {
		const state = this.readState();
		if (state) {
			await this.login();
			this.api = new PublicApiClient(this.baseUrl, state.apiKey);
			return;
		}
		const setup = await this.rest.post('/rest/owner/setup', OWNER);
		if (!setup.ok) {
			// an owner exists already (reused user folder without our state file): log in
			await this.login();
		} else if (!this.rest.authCookie) {
			await this.login();
		}
		const scopes = await this.rest.data<string[]>('GET', '/rest/api-keys/scopes');
		const key = await this.rest.data<{ rawApiKey: string }>('POST', '/rest/api-keys', {
			body: { label: `e2e-${Date.now()}-${randomBytes(3).toString('hex')}`, scopes, expiresAt: null },
		});
		this.api = new PublicApiClient(this.baseUrl, key.rawApiKey);
		fs.writeFileSync(path.join(this.userFolder, STATE_FILE), JSON.stringify({ apiKey: key.rawApiKey, owner: OWNER } satisfies HarnessState, null, 2), { mode: 0o600 });
	}

	/** The id of the owner's personal project (GET /rest/projects/personal), where its workflows live. */
	async personalProjectId(): Promise<string> {
		this.personalProject ??= (await this.rest.data<{ id: string }>('GET', '/rest/projects/personal')).id;
		return this.personalProject;
	}

	/** POST /rest/login (the field is emailOrLdapLoginId); stores the n8n-auth cookie. */
	async login(): Promise<void> {
		this.rest.authCookie = undefined;
		const result = await this.rest.post<{ data: { role?: string } }>('/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		if (!result.ok || !this.rest.authCookie) throw new HttpError('POST', `${this.baseUrl}/rest/login`, result);
	}

	// ---------------------------------------------------------------------------------------------
	// credentials
	// ---------------------------------------------------------------------------------------------

	/** POST /rest/credentials (as the editor does; data is plain, n8n encrypts it). */
	async createCredential(type: string, name: string, data: Record<string, unknown>): Promise<{ id: string; name: string; type: string }> {
		return await this.rest.data('POST', '/rest/credentials', { body: { name, type, data } });
	}

	/**
	 * The editor's "Test credential" (Retry / Save): POST /rest/credentials/test
	 * { credentials: { id, name, type, data } }. `id` must be a saved credential of the owner; `data` is
	 * what the form holds (plain values; omitted fields fall back to nothing, so pass the full data).
	 * Returns n8n's verdict { status: 'OK' | 'Error', message }.
	 */
	async testCredential(credential: { id: string; type: string; name?: string; data: Record<string, unknown> }): Promise<CredentialTestResult> {
		const result = await this.rest.post<{ data?: { status?: string; message?: string } }>('/rest/credentials/test', {
			credentials: { id: credential.id, name: credential.name ?? '', type: credential.type, data: credential.data },
		});
		const verdict = (result.body as { data?: { status?: string; message?: string } } | undefined)?.data;
		return { httpStatus: result.status, status: verdict?.status, message: verdict?.message ?? messageOf(result.body), body: result.body };
	}

	// ---------------------------------------------------------------------------------------------
	// node and credential types
	// ---------------------------------------------------------------------------------------------

	/** GET /types/nodes.json (needs the cookie): every loaded node type description. */
	async nodeTypes(): Promise<Array<{ name: string; version: number | number[]; displayName: string; [key: string]: unknown }>> {
		const result = await this.rest.get<Array<{ name: string; version: number | number[]; displayName: string }>>('/types/nodes.json');
		if (!result.ok || !Array.isArray(result.body)) throw new HttpError('GET', `${this.baseUrl}/types/nodes.json`, result);
		return result.body;
	}

	/** GET /types/credentials.json (needs the cookie). */
	async credentialTypes(): Promise<Array<{ name: string; displayName: string; [key: string]: unknown }>> {
		const result = await this.rest.get<Array<{ name: string; displayName: string }>>('/types/credentials.json');
		if (!result.ok || !Array.isArray(result.body)) throw new HttpError('GET', `${this.baseUrl}/types/credentials.json`, result);
		return result.body;
	}
}
