/**
 * Phase 3: a seeded sequence of lifecycle steps over three workflows with Argyle Triggers, in SYNC
 * activation (N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false), so activation errors surface as HTTP 400 and
 * every n8n start runs checkExists for each active workflow. (In outbox mode, n8n 2.41 calls no
 * webhook method at all at restart: a subscription lost while n8n was down is not noticed there.)
 *
 * The model the invariant is checked against, per workflow:
 *   active      what n8n must report (GET /rest/workflows/:id .active)
 *   events      the events saved in the trigger; its subscription must carry exactly these
 *   missing     its subscription was deleted behind n8n's back while n8n kept running: nothing can
 *               notice that until the next checkExists (activation of it, or an n8n start while it is
 *               active), so until then the simulator holds NO subscription for it; the step that heals
 *               it (reactivation, save, restart, kill) clears the flag, and the invariant then demands
 *               exactly one again
 *   planted     subscriptions the test planted with its URL (exact copies and variants): same story,
 *               they stay until the next checkExists of that workflow removes (or adopts) them
 * After every step: for each workflow the simulator holds `planted` plus exactly one subscription when
 * active and not missing (URL, events, name, secret = the derived one), none otherwise; nothing else
 * anywhere (orphans); one signed delivery per active trigger runs exactly once with its payload; a
 * forged one gets 401; an inactive trigger's URL gets 404. A step whose activation fails loudly (HTTP
 * 400 after the retries) must leave the workflow inactive with no subscription at all.
 */
import { createHmac } from 'node:crypto';

import { ALL_ACCOUNT_EVENTS, triggerItem, triggerParameters, TRIGGER_NAME, type TriggerWorkflow } from '../../e2e/support/argyle-e2e';
import type { ActivationResult } from '../../e2e/harness/n8n';
import type { CallRecord, WebhookSubscription } from '../../../simulator';
import type { SoakFigures } from './figures';
import { rawSend } from './raw-client';
import type { Rng } from './rng';
import { sleep, type ReliabilityRun } from './run';

export type StepKind =
	| 'activate'
	| 'deactivate'
	| 'save-events'
	| 'restart'
	| 'kill'
	| 'kill-mid-activation'
	| 'kill-mid-deactivation'
	| 'fault-5xx'
	| 'fault-429'
	| 'fault-persistent'
	| 'slow'
	| 'delete-behind'
	| 'plant-duplicate';

/** How many of each kind in 100 steps (scaled for other step counts). Restarts cost ~10-17 s each. */
export const DECK: Array<[StepKind, number]> = [
	['activate', 14],
	['deactivate', 12],
	['save-events', 14],
	['restart', 6],
	['kill', 2],
	['kill-mid-activation', 2],
	['kill-mid-deactivation', 2],
	['fault-5xx', 8],
	['fault-429', 8],
	['fault-persistent', 4],
	['slow', 8],
	['delete-behind', 10],
	['plant-duplicate', 10],
];

type PlantKind = 'exact-copy' | 'other-events' | 'no-secret' | 'other-name';

interface Tracked {
	label: string;
	wf: TriggerWorkflow;
	active: boolean;
	events: string[];
	missing: boolean;
	planted: Map<string, PlantKind>;
	/** accounts of the deliveries that must have run, in order */
	accounts: string[];
}

/** The soak's figures (as the report prints them) and its step log. */
export interface SoakResult extends SoakFigures {
	log: string[];
}

export class SoakViolation extends Error {}

const RETRY_TOLERANCE_MS = 30;
/** GET/POST /v2/webhooks exactly (a string path would also match /v2/webhooks/<id> as a prefix) */
const LIST_OR_CREATE = /^\/v2\/webhooks$/;

function sortedEvents(events: string[]): string[] {
	return [...events].sort();
}

function sameEvents(a: string[], b: string[]): boolean {
	const x = sortedEvents(a);
	const y = sortedEvents(b);
	return x.length === y.length && x.every((event, index) => event === y[index]);
}

