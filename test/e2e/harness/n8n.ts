/**
 * A real n8n (installed by install.ts) as a child process of the test, hermetic: SQLite in a fresh
 * temporary user folder, loopback only, random free ports, no outbound calls at boot, and our package
 * installed as a community package the way n8n installs one (node types `n8n-nodes-argyle.<node>`;
 * community-package.ts). It runs either n8n line:
 * 2.41.1 on Node 24 (default) or 1.123.81 on Node 22 (`line: '1.x'` or ARGYLE_E2E_N8N=1.x);
 * n8n-line.ts adapts what differs.
 *
 *   const n8n = new N8nInstance({ activation: 'sync' });
 *   await n8n.start();              // boots, creates the owner, logs in, creates an API key
 *   ...                             // n8n.rest (cookie), n8n.api (API key), helpers below
 *   await n8n.restart();            // same user folder, DB, ports; logs in again
 *   await n8n.dispose();            // stop + remove the temporary user folder
 *
 * The layers: n8n-process.ts (spawn, environment, logs, stop), n8n-session.ts (owner, login, API key,
 * credentials, types), this file (workflows, activation, executions, webhooks).
 * Only one n8n should run at a time on our 2-core machines (each takes ~0.7-1 GB RSS and 7-10 s to boot).
 */
import { httpRequest, type HttpMethod, type HttpResult } from './http';
import { sleep } from './n8n-process';
import { messageOf, N8nSession } from './n8n-session';
import type { ActivationResult, Execution, PublicationStatus, WebhookResponse, WorkflowData, WorkflowInput } from './n8n-types';

export * from './n8n-types';
export { HttpError, type HttpResult } from './http';
export type { N8nLineProfile } from './n8n-line';

export class N8nInstance extends N8nSession {
	// workflows
	// ---------------------------------------------------------------------------------------------

	/** POST /rest/workflows (the editor's first save). `active`/`id` in the JSON are ignored by n8n. */
	async createWorkflow(json: WorkflowInput): Promise<WorkflowData> {
		const { active: _active, ...rest } = json;
		const projectId = this.line.createsInProject ? await this.personalProjectId() : undefined;
		return await this.rest.data<WorkflowData>('POST', '/rest/workflows', { body: this.line.createWorkflowBody(rest, projectId) });
	}

	async getWorkflow(id: string): Promise<WorkflowData> {
		return await this.rest.data<WorkflowData>('GET', `/rest/workflows/${id}`);
	}

	/**
	 * The editor's Save: PATCH /rest/workflows/:id with the workflow JSON. A node/connection change
	 * creates a new versionId. NB in 2.41 saving does NOT re-publish an active workflow (only a
	 * settings change does); call activate(id) again to publish the saved version (sync mode then
	 * runs the old triggers' delete() and the new ones' checkExists/create, activation mode 'update').
	 */
	async updateWorkflow(id: string, json: Partial<WorkflowInput>): Promise<WorkflowData> {
		const { active: _active, id: _id, ...rest } = json as Partial<WorkflowInput> & { id?: string };
		return await this.rest.data<WorkflowData>('PATCH', `/rest/workflows/${id}`, { body: rest });
	}

	async deleteWorkflow(id: string): Promise<void> {
		await this.rest.data('POST', `/rest/workflows/${id}/archive`, { body: {} });
		await this.rest.data('DELETE', `/rest/workflows/${id}`);
	}

	/**
	 * The editor's Publish: POST /rest/workflows/:id/activate { versionId } (default: the current
	 * versionId). Sync mode: returns after the triggers' create(), HTTP 400 { message } if it threw.
	 * Outbox mode: returns at once with 200; use waitPublished().
	 */
	async activate(id: string, options: { versionId?: string } = {}): Promise<ActivationResult> {
		const versionId = options.versionId ?? (await this.getWorkflow(id)).versionId;
		const result = await this.rest.post(`/rest/workflows/${id}/activate`, { versionId });
		return { status: result.status, body: result.body, message: result.ok ? undefined : messageOf(result.body) };
	}

	/** The editor's Unpublish: POST /rest/workflows/:id/deactivate {}. */
	async deactivate(id: string): Promise<ActivationResult> {
		const result = await this.rest.post(`/rest/workflows/${id}/deactivate`, {});
		return { status: result.status, body: result.body, message: result.ok ? undefined : messageOf(result.body) };
	}

	/** Public API variants: POST /api/v1/workflows/:id/activate | deactivate. */
	async activateViaApi(id: string): Promise<ActivationResult> {
		const result = await this.api.post(`/workflows/${id}/activate`);
		return { status: result.status, body: result.body, message: result.ok ? undefined : messageOf(result.body) };
	}

	async deactivateViaApi(id: string): Promise<ActivationResult> {
		const result = await this.api.post(`/workflows/${id}/deactivate`);
		return { status: result.status, body: result.body, message: result.ok ? undefined : messageOf(result.body) };
	}

	/** GET /rest/workflows/:id/publication-status (outbox mode only; 404 in sync mode). */
	async publicationStatus(id: string): Promise<HttpResult<{ data?: PublicationStatus }>> {
		return await this.rest.get<{ data?: PublicationStatus }>(`/rest/workflows/${id}/publication-status`);
	}

	/** Outbox mode: polls publication-status until 'published' or 'failed' (returned, not thrown). */
	async waitPublished(id: string, timeoutMs = 60_000): Promise<PublicationStatus> {
		const deadline = Date.now() + timeoutMs;
		let last: HttpResult<{ data?: PublicationStatus }> | undefined;
		while (Date.now() < deadline) {
			last = await this.publicationStatus(id);
			const status = last.body?.data?.status;
			if (status === 'published' || status === 'failed') return last.body!.data!;
			if (last.status === 404) throw new Error(`publication-status of ${id} is not available (sync activation mode?): ${last.text}`);
			await sleep(100);
		}
		throw new Error(`workflow ${id} not published after ${timeoutMs} ms: ${last?.text}`);
	}

