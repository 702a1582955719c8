/**
 * Helpers for the Argyle Trigger end-to-end tests: a real n8n (test/e2e/harness) against the Argyle
 * simulator (simulator/). Builds trigger workflows, reads subscriptions, calls and executions,
 * and prints what each scenario does with the n8n version in front.
 */
import { randomUUID } from 'node:crypto';

import { N8nInstance, type ActivationMode, type Execution, type WorkflowData, type WorkflowInput } from '../harness/n8n';
import { ArgyleSimulator, type CallRecord, type WebhookSubscription } from '../../../simulator';

export const TRIGGER_TYPE = 'n8n-nodes-argyle.argyleTrigger';
/** The version the saved 0.1.x workflows have, which most scenarios keep using. */
export const TRIGGER_VERSION = 2;
/** What the editor gives a new Argyle Trigger. */
export const TRIGGER_DEFAULT_VERSION = 3;
export const TRIGGER_NAME = 'Argyle Trigger';
export const CREDENTIAL_TYPE = 'argyleApi';
export const SIGNATURE_HEADER = 'X-Argyle-Signature';
export const BAD_SIGNATURE_MESSAGE = 'Missing or invalid X-Argyle-Signature';

export const ALL_ACCOUNT_EVENTS = [
	'accounts.added',
	'accounts.connected',
	'accounts.failed',
	'accounts.removed',
	'accounts.updated',
] as const;

export interface TriggerOptions {
	includeResource?: boolean;
	subscriptionName?: string;
	errorCodes?: string[];
	depositSwitchErrorCodes?: string[];
	disconnectedOnly?: boolean;
	daysSynced?: number;
}

export interface TriggerParameters {
	apiVersion?: 'v2' | 'v1';
	events: string[];
	itemIds?: string;
	options?: TriggerOptions;
	/** Default TRIGGER_VERSION. */
	typeVersion?: number;
}

export interface Credential {
	id: string;
	name: string;
}

/** A workflow with one Argyle Trigger, as saved in n8n. */
export interface TriggerWorkflow {
	id: string;
	name: string;
	webhookId: string;
	nodeId: string;
	/** production URL: <base>/webhook/<webhookId>/webhook */
	url: string;
	/** test URL: <base>/webhook-test/<webhookId>/webhook */
	testUrl: string;
	json: WorkflowInput;
}