export class Soak {
	private readonly rng: Rng;
	private readonly tracked: Tracked[] = [];
	private readonly log: string[] = [];
	private stepNo = 0;
	/** the counters so far (also readable when a step failed) */
	readonly result: Omit<SoakResult, 'log' | 'durationMs' | 'steps'> = {
		byKind: {},
		restarts: 0,
		kills: 0,
		faultsInjected: 0,
		activationsFailedLoudly: 0,
		retryAfterChecks: 0,
		deliveriesVerified: 0,
		forgedRejected: 0,
		inactiveRejected: 0,
		subscriptionChecks: 0,
		orphans: 0,
		duplicateSubscriptions: 0,
		duplicateExecutions: 0,
	};
	/** URLs whose subscriptions are accounted for by the model (everything else is an orphan) */
	private readonly urls = new Set<string>();

	constructor(private readonly run: ReliabilityRun) {
		this.rng = run.rng.fork('soak');
	}

	private get n8n() {
		return this.run.n8n;
	}

	private get sim() {
		return this.run.sim;
	}

	private fail(message: string): never {
		throw new SoakViolation(`soak step ${this.stepNo} (seed ${this.run.seed}): ${message}\nlast steps:\n${this.log.slice(-8).join('\n')}\nsimulator subscriptions: ${JSON.stringify(this.sim.webhooks().map((s) => ({ id: s.id, url: s.url, events: s.events, name: s.name })))}\nn8n log tail:\n${this.n8n.logTail(30)}`);
	}

	async setUp(): Promise<void> {
		const initial: Array<[string, string[]]> = [
			['A', ['accounts.added', 'accounts.removed']],
			['B', ['accounts.failed']],
			['C', ['accounts.connected', 'accounts.updated']],
		];
		for (const [label, events] of initial) {
			const wf = await this.run.createWorkflow(`Reliability soak ${label}`, events);
			this.tracked.push({ label, wf, active: false, events, missing: false, planted: new Map(), accounts: [] });
			this.urls.add(wf.url);
		}
	}

	/** The deck for `steps` steps: the DECK mix scaled, in a seeded order. */
	deck(steps: number): StepKind[] {
		const total = DECK.reduce((sum, [, count]) => sum + count, 0);
		const kinds: StepKind[] = [];
		for (const [kind, count] of DECK) for (let i = 0; i < Math.max(1, Math.round((count * steps) / total)); i++) kinds.push(kind);
		while (kinds.length > steps) kinds.splice(kinds.indexOf('activate'), 1);
		while (kinds.length < steps) kinds.push('activate');
		return this.rng.shuffle(kinds);
	}

	async runAll(steps: number, budgetMs: number): Promise<SoakResult> {
		const t0 = Date.now();
		await this.setUp();
		const deck = this.deck(steps);
		for (const kind of deck) {
			if (Date.now() - t0 > budgetMs) this.fail(`the soak did not finish within ${budgetMs / 1000} s`);
			this.stepNo++;
			const stepStart = Date.now();
			const done = await this.step(kind);
			await this.verify();
			this.run.noteSecrets();
			const line = `[soak ${String(this.stepNo).padStart(3)}/${deck.length}] ${done.padEnd(58)} | ${this.tracked.map((t) => `${t.label}:${t.active ? 'on' : 'off'}${t.missing ? '(lost)' : ''}${t.planted.size ? `+${t.planted.size}planted` : ''} subs=${this.subsFor(t).length} runs=${t.accounts.length}`).join(' ')} | ${((Date.now() - stepStart) / 1000).toFixed(1)} s`;
			this.log.push(line);
			process.stdout.write(`${line}\n`);
		}
		// heal everything, check, then take everything down: nothing may be left at Argyle
		this.stepNo++;
		for (const t of this.tracked) if (!t.active) await this.activate(t);
		await this.restartN8n('restart');
		await this.verify();
		for (const t of this.tracked) if (this.subsFor(t).length !== 1) this.fail(`after the final heal ${t.label} has ${this.subsFor(t).length} subscriptions`);
		for (const t of this.tracked) await this.deactivate(t);
		await this.verify();
		const left = this.sim.webhooks();
		this.result.orphans += left.length;
		if (left.length) this.fail(`after deactivating everything the simulator still holds ${left.length} subscriptions: ${JSON.stringify(left)}`);
		this.log.push(`[soak final] healed (activate all + restart: exactly one subscription each), then deactivated all: ${left.length} subscriptions left`);
		process.stdout.write(`${this.log[this.log.length - 1]}\n`);
		return { ...this.result, steps: deck.length, log: this.log, durationMs: Date.now() - t0 };
	}

