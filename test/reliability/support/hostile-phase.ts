/**
 * Phase 1: hostile deliveries straight at the production webhook URL of an active Argyle Trigger,
 * with validly signed deliveries interleaved. Collects everything; the test asserts.
 */
import { isDeepStrictEqual } from 'node:util';

import { triggerItem, type TriggerWorkflow } from '../../e2e/support/argyle-e2e';
import type { Execution } from '../../e2e/harness/n8n';
import { HostileGenerator, type Expectation, type HostileCase, type ValidCase } from './hostile';
import { rawSend, type RawAnswer } from './raw-client';
import { sleep, type ReliabilityRun } from './run';

/** n8n log lines that mean a crash, an unhandled error, or our node throwing inside webhook(). */
export const PROBLEM_LINE =
	/unhandled|uncaught|fatal error|segmentation fault|out of memory|maximum call stack|exited: code|Workflow Webhook Error|Workflow could not be started|ERR_INTERNAL_ASSERTION/i;

export interface CaseOutcome {
	hostile: HostileCase;
	answer: RawAnswer;
	ok: boolean;
	problem?: string;
}

export interface HostileResult {
	target: TriggerWorkflow;
	other: TriggerWorkflow;
	outcomes: CaseOutcome[];
	valid: Array<{ valid: ValidCase; answer: RawAnswer }>;
	executions: Execution[];
	otherExecutions: Execution[];
	/** executions that carry none of the valid deliveries' accounts (started by hostile requests) */
	hostileExecutions: Execution[];
	validExecutedAccounts: Map<string, number>;
	payloadMismatches: string[];
	/** valid deliveries whose execution succeeded with exactly the expected item */
	payloadOk: number;
	logProblems: string[];
	pidBefore: number | undefined;
	pidAfter: number | undefined;
	readyAfter: boolean;
	durationMs: number;
}

function messageOf(answer: RawAnswer): string | undefined {
	try {
		const parsed = JSON.parse(answer.text) as { message?: unknown };
		return typeof parsed.message === 'string' ? parsed.message : undefined;
	} catch {
		return undefined;
	}
}

export function judge(hostile: HostileCase, answer: RawAnswer): string | undefined {
	const problem = judgeOne(hostile.expect, answer);
	if (problem === undefined || hostile.expect.or === undefined) return problem;
	return judgeOne(hostile.expect.or, answer) === undefined ? undefined : `${problem}; nor ${hostile.expect.or.status} (${hostile.expect.or.why})`;
}

function judgeOne(expect: Expectation, answer: RawAnswer): string | undefined {
	if (answer.status === 0 && expect.mayHang) return undefined;
	if (answer.status !== expect.status) return `expected ${expect.status} (${expect.by}: ${expect.why}), got ${answer.status || answer.error} ${answer.text.slice(0, 160)}`;
	if (expect.message !== undefined && messageOf(answer) !== expect.message) return `expected message "${expect.message}", got ${answer.text.slice(0, 160)}`;
	if (expect.contains !== undefined && !answer.text.includes(expect.contains)) return `expected an answer containing "${expect.contains}", got ${answer.text.slice(0, 160)}`;
	return undefined;
}

export async function runHostile(run: ReliabilityRun, total: number, concurrency = 4): Promise<HostileResult> {
	const { n8n, sim } = run;
	const t0 = Date.now();
	const target = await run.createWorkflow('Reliability hostile target', ['accounts.added', 'accounts.failed']);
	const other = await run.createWorkflow('Reliability other subscription', ['accounts.connected']);
	await run.e2e.activateOk(target);
	await run.e2e.activateOk(other);
	const secret = run.e2e.onlySubscription(target.url).secret;
	const otherSecret = run.e2e.onlySubscription(other.url).secret;
	if (!secret || !otherSecret) throw new Error('the simulator holds no secret for the trigger subscriptions');
	run.noteSecrets();

	try {
		return await sendAndCollect(run, target, other, secret, otherSecret, total, concurrency, t0);
	} finally {
		// leave no subscription behind for the phases that follow, whatever happened
		for (const workflow of [target, other]) {
			const result = await n8n.deactivate(workflow.id).catch((error: unknown) => ({ status: 0, body: String(error) }));
			if (result.status !== 200) run.say('hostile', `deactivating ${workflow.name} failed: HTTP ${result.status} ${JSON.stringify(result.body)}`);
		}
		run.noteSecrets();
	}
}

