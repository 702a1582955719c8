/**
 * One reliability run: one Argyle simulator, one real n8n 2.41.1 (sync activation, one user folder
 * and SQLite DB for every phase, so the secrets scan at the end sees everything the run left behind),
 * one credential, the seed, the figures, and every secret and error message seen.
 */
import { createHmac } from 'node:crypto';

import { deriveWebhookSecret } from '../../../nodes/ArgyleTrigger/signature';
import { ArgyleE2e, CREDENTIAL_TYPE, simulatorCredentialData, type TriggerWorkflow } from '../../e2e/support/argyle-e2e';
import { N8nInstance } from '../../e2e/harness/n8n';
import { ArgyleSimulator } from '../../../simulator';
import type { Figures } from './figures';
import { Rng, seedFromEnv, SEED_ENV } from './rng';

/** Settings of the n8n under test, stated in the output. */
export const N8N_ENV: Record<string, string> = {
	// our trigger is typeVersion 2: with lazy acquisition it needs no expression isolate per request
	// (n8n-webhook-baseline.md §6: ~70 req/s instead of ~17 with the defaults)
	N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
	EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
	EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
	// the default prune keeps 10,000 executions at most: the load phase alone makes 10,000
	EXECUTIONS_DATA_PRUNE: 'false',
};

export function envNumber(name: string, fallback: number, min: number, max: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer in [${min}, ${max}] (got ${raw})`);
	return value;
}

/** Sizes (the defaults are what the issue asks for; smaller values are for development runs only). */
export const SIZES = {
	hostile: envNumber('ARGYLE_RELIABILITY_HOSTILE', 1200, 50, 20_000),
	load: envNumber('ARGYLE_RELIABILITY_LOAD', 10_000, 10, 50_000),
	loadConcurrency: envNumber('ARGYLE_RELIABILITY_CONCURRENCY', 50, 1, 200),
	soakSteps: envNumber('ARGYLE_RELIABILITY_SOAK_STEPS', 100, 10, 1_000),
};

export const FULL_SIZE = SIZES.hostile >= 1000 && SIZES.load >= 10_000 && SIZES.soakSteps >= 100;

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export class ReliabilityRun {
	readonly seed = seedFromEnv();
	readonly rng = new Rng(this.seed);
	readonly figures: Figures = { seed: this.seed, n8nVersion: '' };
	readonly n8n = new N8nInstance({ activation: 'sync', env: N8N_ENV });
	/** every webhook secret the simulator held or was given (collected by noteSecrets) */
	readonly webhookSecrets = new Set<string>();
	/** every error message seen: activation answers, webhook answers, simulator error bodies */
	readonly errorTexts: string[] = [];
	/** every workflow the run created (the secrets scan reads all their executions) */
	readonly workflows: TriggerWorkflow[] = [];
	readonly startedAt = Date.now();
	sim!: ArgyleSimulator;
	e2e!: ArgyleE2e;

	async start(): Promise<void> {
		this.say('setup', `seed ${this.seed} (replay with ${SEED_ENV}=${this.seed}); sizes ${JSON.stringify(SIZES)}${FULL_SIZE ? '' : ' (REDUCED: development run)'}`);
		// deliveries of the load phase queue behind each other at concurrency 50: give them time
		this.sim = await ArgyleSimulator.start({ deliveryTimeoutMs: 120_000 });
		await this.n8n.start();
		this.figures.n8nVersion = this.n8n.version;
		const credential = await this.n8n.createCredential(CREDENTIAL_TYPE, 'Argyle simulator (reliability)', simulatorCredentialData(this.sim));
		this.e2e = new ArgyleE2e(this.n8n, this.sim, credential);
		this.say(
			'setup',
			`n8n ${this.n8n.version} at ${this.n8n.baseUrl} (pid ${this.n8n.pid}, sync activation, ${Object.entries(N8N_ENV)
				.map(([k, v]) => `${k}=${v}`)
				.join(' ')}), user folder ${this.n8n.userFolder}; simulator at ${this.sim.baseUrl}`,
		);
	}

	async stop(): Promise<void> {
		await this.n8n.dispose();
		await this.sim?.stop();
	}

	say(phase: string, text: string): void {
		process.stdout.write(`[reliability n8n ${this.n8n.version || '?'} seed ${this.seed}] ${phase}: ${text}\n`);
	}

	/** The secret the trigger derives for a workflow (what Argyle holds for its subscription). */
	derivedSecret(workflow: TriggerWorkflow, url = workflow.url): string {
		return deriveWebhookSecret(this.sim.apiKeySecret, workflow.id, workflow.nodeId, url);
	}

	sign(body: Buffer | string, secret: string): string {
		return createHmac('sha512', secret).update(body).digest('hex');
	}

	/** Remembers every secret the simulator holds now (and the derived secret of every workflow). */
	noteSecrets(): void {
		for (const subscription of this.sim.webhooks()) if (subscription.secret) this.webhookSecrets.add(subscription.secret);
		for (const call of this.sim.calls) {
			const body = call.body as { secret?: unknown } | null;
			if (call.method === 'POST' && body && typeof body.secret === 'string') this.webhookSecrets.add(body.secret);
		}
		for (const workflow of this.workflows) this.webhookSecrets.add(this.derivedSecret(workflow));
	}

	noteError(text: string | undefined): void {
		if (text) this.errorTexts.push(text);
	}

	/** Deactivates every workflow of the run that n8n reports active (clean-up after a phase, also after a failure). */
	async deactivateAll(): Promise<void> {
		if (!this.n8n.running) return;
		for (const workflow of this.workflows) {
			try {
				if ((await this.n8n.getWorkflow(workflow.id)).active) {
					const result = await this.n8n.deactivate(workflow.id);
					if (result.status !== 200) this.say('clean-up', `deactivating ${workflow.name} failed: HTTP ${result.status} ${JSON.stringify(result.body)}`);
				}
			} catch (error) {
				this.say('clean-up', `deactivating ${workflow.name} failed: ${(error as Error).message}`);
			}
		}
		this.noteSecrets();
	}

	async createWorkflow(name: string, events: string[]): Promise<TriggerWorkflow> {
		const workflow = await this.e2e.createTriggerWorkflow(name, { events });
		this.workflows.push(workflow);
		return workflow;
	}
}