	// ---------------------------------------------------------------------------------------------
	// model helpers
	// ---------------------------------------------------------------------------------------------

	private subsFor(t: Tracked): WebhookSubscription[] {
		return this.sim.webhooks('v2').filter((s) => s.url === t.wf.url);
	}

	/** checkExists ran for this workflow: lost and planted ones are healed */
	private healed(t: Tracked): void {
		t.missing = false;
		t.planted.clear();
	}

	private spec(t: Tracked) {
		return { url: t.wf.url, events: sortedEvents(t.events), name: `n8n: ${t.wf.name}`, secret: this.run.derivedSecret(t.wf) };
	}

	private pick<T>(items: T[]): T | undefined {
		return items.length ? this.rng.pick(items) : undefined;
	}

	private expectOk(what: string, result: ActivationResult): void {
		if (result.status !== 200) {
			this.run.noteError(JSON.stringify(result.body));
			this.fail(`${what} failed: HTTP ${result.status} ${JSON.stringify(result.body)}`);
		}
	}

	// ---------------------------------------------------------------------------------------------
	// operations (each updates the model with what must be true afterwards)
	// ---------------------------------------------------------------------------------------------

	private async activate(t: Tracked): Promise<ActivationResult> {
		const result = await this.n8n.activate(t.wf.id);
		this.expectOk(`activating ${t.label}`, result);
		t.active = true;
		this.healed(t);
		return result;
	}

	private async deactivate(t: Tracked): Promise<void> {
		this.expectOk(`deactivating ${t.label}`, await this.n8n.deactivate(t.wf.id));
		t.active = false;
		t.missing = false; // its own subscription is gone (or was already); planted ones stay
	}

	/** Saves other events (PATCH) and publishes them (activate): returns the raw activation answer. */
	private async saveEvents(t: Tracked, events: string[]): Promise<ActivationResult> {
		const current = await this.n8n.getWorkflow(t.wf.id);
		const nodes = current.nodes.map((node) => (node.name === TRIGGER_NAME ? { ...node, parameters: triggerParameters({ events }) } : node));
		const saved = await this.n8n.updateWorkflow(t.wf.id, { name: current.name, nodes, connections: current.connections });
		t.events = events;
		return await this.n8n.activate(t.wf.id, { versionId: saved.versionId });
	}

	private otherEvents(t: Tracked): string[] {
		for (;;) {
			const events = this.rng.subset([...ALL_ACCOUNT_EVENTS]);
			if (!sameEvents(events, t.events)) return events;
		}
	}

	/**
	 * n8n answers /healthz/readiness (and N8nInstance.start() returns) BEFORE it has run the start-up
	 * activation of active workflows (ActiveWorkflowManager.init, sync mode); it logs "Editor is now
	 * accessible via" right after that finished. Until then their webhooks answer 404.
	 */
	private async startSettled(): Promise<void> {
		const mark = this.n8n.logMark();
		await this.n8n.start();
		await this.n8n.waitForLog('Editor is now accessible via', 120_000, mark);
	}

	private async restartN8n(kind: 'restart' | 'kill'): Promise<void> {
		const pid = this.n8n.pid;
		if (kind === 'restart') {
			await this.n8n.stop();
			await this.startSettled();
			this.result.restarts++;
		} else {
			await this.n8n.kill();
			await this.startSettled();
			this.result.kills++;
		}
		if (this.n8n.pid === pid) this.fail(`n8n did not come back as a new process after ${kind}`);
		for (const t of this.tracked) if (t.active) this.healed(t);
	}

	/** An activation-type operation on t: activate when inactive, else save other events (re-publish). */
	private async publish(t: Tracked): Promise<{ what: string; result: ActivationResult }> {
		if (!t.active) return { what: 'activate', result: await this.n8n.activate(t.wf.id) };
		const events = this.otherEvents(t);
		return { what: `save events [${events.join(',')}]`, result: await this.saveEvents(t, events) };
	}