export function triggerWorkflowJson(name: string, credential: Credential, parameters: TriggerParameters): WorkflowInput & { nodeId: string; webhookId: string } {
	const nodeId = randomUUID();
	const webhookId = randomUUID();
	return {
		name,
		nodeId,
		webhookId,
		nodes: [
			{
				id: nodeId,
				name: TRIGGER_NAME,
				type: TRIGGER_TYPE,
				typeVersion: parameters.typeVersion ?? TRIGGER_VERSION,
				position: [0, 0],
				webhookId,
				parameters: triggerParameters(parameters),
				credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

export function triggerParameters(parameters: TriggerParameters): Record<string, unknown> {
	return {
		apiVersion: parameters.apiVersion ?? 'v2',
		events: [...parameters.events],
		...(parameters.itemIds === undefined ? {} : { itemIds: parameters.itemIds }),
		options: { ...parameters.options },
	};
}

/**
 * A workflow file as n8n's editor imports it: every trigger without a webhookId gets a fresh one
 * (the shipped examples carry none, so importing one twice never conflicts).
 */
export function asImportedByTheEditor<T extends { nodes: Array<{ type: string; webhookId?: string }> }>(workflow: T): T {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes) {
		if (node.type === TRIGGER_TYPE && !node.webhookId) node.webhookId = randomUUID();
	}
	return copy;
}

/** The Argyle API credential's data for a simulator (the Custom environment), as the editor would save it. */
export function simulatorCredentialData(sim: ArgyleSimulator, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return { environment: 'custom', baseUrl: sim.baseUrl, apiKeyId: sim.apiKeyId, apiKeySecret: sim.apiKeySecret, ...overrides };
}

export interface ArgyleE2eSuite {
	readonly n8n: N8nInstance;
	/** set in beforeAll */
	readonly sim: ArgyleSimulator;
	readonly e2e: ArgyleE2e;
	credentialData(overrides?: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The shared setup of a suite: one n8n and one simulator for the file, a credential for the simulator,
 * cleanup after every test (workflows deactivated, simulator reset), everything stopped at the end.
 */
export function useArgyleE2e(options: { activation: ActivationMode; label: string }): ArgyleE2eSuite {
	const n8n = new N8nInstance({ activation: options.activation });
	let sim: ArgyleSimulator | undefined;
	let e2e: ArgyleE2e | undefined;
	const started = <T>(value: T | undefined, what: string): T => {
		if (value === undefined) throw new Error(`${what} is not started yet (use it inside a test)`);
		return value;
	};
	const suite: ArgyleE2eSuite = {
		n8n,
		get sim() {
			return started(sim, 'the simulator');
		},
		get e2e() {
			return started(e2e, 'the e2e helper');
		},
		credentialData: (overrides = {}) => simulatorCredentialData(suite.sim, overrides),
	};
	beforeAll(async () => {
		sim = await ArgyleSimulator.start();
		await n8n.start();
		const credential = await n8n.createCredential(CREDENTIAL_TYPE, 'Argyle simulator', simulatorCredentialData(sim));
		e2e = new ArgyleE2e(n8n, sim, credential);
		e2e.say(options.label, `n8n at ${n8n.baseUrl} (${options.activation} activation), simulator at ${sim.baseUrl}`);
	});
	afterEach(async () => {
		await e2e?.cleanup();
	});
	afterAll(async () => {
		await n8n.dispose();
		await sim?.stop();
	});
	return suite;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a value other than undefined/false; throws with `describe()` on timeout. */
export async function waitUntil<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 15_000, describe?: () => string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined && value !== false) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describe ? `\n${describe()}` : ''}`);
		await sleep(100);
	}
}

/** The first item the trigger emitted in an execution (read with includeData). */
export function triggerItem(execution: Execution): Record<string, unknown> | undefined {
	return execution.data?.resultData.runData[TRIGGER_NAME]?.[0]?.data?.main?.[0]?.[0]?.json;
}

/** Everything an e2e test file needs: the n8n, the simulator and a credential for it. */
export class ArgyleE2e {
	/** workflows created by the current test (deactivated by cleanup()) */
	private created: string[] = [];

	constructor(
		readonly n8n: N8nInstance,
		readonly sim: ArgyleSimulator,
		readonly credential: Credential,
	) {}

	/** console.log with the n8n version and the scenario in front. */
	say(scenario: string, text: string): void {
		console.log(`[e2e n8n ${this.n8n.version}] ${scenario}: ${text}`);
	}

	/** Saves a workflow with one Argyle Trigger (not active yet). */
	async createTriggerWorkflow(name: string, parameters: TriggerParameters, credential: Credential = this.credential): Promise<TriggerWorkflow> {
		const { nodeId, webhookId, ...json } = triggerWorkflowJson(name, credential, parameters);
		const saved = await this.n8n.createWorkflow(json);
		this.created.push(saved.id);
		return {
			id: saved.id,
			name,
			webhookId,
			nodeId,
			url: this.n8n.webhookUrl(webhookId, 'webhook'),
			testUrl: this.n8n.testWebhookUrl(webhookId, 'webhook'),
			json,
		};
	}

	/** The editor's credential Save: PATCH /rest/credentials/:id with the full (plain) data. */
	async updateCredential(credential: Credential, data: Record<string, unknown>): Promise<void> {
		const result = await this.n8n.rest.patch(`/rest/credentials/${credential.id}`, { name: credential.name, type: CREDENTIAL_TYPE, data });
		if (!result.ok) throw new Error(`updating credential ${credential.id} failed: HTTP ${result.status} ${result.text}`);
	}

	/** Activates and expects success (sync mode: HTTP 200 after create()). */
	async activateOk(workflow: TriggerWorkflow): Promise<void> {
		const result = await this.n8n.activate(workflow.id);
		if (result.status !== 200) {
			throw new Error(`activation of ${workflow.name} failed: HTTP ${result.status} ${JSON.stringify(result.body)}\n${this.n8n.logTail(40)}`);
		}
	}

	/** Saves new trigger parameters like the editor (PATCH) and publishes them again (activate). */
	async saveAndPublish(workflow: TriggerWorkflow, parameters: TriggerParameters): Promise<WorkflowData> {
		const current = await this.n8n.getWorkflow(workflow.id);
		const nodes = current.nodes.map((node) => (node.name === TRIGGER_NAME ? { ...node, parameters: triggerParameters(parameters) } : node));
		const saved = await this.n8n.updateWorkflow(workflow.id, { name: current.name, nodes, connections: current.connections });
		const result = await this.n8n.activate(workflow.id, { versionId: saved.versionId });
		if (result.status !== 200) throw new Error(`re-publishing ${workflow.name} failed: HTTP ${result.status} ${JSON.stringify(result.body)}`);
		return saved;
	}

	/** v2 subscriptions the simulator holds for a URL. */
	subscriptionsFor(url: string, version: 'v2' | 'v1' = 'v2'): WebhookSubscription[] {
		return this.sim.webhooks(version).filter((subscription) => subscription.url === url);
	}

	/** The one v2 subscription for a URL; fails when there are none or several. */
	onlySubscription(url: string): WebhookSubscription {
		const found = this.subscriptionsFor(url);
		if (found.length !== 1) throw new Error(`expected exactly one subscription for ${url}, found ${found.length}: ${JSON.stringify(found, null, 1)}`);
		return found[0];
	}

	calls(method: string, pathPrefix = '/v2/webhooks'): CallRecord[] {
		return this.sim.calls.filter((call) => call.method === method && call.path.startsWith(pathPrefix));
	}

	/** Executions of a workflow (all statuses), newest first. */
	async executions(workflowId: string, includeData = false): Promise<Execution[]> {
		return await this.n8n.executions(workflowId, { includeData });
	}

	/** Waits for exactly `count` finished executions (fails if there are more) and returns them newest first. */
	async expectExecutions(workflowId: string, count: number, timeoutMs = 30_000): Promise<Execution[]> {
		const found = await this.n8n.waitForExecutions(workflowId, count, timeoutMs, { includeData: true });
		if (found.length !== count) {
			throw new Error(`workflow ${workflowId}: expected ${count} executions, found ${found.length}: ${found.map((e) => `${e.mode}:${triggerItem(e)?.event}`).join(', ')}`);
		}
		return found;
	}

	/**
	 * Lets anything in flight settle (simulator deliveries, n8n executions) and then returns the number
	 * of executions of each workflow: used to prove that nothing ran.
	 */
	async settledCounts(workflowIds: string[], settleMs = 1_000): Promise<number[]> {
		await this.sim.idle();
		await sleep(settleMs);
		return await Promise.all(workflowIds.map(async (id) => (await this.executions(id)).length));
	}

	/** Deactivates every workflow created since the last cleanup and clears the simulator. */
	async cleanup(): Promise<void> {
		const ids = this.created;
		this.created = [];
		if (this.n8n.running) {
			for (const id of ids) {
				try {
					const workflow = await this.n8n.getWorkflow(id);
					if (workflow.active) await this.n8n.deactivate(id);
				} catch (error) {
					console.log(`[e2e] cleanup of workflow ${id} failed: ${(error as Error).message}`);
				}
			}
		}
		await this.sim.idle();
		this.sim.reset();
	}
}