	// ---------------------------------------------------------------------------------------------
	// executions
	// ---------------------------------------------------------------------------------------------

	/** All executions of a workflow via GET /api/v1/executions (follows nextCursor), newest first. */
	async executions(workflowId: string, options: { includeData?: boolean; status?: string } = {}): Promise<Execution[]> {
		const all: Execution[] = [];
		let cursor: string | undefined;
		do {
			const page = await this.api.ok<{ data: Execution[]; nextCursor: string | null }>('GET', '/executions', {
				query: { workflowId, includeData: options.includeData ?? false, status: options.status, limit: 250, cursor },
			});
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	}

	async execution(id: string | number, includeData = true): Promise<Execution> {
		return await this.api.ok<Execution>('GET', `/executions/${id}`, { query: { includeData } });
	}

	/**
	 * Waits until the workflow has at least `count` finished executions (status not new/running/waiting)
	 * and returns them (newest first). Throws with the log tail on timeout.
	 */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 30_000, options: { includeData?: boolean } = {}): Promise<Execution[]> {
		const deadline = Date.now() + timeoutMs;
		let found: Execution[] = [];
		for (;;) {
			found = (await this.executions(workflowId, options)).filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			if (found.length >= count) return found;
			if (Date.now() > deadline) {
				throw new Error(`workflow ${workflowId}: ${found.length}/${count} finished executions after ${timeoutMs} ms; log tail:\n${this.logTail()}`);
			}
			await sleep(150);
		}
	}

	// ---------------------------------------------------------------------------------------------
	// webhooks
	// ---------------------------------------------------------------------------------------------

	/**
	 * Production webhook URL. For a trigger with webhookId + description path: webhookUrl(webhookId, 'webhook')
	 * -> <base>/webhook/<webhookId>/webhook (what getNodeWebhookUrl('default') returns). For the built-in
	 * Webhook node (path parameter, no dynamic segments): webhookUrl('my-path') -> <base>/webhook/my-path.
	 */
	webhookUrl(webhookIdOrPath: string, path?: string): string {
		return `${this.baseUrl}/webhook/${path === undefined ? webhookIdOrPath : `${webhookIdOrPath}/${path}`}`;
	}

	/** Test webhook URL (/webhook-test/...), live only while "Listen for test event" is on. */
	testWebhookUrl(webhookIdOrPath: string, path?: string): string {
		return `${this.baseUrl}/webhook-test/${path === undefined ? webhookIdOrPath : `${webhookIdOrPath}/${path}`}`;
	}

	/** Sends a request to a webhook URL (JSON-serialises non-string bodies unless a content-type is given). */
	async sendWebhook(url: string, options: { method?: HttpMethod; body?: unknown; headers?: Record<string, string> } = {}): Promise<WebhookResponse> {
		const result = await httpRequest(options.method ?? 'POST', url, { body: options.body, headers: options.headers });
		return { status: result.status, headers: result.headers, text: result.text, body: result.body };
	}

	/**
	 * Whether n8n currently serves a webhook at this URL, without triggering it: an OPTIONS request
	 * with an Origin header makes n8n look the path up (CORS setup) and answer 404 when it is unknown.
	 */
	async isWebhookRegistered(url: string): Promise<boolean> {
		const result = await httpRequest('OPTIONS', url, { headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' } });
		return result.status >= 200 && result.status < 300;
	}

	/**
	 * The editor's "Listen for test event" on a trigger node (2.41.1: runManually ->
	 * WorkflowExecutionService.executeManually -> TestWebhooks.needsWebhook): POST /rest/workflows/:id/run
	 * { triggerToStartFrom: { name } } runs the SAVED workflow (1.x needs the saved workflow sent along as
	 * workflowData: the line's listenBody). n8n calls the trigger's checkExists/create
	 * with activation mode 'manual' and the TEST URL, and answers { data: { waitingForWebhook: true } }.
	 * The first request to /webhook-test/... runs a 'manual' execution, then n8n calls delete() and
	 * removes the test webhook. Unused registrations expire after 2 min (TEST_WEBHOOK_TIMEOUT), or call
	 * stopListening().
	 */
	async listenForTestEvent(
		workflowId: string,
		triggerNodeName: string,
		options: { destinationNode?: { nodeName: string; mode: 'inclusive' | 'exclusive' } } = {},
	): Promise<{ status: number; waitingForWebhook: boolean; body: unknown; message?: string }> {
		const workflow = await this.getWorkflow(workflowId);
		const body = this.line.listenBody(workflow, triggerNodeName, options.destinationNode);
		const result = await this.rest.post<{ data?: { waitingForWebhook?: boolean } }>(`/rest/workflows/${workflowId}/run`, body);
		return {
			status: result.status,
			waitingForWebhook: result.body?.data?.waitingForWebhook === true,
			body: result.body,
			message: result.ok ? undefined : messageOf(result.body),
		};
	}

	/** The editor's "Stop listening": DELETE /rest/test-webhook/:workflowId (delete() runs in the background). */
	async stopListening(workflowId: string): Promise<HttpResult> {
		return await this.rest.delete(`/rest/test-webhook/${workflowId}`);
	}

	/** Waits until isWebhookRegistered(url) becomes `registered`. */
	async waitWebhookRegistered(url: string, registered: boolean, timeoutMs = 10_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while ((await this.isWebhookRegistered(url)) !== registered) {
			if (Date.now() > deadline) throw new Error(`webhook ${url} still ${registered ? 'not registered' : 'registered'} after ${timeoutMs} ms`);
			await sleep(100);
		}
	}
}