	/** Whether checkExists will find an exact copy to adopt (then create() is never called). */
	private willAdopt(t: Tracked): boolean {
		return [...t.planted.values()].includes('exact-copy');
	}

	private callsSince(index: number): CallRecord[] {
		return this.sim.calls.slice(index);
	}

	/** Checks the gaps after faulted calls: the retry of the same call comes no earlier than asked. */
	private checkRetryGaps(calls: CallRecord[], minGapMs: (faulted: CallRecord, nth: number) => number, maxGapMs: number): number {
		let checked = 0;
		let nth = 0;
		calls.forEach((call, index) => {
			if (!call.faulted || call.status < 400) return;
			nth++;
			const retry = calls.slice(index + 1).find((c) => c.method === call.method && c.path === call.path);
			if (!retry) return;
			const gap = retry.at - call.at;
			const min = minGapMs(call, nth);
			if (gap < min - RETRY_TOLERANCE_MS) this.fail(`${call.method} ${call.path} was retried ${gap} ms after its ${call.status}, expected at least ${min} ms`);
			if (gap > min + maxGapMs) this.fail(`${call.method} ${call.path} was retried only after ${gap} ms (expected about ${min} ms)`);
			checked++;
		});
		return checked;
	}

	// ---------------------------------------------------------------------------------------------
	// steps
	// ---------------------------------------------------------------------------------------------

	private async step(kind: StepKind): Promise<string> {
		const inactive = this.tracked.filter((t) => !t.active);
		const active = this.tracked.filter((t) => t.active);
		const withSub = active.filter((t) => !t.missing);
		// kinds that need a certain state fall back to one that applies
		if (kind === 'deactivate' && !active.length) kind = 'activate';
		if (kind === 'kill-mid-activation' && !inactive.length) kind = 'kill';
		if (kind === 'kill-mid-deactivation' && !withSub.length) kind = 'kill';
		if (kind === 'delete-behind' && !withSub.length) kind = 'plant-duplicate';
		if (kind === 'fault-persistent' && !this.tracked.some((t) => t.planted.size === 0)) kind = 'fault-429';
		this.result.byKind[kind] = (this.result.byKind[kind] ?? 0) + 1;

		switch (kind) {
			case 'activate': {
				const t = (inactive.length && this.rng.chance(0.75) ? this.pick(inactive) : this.pick(this.tracked))!;
				const was = t.active;
				await this.activate(t);
				return `${kind} ${t.label}${was ? ' (already active: re-publish)' : ''}`;
			}
			case 'deactivate': {
				const t = this.pick(active)!;
				await this.deactivate(t);
				return `${kind} ${t.label}`;
			}
			case 'save-events': {
				const t = this.pick(this.tracked)!;
				const events = this.otherEvents(t);
				this.expectOk(`saving ${t.label}`, await this.saveEvents(t, events));
				t.active = true;
				this.healed(t);
				return `${kind} ${t.label} -> [${events.join(',')}]`;
			}
			case 'restart':
			case 'kill': {
				await this.restartN8n(kind);
				return `${kind === 'restart' ? 'restart n8n (SIGTERM)' : 'kill n8n (SIGKILL) + start'}`;
			}
			case 'kill-mid-activation':
				return await this.killMidActivation(this.pick(inactive)!);
			case 'kill-mid-deactivation':
				return await this.killMidDeactivation(this.pick(withSub)!);
			case 'fault-5xx':
			case 'fault-429':
				return await this.transientFault(kind);
			case 'fault-persistent':
				return await this.persistentFault(this.pick(this.tracked.filter((t) => t.planted.size === 0))!);
			case 'slow':
				return await this.slow();
			case 'delete-behind': {
				const t = this.pick(withSub)!;
				const own = this.subsFor(t).filter((s) => !t.planted.has(s.id));
				if (own.length !== 1) this.fail(`${t.label} should have exactly one own subscription before delete-behind, has ${own.length}`);
				this.sim.removeWebhook(own[0].id);
				t.missing = true;
				return `${kind} ${t.label} (${own[0].id} removed at Argyle)`;
			}
			case 'plant-duplicate': {
				const t = this.pick(this.tracked)!;
				const plant = this.rng.pick(['exact-copy', 'exact-copy', 'other-events', 'no-secret', 'other-name'] as const);
				const spec = this.spec(t);
				const secret = plant === 'no-secret' ? null : plant === 'exact-copy' ? spec.secret : createHmac('sha256', 'planted').update(this.rng.hex(16)).digest('hex');
				const planted = this.sim.plantWebhook({
					url: t.wf.url,
					events: plant === 'other-events' ? this.otherEvents(t) : spec.events,
					name: plant === 'other-name' ? `someone else's ${this.rng.hex(4)}` : spec.name,
					secret,
				});
				t.planted.set(planted.id, plant);
				return `${kind} ${t.label} (${plant})`;
			}
		}
	}

