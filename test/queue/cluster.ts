/**
 * n8n 2.41.1 in queue mode on one machine, hermetic and on loopback only:
 *
 *   Redis (Bull queue + n8n's cache/pub-sub) and PostgreSQL: test/queue/services.ts, temporary folders
 *   main      `n8n start`    editor, REST and public API; activates workflows (sync activation by default), so the
 *                            trigger's checkExists/create/delete run here
 *   webhook   `n8n webhook`  ×2, production webhooks only; each request runs the trigger's webhook(),
 *                            which verifies the signature, and enqueues an execution
 *   worker    `n8n worker`   ×2, run the queued executions
 *
 * Every process is an N8nInstance of the e2e harness (command option) with its own user folder, our
 * package installed into <userFolder>/.n8n/nodes/node_modules/n8n-nodes-argyle, its own ports (HTTP or
 * worker health server, task-runner broker), and the same database, Redis, N8N_ENCRYPTION_KEY and
 * WEBHOOK_URL (webhook processor 1, which is where Argyle is told to deliver).
 */
import * as fs from 'node:fs';

import { N8nInstance, type ActivationMode, type N8nCommand } from '../e2e/harness/n8n';
import { freePorts } from '../e2e/harness/ports';
import { killAllServersSync, PostgresServer, RedisServer } from './services';

const activeClusters = new Set<QueueCluster>();
let signalHooksInstalled = false;
/**
 * n8n, Redis and PostgreSQL run in their own process groups, so a Ctrl-C or a SIGTERM to the test
 * process does not reach them: kill them by pid first, then let the signal do what it would have done.
 * (A normal exit is covered by the harness's and services.ts's process exit hooks.)
 */
function installSignalHooks(): void {
	if (signalHooksInstalled) return;
	signalHooksInstalled = true;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		const handler = () => {
			for (const cluster of activeClusters) cluster.killSync();
			killAllServersSync();
			process.removeListener(signal, handler);
			if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
		};
		process.on(signal, handler);
	}
}

export interface QueueClusterOptions {
	/** activation mode of every process (the harness's: 'sync' = N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false, default) */
	activation?: ActivationMode;
	webhookProcessors?: number;
	workers?: number;
	/** jobs one worker runs in parallel (N8N_CONCURRENCY_PRODUCTION_LIMIT on workers), default 10 */
	workerConcurrency?: number;
	/** extra environment for every n8n process */
	env?: Record<string, string | undefined>;
}

/** SIGTERM -> SIGKILL delay for webhook processors: longer than n8n's default graceful shutdown timeout (30 s). */
export const WEBHOOK_STOP_TIMEOUT_MS = 45_000;

/** The same for every process: an execution queued by one is decrypted and run by another. */
export const QUEUE_ENCRYPTION_KEY = 'argyle-queue-encryption-key-0123456789';

export interface Timings {
	[step: string]: number;
}

function elapsed(t0: number): number {
	return Date.now() - t0;
}

export class QueueCluster {
	redis: RedisServer | undefined;
	pg: PostgresServer | undefined;
	main!: N8nInstance;
	readonly webhooks: N8nInstance[] = [];
	readonly workers: N8nInstance[] = [];
	/** milliseconds per step (services, main boot, processors boot, restarts) */
	readonly timings: Timings = {};
	readonly options: Required<Omit<QueueClusterOptions, 'env'>> & { env: Record<string, string | undefined> };

	constructor(options: QueueClusterOptions = {}) {
		this.options = {
			activation: options.activation ?? 'sync',
			webhookProcessors: options.webhookProcessors ?? 2,
			workers: options.workers ?? 2,
			workerConcurrency: options.workerConcurrency ?? 10,
			env: { ...options.env },
		};
	}

	/** Every n8n process: main, webhook processors, workers. */
	get processes(): N8nInstance[] {
		return [...(this.main ? [this.main] : []), ...this.webhooks, ...this.workers];
	}