async function sendAndCollect(run: ReliabilityRun, target: TriggerWorkflow, other: TriggerWorkflow, secret: string, otherSecret: string, total: number, concurrency: number, t0: number): Promise<HostileResult> {
	const { n8n, sim } = run;
	const generator = new HostileGenerator(run.rng.fork('hostile'), {
		secret,
		otherSecret,
		apiKeySecret: sim.apiKeySecret,
		selected: ['accounts.added', 'accounts.failed'],
		unselected: ['accounts.connected', 'accounts.updated', 'accounts.removed'],
	});
	const built = generator.build(total);
	const serial = built.flatMap((entry) => (entry.kind === 'hostile' && entry.case.serial ? [entry.case] : []));
	const sequence = built.filter((entry) => !(entry.kind === 'hostile' && entry.case.serial));
	const hostileCount = built.filter((entry) => entry.kind === 'hostile').length;
	run.say('hostile', `${hostileCount} hostile requests (${serial.length} of them with xml content types, sent one at a time afterwards) + ${generator.valid.length} valid deliveries interleaved, concurrency ${concurrency}, to ${target.url}`);

	const pidBefore = n8n.pid;
	const mark = n8n.logMark();
	const outcomes: CaseOutcome[] = [];
	const valid: Array<{ valid: ValidCase; answer: RawAnswer }> = [];
	const deadline = Date.now() + 8 * 60_000;
	let next = 0;
	const worker = async () => {
		for (;;) {
			const index = next++;
			if (index >= sequence.length) return;
			if (Date.now() > deadline) throw new Error(`hostile phase: still sending after 8 minutes (${index}/${sequence.length}); aborting`);
			const entry = sequence[index];
			if (entry.kind === 'valid') {
				const answer = await rawSend(target.url, entry.case.request);
				valid.push({ valid: entry.case, answer });
				if (answer.status !== 200) run.noteError(answer.text);
			} else {
				const answer = await rawSend(target.url + (entry.case.urlSuffix ?? ''), entry.case.request);
				const problem = judge(entry.case, answer);
				outcomes.push({ hostile: entry.case, answer, ok: problem === undefined, ...(problem ? { problem } : {}) });
				if (answer.status >= 400) run.noteError(answer.text);
			}
			if ((index + 1) % 250 === 0) run.say('hostile', `${index + 1}/${sequence.length} sent`);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	// xml content types one at a time (see HostileCase.serial)
	for (const entry of serial) {
		const answer = await rawSend(target.url + (entry.urlSuffix ?? ''), entry.request);
		const problem = judge(entry, answer);
		outcomes.push({ hostile: entry, answer, ok: problem === undefined, ...(problem ? { problem } : {}) });
		if (answer.status >= 400) run.noteError(answer.text);
	}

	// let late executions land, then read everything back
	await sim.idle();
	const expected = valid.filter((entry) => entry.answer.status === 200).length;
	try {
		await n8n.waitForExecutions(target.id, expected, 60_000);
	} catch {
		// counted below
	}
	await sleep(3_000);
	const executions = await n8n.executions(target.id, { includeData: true });
	const otherExecutions = await n8n.executions(other.id);

	const byAccount = new Map(valid.map((entry) => [entry.valid.account, entry.valid] as const));
	const validExecutedAccounts = new Map<string, number>();
	const hostileExecutions: Execution[] = [];
	const payloadMismatches: string[] = [];
	let payloadOk = 0;
	for (const execution of executions) {
		const item = triggerItem(execution);
		const account = typeof item?.account === 'string' ? item.account : undefined;
		const validCase = account ? byAccount.get(account) : undefined;
		if (!validCase) {
			hostileExecutions.push(execution);
			continue;
		}
		validExecutedAccounts.set(validCase.account, (validExecutedAccounts.get(validCase.account) ?? 0) + 1);
		const exact = isDeepStrictEqual(item, validCase.item);
		if (execution.status !== 'success') payloadMismatches.push(`${validCase.variant} ${validCase.account}: execution ${execution.id} status ${execution.status}`);
		if (!exact) payloadMismatches.push(`${validCase.variant} ${validCase.account}: item ${JSON.stringify(item)} != expected ${JSON.stringify(validCase.item)}`);
		if (exact && execution.status === 'success') payloadOk++;
	}

	const logProblems = n8n
		.logs(mark)
		.split('\n')
		.filter((line) => PROBLEM_LINE.test(line));
	let readyAfter = false;
	try {
		readyAfter = (await fetch(`${n8n.baseUrl}/healthz/readiness`)).status === 200;
	} catch {
		readyAfter = false;
	}
	const pidAfter = n8n.pid;

	return {
		target,
		other,
		outcomes,
		valid,
		executions,
		otherExecutions,
		hostileExecutions,
		validExecutedAccounts,
		payloadMismatches,
		payloadOk,
		logProblems,
		pidBefore,
		pidAfter,
		readyAfter,
		durationMs: Date.now() - t0,
	};
}

/** A per-category table: category/variant -> sent, as expected, answers seen. */
export function summarise(outcomes: CaseOutcome[]): string {
	const rows = new Map<string, { sent: number; ok: number; statuses: Map<string, number> }>();
	for (const outcome of outcomes) {
		const key = outcome.hostile.category;
		const row = rows.get(key) ?? { sent: 0, ok: 0, statuses: new Map<string, number>() };
		row.sent++;
		if (outcome.ok) row.ok++;
		const status = String(outcome.answer.status || 'no answer');
		row.statuses.set(status, (row.statuses.get(status) ?? 0) + 1);
		rows.set(key, row);
	}
	return [...rows.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, row]) => `  ${key.padEnd(20)} ${String(row.sent).padStart(5)} sent, ${String(row.ok).padStart(5)} as classified; answers ${[...row.statuses].map(([s, c]) => `${s}×${c}`).join(' ')}`)
		.join('\n');
}

/** Mismatches grouped by category/variant (with one example each). */
export function groupMismatches(outcomes: CaseOutcome[]): string[] {
	const groups = new Map<string, { count: number; example: string }>();
	for (const outcome of outcomes) {
		if (outcome.ok) continue;
		const key = `${outcome.hostile.category}/${outcome.hostile.variant}`;
		const group = groups.get(key) ?? { count: 0, example: `#${outcome.hostile.id}: ${outcome.problem}` };
		group.count++;
		groups.set(key, group);
	}
	return [...groups.entries()].map(([key, group]) => `${key} ×${group.count} — ${group.example}`);
}