	private async killMidActivation(t: Tracked): Promise<string> {
		// delay the create (or, when an exact copy will be adopted, the list) long enough to kill n8n inside it
		const adopt = this.willAdopt(t);
		const method = adopt ? 'GET' : 'POST';
		this.sim.injectFault({ method, path: LIST_OR_CREATE, delayMs: 4_000, times: 1 });
		this.result.faultsInjected++;
		const from = this.sim.calls.length;
		const activation = this.n8n.activate(t.wf.id).catch((error: unknown) => ({ status: 0, body: String(error) }) as ActivationResult);
		const call = await this.waitForCall(from, (c) => c.method === method && c.path === '/v2/webhooks' && c.faulted);
		await this.n8n.kill();
		this.result.kills++;
		await activation;
		// Argyle finishes what it was asked before n8n comes back (the delayed call completes; its
		// answer goes nowhere, so wait for the delay itself)
		await this.waitFor(() => Date.now() > call.at + 4_300, 'the delayed call to complete', 15_000);
		if (method === 'POST' && !this.subsFor(t).some((s) => !t.planted.has(s.id))) this.fail('the interrupted create did not reach the simulator');
		this.sim.clearFaults();
		await this.startSettled();
		// sync activation stores active=true before calling the trigger: n8n comes back with it active
		// and its start-up checkExists adopts what the interrupted create stored (or creates it)
		t.active = true;
		for (const other of this.tracked) if (other.active) this.healed(other);
		return `kill-mid-activation ${t.label} (SIGKILL inside the delayed ${method}, start)`;
	}

	private async killMidDeactivation(t: Tracked): Promise<string> {
		const own = this.subsFor(t).filter((s) => !t.planted.has(s.id));
		if (own.length !== 1) this.fail(`${t.label} should have exactly one own subscription, has ${own.length}`);
		this.sim.injectFault({ method: 'DELETE', path: `/v2/webhooks/${own[0].id}`, delayMs: 4_000, times: 1 });
		this.result.faultsInjected++;
		const from = this.sim.calls.length;
		const deactivation = this.n8n.deactivate(t.wf.id).catch((error: unknown) => ({ status: 0, body: String(error) }) as ActivationResult);
		const call = await this.waitForCall(from, (c) => c.method === 'DELETE' && c.faulted);
		await this.n8n.kill();
		this.result.kills++;
		await deactivation;
		await this.waitFor(() => Date.now() > call.at + 4_300 && !this.subsFor(t).some((s) => s.id === own[0].id), 'the delayed DELETE to complete', 15_000);
		this.sim.clearFaults();
		await this.startSettled();
		// sync deactivation removes the triggers before it stores active=false: killed in between, the
		// workflow is still active in n8n, and the start-up checkExists creates its subscription again
		t.active = true;
		for (const other of this.tracked) if (other.active) this.healed(other);
		return `kill-mid-deactivation ${t.label} (SIGKILL inside the delayed DELETE, start)`;
	}