	/** Starts Redis + PostgreSQL, then the main process (runs the migrations), then the others in parallel. */
	async start(): Promise<void> {
		activeClusters.add(this);
		installSignalHooks();
		let t0 = Date.now();
		[this.redis, this.pg] = await Promise.all([RedisServer.start(), PostgresServer.start()]);
		this.timings.services = elapsed(t0);

		const { webhookProcessors, workers } = this.options;
		// two ports per process: HTTP (main, webhook) or health server (worker), and the task-runner broker
		const ports = await freePorts(2 * (1 + webhookProcessors + workers));
		const take = () => [ports.shift()!, ports.shift()!] as const;
		const mainPorts = take();
		const webhookPorts = Array.from({ length: webhookProcessors }, take);
		const workerPorts = Array.from({ length: workers }, take);
		const base = (port: number) => `http://127.0.0.1:${port}`;
		const webhookUrl = `${base(webhookPorts[0][0])}/`;

		const shared: Record<string, string | undefined> = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.pg.port),
			DB_POSTGRESDB_DATABASE: this.pg.database,
			DB_POSTGRESDB_USER: this.pg.user,
			DB_POSTGRESDB_PASSWORD: this.pg.password,
			DB_POSTGRESDB_SCHEMA: 'public',
			N8N_ENCRYPTION_KEY: QUEUE_ENCRYPTION_KEY,
			WEBHOOK_URL: webhookUrl,
			N8N_EDITOR_BASE_URL: `${base(mainPorts[0])}/`,
			...this.options.env,
		};

		const make = (command: N8nCommand, [port, brokerPort]: readonly [number, number], env: Record<string, string | undefined> = {}) => {
			const instance = new N8nInstance({
				command,
				activation: this.options.activation,
				env: { ...shared, ...env },
				// n8n 2.41.1 webhook processors can wait for executions the workers finished long ago (see
				// shutdownWaits); let n8n's own N8N_GRACEFUL_SHUTDOWN_TIMEOUT (30 s) end them, not our SIGKILL
				...(command === 'webhook' ? { stopTimeoutMs: WEBHOOK_STOP_TIMEOUT_MS } : {}),
			});
			instance.port = port;
			instance.brokerPort = brokerPort;
			instance.baseUrl = base(port);
			return instance;
		};
		this.main = make('start', mainPorts);
		for (const pair of webhookPorts) this.webhooks.push(make('webhook', pair));
		for (const pair of workerPorts) this.workers.push(make('worker', pair, { N8N_CONCURRENCY_PRODUCTION_LIMIT: String(this.options.workerConcurrency) }));

		t0 = Date.now();
		await this.main.start();
		this.timings.mainBoot = elapsed(t0);
		t0 = Date.now();
		await Promise.all([...this.webhooks, ...this.workers].map((instance) => instance.start()));
		this.timings.processorsBoot = elapsed(t0);
	}

	/** SIGKILL of every n8n process group at once and removal of their user folders (signal handlers). */
	killSync(): void {
		for (const instance of this.processes) instance.killSync();
		if (process.env.ARGYLE_E2E_KEEP === '1') return;
		for (const instance of this.processes) fs.rmSync(instance.userFolder, { recursive: true, force: true });
	}

	/** Stops every n8n process by pid (SIGTERM, SIGKILL after 20 s), then PostgreSQL and Redis; removes all temporary folders. */
	async stop(): Promise<void> {
		const errors: unknown[] = [];
		const settle = async (work: Array<Promise<unknown>>) => {
			for (const result of await Promise.allSettled(work)) if (result.status === 'rejected') errors.push(result.reason);
		};
		await settle([...this.webhooks, ...this.workers].map((instance) => instance.dispose()));
		if (this.main) await settle([this.main.dispose()]);
		await settle([this.pg?.stop(), this.redis?.stop()].filter((p): p is Promise<void> => p !== undefined));
		activeClusters.delete(this);
		if (errors.length) throw new AggregateError(errors, `stopping the queue cluster: ${errors.map(String).join('; ')}`);
	}
}

/** Execution ids a worker logged as finished ("Worker finished execution <id> (job <job>)", JobProcessor, level info). */
export function finishedExecutionIds(worker: N8nInstance): string[] {
	return [...worker.logs().matchAll(/Worker finished execution (\d+) \(job [^)]+\)/g)].map((match) => match[1]);
}

/** Execution ids a process logged as started by a worker ("Worker started execution <id> (job <job>)"). */
export function startedExecutionIds(instance: N8nInstance): string[] {
	return [...instance.logs().matchAll(/Worker started execution (\d+) \(job [^)]+\)/g)].map((match) => match[1]);
}

/**
 * What a process's graceful shutdown (after log offset `fromOffset`) waited for: the first
 * "Waiting for <n> active executions to finish..." of ActiveExecutions.shutdown(), or 0, and whether
 * n8n gave up ("Shutdown timed out after <s> seconds", N8N_GRACEFUL_SHUTDOWN_TIMEOUT).
 *
 * Observed with n8n 2.41.1 defaults: a webhook processor keeps ~10% of the executions it enqueued as
 * "active" although the workers finished them (they are `success` in the DB). WorkflowRunner.enqueueExecution
 * awaits Bull's job.finished(), which checks the completed set and otherwise waits for the next
 * global:completed event; with N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED=0 (default) the job is removed on
 * completion, so a job a worker completes before that check is never seen finishing. With
 * N8N_EXECUTIONS_QUEUE_KEEP_LAST_COMPLETED=5000 the same run left none. Not specific to our node.
 */
export function shutdownWaits(instance: N8nInstance, fromOffset = 0): { waitedFor: number; timedOut: boolean } {
	const text = instance.logs(fromOffset);
	const match = /Waiting for (\d+) active executions to finish/.exec(text);
	return { waitedFor: match ? Number(match[1]) : 0, timedOut: /Shutdown timed out after \d+ seconds/.test(text) };
}
