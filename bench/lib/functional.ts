/**
 * Before the rounds of every boot, a few requests to every workflow: right answers, and what a
 * forged request gets. A number is worth nothing if the workflow behind it does not do its job.
 */
import { SMALL_BODY } from './bodies';
import type { BenchContext } from './context';
import { drain } from './n8n-bench';
import type { WorkflowKey } from './workflows';

export interface FunctionalCheck {
	check: string;
	expected: string;
	got: string;
	ok: boolean;
}

/** Collects the checks (`full`: the first boot's full set, kept for the results) and fails the run on the first miss. */
class Checks {
	readonly made: FunctionalCheck[] = [];

	constructor(readonly full: boolean) {}

	check(name: string, expected: string, got: string, ok: boolean): void {
		if (this.full) this.made.push({ check: name, expected, got, ok });
		if (!ok) throw new Error(`functional check failed: ${name}: expected ${expected}, got ${got}`);
	}
}

const FORGED_SIGNATURE = 'f'.repeat(128);

async function post(ctx: BenchContext, key: WorkflowKey, body: Buffer, signature?: string) {
	const workflow = ctx.workflows[key]!;
	return await ctx.n8n.sendWebhook(workflow.url, {
		body: body.toString('utf8'),
		headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { 'x-argyle-signature': signature }) },
	});
}

async function signedAndForged(ctx: BenchContext, checks: Checks): Promise<void> {
	for (const key of Object.keys(ctx.workflows) as WorkflowKey[]) {
		const workflow = ctx.workflows[key]!;
		const signed = await post(ctx, key, ctx.bodies.small, workflow.signatures.small);
		checks.check(`${key}: signed delivery`, '200', `${signed.status} ${signed.text.slice(0, 80)}`, signed.status === 200);
		workflow.expectedExecutions++;
	}
	for (const key of ['A', 'A0', 'A0c'] as WorkflowKey[]) {
		if (!ctx.workflows[key]) continue;
		const forged = await post(ctx, key, ctx.bodies.small, FORGED_SIGNATURE);
		checks.check(`${key}: wrong signature`, '401, no execution', `${forged.status} ${forged.text.slice(0, 80)}`, forged.status === 401);
		const missing = await post(ctx, key, ctx.bodies.small);
		checks.check(`${key}: no signature`, '401, no execution', `${missing.status}`, missing.status === 401);
	}
}

async function unselectedEvent(ctx: BenchContext, checks: Checks): Promise<void> {
	const url = ctx.workflows.A!.url;
	const secret = ctx.sim.webhooks('v2').find((subscription) => subscription.url === url)?.secret ?? undefined;
	const unselected = Buffer.from(SMALL_BODY.replace('accounts.failed', 'accounts.connected'), 'utf8');
	const answer = await post(ctx, 'A', unselected, ctx.sim.sign(unselected, secret!));
	checks.check('A: signed delivery of an unselected event', '200 Ignored, no execution', `${answer.status} ${answer.text.slice(0, 80)}`, answer.status === 200 && answer.text.includes('Ignored'));
}

async function diyChain(ctx: BenchContext, checks: Checks): Promise<void> {
	const b = ctx.workflows.B!;
	const large = await post(ctx, 'B', ctx.bodies.large, b.signatures.large);
	checks.check('B: signed large accounts.updated', '200', `${large.status}`, large.status === 200);
	b.expectedExecutions++;
	await drain(ctx.n8n, b.id, b.expectedExecutions, 60_000);
	const [newest] = await ctx.n8n.executions(b.id, { includeData: false });
	const detail = await ctx.n8n.execution(newest.id, true);
	const reached = Boolean(detail.data?.resultData.runData['No Operation']);
	checks.check('B: accounts.updated reaches No Operation through the Switch', 'true', String(reached), reached);
	const forged = await post(ctx, 'B', ctx.bodies.small, FORGED_SIGNATURE);
	checks.check('B: wrong signature', '200 and an error execution (the DIY chain cannot answer 401 in onReceived mode)', `${forged.status} ${forged.text.slice(0, 60)}`, forged.status === 200);
	b.expectedExecutions++;
}

async function executionCountsMatch(ctx: BenchContext, checks: Checks): Promise<void> {
	for (const workflow of Object.values(ctx.workflows)) {
		const { key, id, expectedExecutions } = workflow!;
		const { counts } = await drain(ctx.n8n, id, expectedExecutions, 60_000);
		if (counts.total !== expectedExecutions) checks.check(`${key}: executions`, String(expectedExecutions), String(counts.total), false);
		if (checks.full) {
			const bad = key === 'B' ? 1 : 0;
			checks.check(`${key}: executions after the check`, `${expectedExecutions} (${bad} error)`, `${counts.total} (${counts.error} error)`, counts.total === expectedExecutions && counts.error === bad);
		}
	}
}

async function executionItem(ctx: BenchContext, checks: Checks): Promise<void> {
	const [latest] = await ctx.n8n.executions(ctx.workflows.A!.id, { includeData: false });
	const detail = await ctx.n8n.execution(latest.id, true);
	const item = detail.data?.resultData.runData['Argyle Trigger']?.[0]?.data?.main?.[0]?.[0]?.json;
	const noOp = Boolean(detail.data?.resultData.runData['No Operation']);
	checks.check('A: execution item', '{event: accounts.failed, error_code: invalid_mfa, ...} and No Operation ran', `${JSON.stringify(item)?.slice(0, 120)} noOp=${noOp}`, item?.event === 'accounts.failed' && item?.error_code === 'invalid_mfa' && noOp);
}

/** `full` on the first boot only: the slower checks too, and every check made is returned for the results. */
export async function functionalCheck(ctx: BenchContext, full: boolean): Promise<FunctionalCheck[]> {
	const checks = new Checks(full);
	await signedAndForged(ctx, checks);
	if (full && ctx.workflows.A) await unselectedEvent(ctx, checks);
	if (full && ctx.workflows.B) await diyChain(ctx, checks);
	await executionCountsMatch(ctx, checks);
	if (full && ctx.workflows.A) await executionItem(ctx, checks);
	return checks.made;
}