	private async transientFault(kind: 'fault-5xx' | 'fault-429'): Promise<string> {
		const t = this.pick(this.tracked)!;
		const method = this.willAdopt(t) ? 'GET' : this.rng.pick(['GET', 'POST'] as const);
		const times = this.rng.int(1, 2);
		const status = kind === 'fault-429' ? 429 : this.rng.pick([500, 502, 503]);
		const retryAfter = kind === 'fault-429' ? this.rng.int(1, 2) : undefined;
		this.sim.injectFault({ method, path: LIST_OR_CREATE, status, times, ...(retryAfter ? { retryAfterSeconds: retryAfter } : {}) });
		this.result.faultsInjected++;
		const from = this.sim.calls.length;
		const { what, result } = await this.publish(t);
		this.expectOk(`${what} of ${t.label} with ${times}× ${status} on ${method}`, result);
		t.active = true;
		this.healed(t);
		if (this.sim.faultList().length) this.fail(`the injected fault was not consumed: ${JSON.stringify(this.sim.faultList())}`);
		const calls = this.callsSince(from).filter((c) => c.path === '/v2/webhooks');
		const faulted = calls.filter((c) => c.faulted);
		if (faulted.length !== times) this.fail(`expected ${times} faulted calls, saw ${faulted.length}`);
		// DEFAULT_RETRY: 1 s, 2 s, ... unless Retry-After says otherwise
		this.result.retryAfterChecks += this.checkRetryGaps(calls, (_call, nth) => (retryAfter ? retryAfter * 1000 : 1000 * 2 ** (nth - 1)), 10_000);
		if (method === 'POST' && status >= 500) {
			// a create that failed with 5xx may have been stored: the trigger lists before it posts again
			const firstPost = calls.findIndex((c) => c.method === 'POST' && c.faulted);
			const retry = calls.findIndex((c, index) => index > firstPost && c.method === 'POST');
			if (!calls.slice(firstPost + 1, retry).some((c) => c.method === 'GET')) this.fail('after a 5xx on create, no list call before the retry');
		}
		if (method === 'POST' && status === 429) {
			const firstPost = calls.findIndex((c) => c.method === 'POST' && c.faulted);
			const retry = calls.findIndex((c, index) => index > firstPost && c.method === 'POST');
			if (calls.slice(firstPost + 1, retry).some((c) => c.method === 'GET')) this.fail('after a 429 on create the trigger listed before retrying (a 429 means nothing was stored)');
		}
		return `${kind} ${t.label}: ${what} with ${times}× ${status}${retryAfter ? ` Retry-After ${retryAfter}s` : ''} on ${method} -> retried, 200`;
	}

	private async persistentFault(t: Tracked): Promise<string> {
		const status = this.rng.chance(0.75) ? 429 : 503;
		this.sim.injectFault({ method: 'POST', path: LIST_OR_CREATE, status, times: 20, ...(status === 429 ? { retryAfterSeconds: 1 } : {}) });
		this.result.faultsInjected++;
		const from = this.sim.calls.length;
		const started = Date.now();
		const { what, result } = await this.publish(t);
		const took = Date.now() - started;
		this.sim.clearFaults();
		if (result.status !== 400) this.fail(`${what} of ${t.label} under a persistent ${status} answered ${result.status} ${JSON.stringify(result.body)}; expected 400 (fail loudly)`);
		this.run.noteError(result.message);
		this.run.noteError(JSON.stringify(result.body));
		const expected = status === 429 ? /rate-limiting \(429\).* after 5 attempts/ : /failed \(HTTP 503\).* after 5 attempts/;
		if (!expected.test(result.message ?? '')) this.fail(`unexpected activation error: ${result.message}`);
		if (took > 70_000) this.fail(`failing took ${took} ms (retry budget is 60 s)`);
		const posts = this.callsSince(from).filter((c) => c.method === 'POST' && c.path === '/v2/webhooks');
		if (posts.length !== 5) this.fail(`expected 5 create attempts (1 + 4 retries), saw ${posts.length}`);
		this.result.retryAfterChecks += this.checkRetryGaps(
			this.callsSince(from).filter((c) => c.path === '/v2/webhooks'),
			(_call, nth) => (status === 429 ? 1000 : 1000 * 2 ** (nth - 1)),
			10_000,
		);
		t.active = false;
		t.missing = false;
		this.result.activationsFailedLoudly++;
		return `fault-persistent ${t.label}: ${what} under ${status}${status === 429 ? ' Retry-After 1s' : ''} -> 400 after ${(took / 1000).toFixed(1)} s, inactive`;
	}

	private async slow(): Promise<string> {
		const delayMs = this.rng.int(1_500, 3_000);
		const active = this.tracked.filter((t) => t.active && !t.missing);
		if (active.length && this.rng.chance(0.35)) {
			const t = this.pick(active)!;
			const own = this.subsFor(t).find((s) => !t.planted.has(s.id));
			if (!own) this.fail(`${t.label} has no own subscription to delete slowly`);
			this.sim.injectFault({ method: 'DELETE', path: `/v2/webhooks/${own.id}`, delayMs, times: 1 });
			this.result.faultsInjected++;
			const started = Date.now();
			await this.deactivate(t);
			const took = Date.now() - started;
			if (took < delayMs) this.fail(`deactivation returned after ${took} ms although DELETE was delayed ${delayMs} ms`);
			return `slow ${t.label}: deactivate with DELETE delayed ${delayMs} ms -> ${took} ms`;
		}
		const t = this.pick(this.tracked)!;
		const method = this.willAdopt(t) ? 'GET' : this.rng.pick(['GET', 'POST'] as const);
		this.sim.injectFault({ method, path: LIST_OR_CREATE, delayMs, times: 1 });
		this.result.faultsInjected++;
		const started = Date.now();
		const { what, result } = await this.publish(t);
		const took = Date.now() - started;
		this.expectOk(`${what} of ${t.label} with a slow ${method}`, result);
		t.active = true;
		this.healed(t);
		if (this.sim.faultList().length) this.fail(`the slow fault was not consumed: ${JSON.stringify(this.sim.faultList())}`);
		if (took < delayMs) this.fail(`activation returned after ${took} ms although ${method} was delayed ${delayMs} ms`);
		return `slow ${t.label}: ${what} with ${method} delayed ${delayMs} ms -> ${took} ms`;
	}

	private async waitForCall(from: number, match: (call: CallRecord) => boolean): Promise<CallRecord> {
		return await this.waitFor(() => this.sim.calls.slice(from).find(match), 'the delayed call to reach the simulator', 30_000);
	}

	private async waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs: number): Promise<T> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const value = check();
			if (value !== undefined && value !== false) return value;
			if (Date.now() > deadline) this.fail(`timed out waiting for ${what}`);
			await sleep(50);
		}
	}

	// ---------------------------------------------------------------------------------------------
	// the invariant
	// ---------------------------------------------------------------------------------------------

	private async verify(): Promise<void> {
		if (!this.n8n.running) this.fail('n8n is not running');
		const all = this.sim.webhooks();
		const orphans = all.filter((s) => !this.urls.has(s.url));
		if (orphans.length) {
			this.result.orphans += orphans.length;
			this.fail(`subscriptions nobody accounts for: ${JSON.stringify(orphans)}`);
		}
		for (const t of this.tracked) {
			const saved = await this.n8n.getWorkflow(t.wf.id);
			if (saved.active !== t.active) this.fail(`n8n says ${t.label} is ${saved.active ? 'active' : 'inactive'}, expected ${t.active ? 'active' : 'inactive'}`);
			const subs = all.filter((s) => s.url === t.wf.url);
			for (const id of t.planted.keys()) if (!subs.some((s) => s.id === id)) this.fail(`${t.label}: planted subscription ${id} disappeared without a checkExists`);
			const own = subs.filter((s) => !t.planted.has(s.id));
			const expected = t.active && !t.missing ? 1 : 0;
			this.result.subscriptionChecks++;
			if (own.length !== expected) {
				if (own.length > expected) this.result.duplicateSubscriptions += own.length - expected;
				if (!t.active && own.length) this.result.orphans += own.length;
				this.fail(`${t.label} (${t.active ? 'active' : 'inactive'}${t.missing ? ', lost behind n8n' : ''}) has ${own.length} own subscriptions, expected ${expected}: ${JSON.stringify(own)}`);
			}
			if (expected === 1) {
				const spec = this.spec(t);
				const sub = own[0];
				if (!sameEvents(sub.events, spec.events) || sub.name !== spec.name || sub.secret !== spec.secret || Boolean(sub.config?.include_resource)) {
					this.fail(`${t.label}'s subscription does not match the trigger: ${JSON.stringify(sub)} vs events ${spec.events.join(',')}, name ${spec.name}`);
				}
			}
		}
		await this.verifyDeliveries();
	}

	private async verifyDeliveries(): Promise<void> {
		const sends: Array<Promise<void>> = [];
		for (const t of this.tracked) {
			const account = this.rng.uuid();
			const event = this.rng.pick(t.events);
			if (t.active) {
				t.accounts.push(account);
				const own = this.subsFor(t).find((s) => !t.planted.has(s.id));
				sends.push(
					(async () => {
						if (own) {
							const results = await this.sim.deliver(event, { account, user: this.rng.uuid(), step: this.stepNo }, { only: own.id });
							if (results.length !== 1 || results[0].status !== 200) this.fail(`delivery to ${t.label} answered ${JSON.stringify(results.map((r) => [r.status, r.responseBody, r.error]))}`);
						} else {
							// lost behind n8n's back: Argyle cannot deliver, but n8n still serves the URL
							const body = Buffer.from(JSON.stringify({ event, name: `n8n: ${t.wf.name}`, data: { account, step: this.stepNo } }));
							const answer = await rawSend(t.wf.url, { headers: [['Content-Type', 'application/json'], ['X-Argyle-Signature', this.run.sign(body, this.run.derivedSecret(t.wf))]], body });
							if (answer.status !== 200) this.fail(`direct signed delivery to ${t.label} answered ${answer.status} ${answer.text}`);
						}
						const forgedBody = Buffer.from(JSON.stringify({ event, name: 'forged', data: { account: `forged-${account}` } }));
						const forged = await rawSend(t.wf.url, { headers: [['Content-Type', 'application/json'], ['X-Argyle-Signature', this.run.sign(forgedBody, 'not-the-secret')]], body: forgedBody });
						if (forged.status !== 401) this.fail(`a forged delivery to ${t.label} answered ${forged.status} ${forged.text}`);
						this.result.forgedRejected++;
					})(),
				);
			} else {
				sends.push(
					(async () => {
						const body = Buffer.from(JSON.stringify({ event, name: `n8n: ${t.wf.name}`, data: { account: `inactive-${account}` } }));
						const answer = await rawSend(t.wf.url, { headers: [['Content-Type', 'application/json'], ['X-Argyle-Signature', this.run.sign(body, this.run.derivedSecret(t.wf))]], body });
						if (answer.status !== 404) this.fail(`a signed delivery to inactive ${t.label} answered ${answer.status} ${answer.text}`);
						this.result.inactiveRejected++;
					})(),
				);
			}
		}
		await Promise.all(sends);
		for (const t of this.tracked) {
			const deadline = Date.now() + 30_000;
			for (;;) {
				const executions = await this.n8n.executions(t.wf.id, { includeData: true });
				const finished = executions.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
				if (finished.length >= t.accounts.length || Date.now() > deadline) {
					const seen = finished.map((e) => String(triggerItem(e)?.account));
					const counts = new Map<string, number>();
					for (const account of seen) counts.set(account, (counts.get(account) ?? 0) + 1);
					const duplicated = [...counts].filter(([, n]) => n > 1);
					if (duplicated.length) {
						this.result.duplicateExecutions += duplicated.length;
						this.fail(`${t.label}: deliveries ran twice: ${JSON.stringify(duplicated)}`);
					}
					const missing = t.accounts.filter((account) => !counts.has(account));
					const extra = seen.filter((account) => !t.accounts.includes(account));
					if (missing.length || extra.length) this.fail(`${t.label}: executions do not match the deliveries: missing ${JSON.stringify(missing)}, unexpected ${JSON.stringify(extra)}`);
					const failed = finished.filter((e) => e.status !== 'success');
					if (failed.length) this.fail(`${t.label}: executions not successful: ${failed.map((e) => `${e.id}:${e.status}`).join(', ')}`);
					break;
				}
				await sleep(150);
			}
		}
		this.result.deliveriesVerified += this.tracked.filter((t) => t.active).length;
	}
}
