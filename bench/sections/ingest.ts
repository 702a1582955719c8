/**
 * Item 1 (ingestion): under each n8n setting, the same deliveries to every workflow (A, A0, B, C,
 * opt-in A0c) in closed-loop rounds at fixed concurrency, interleaved and rotated each round, per
 * body; medians of the rounds make the cells, and the cells the A/B, A/C and A/A0 ratios.
 */
import type { CallRecord } from '../../simulator';
import { summariseCalls, type CallSummary } from '../lib/calls';
import { cells, ratios, type Cell, type Ratio } from '../lib/cells';
import type { LiveBench } from '../lib/context';
import { functionalCheck, type FunctionalCheck } from '../lib/functional';
import { readHook, SETTING_LABEL, type SettingKey } from '../lib/n8n-bench';
import { measureRound, rotate, warmUp, type RoundResult } from '../lib/rounds';

export interface PerDeliveryCalls {
	/** deliveries to A during the ingestion boots, warm-ups included */
	deliveries: number;
	calls: CallSummary;
}

export interface IngestionResult {
	/** the checks of the first boot (later boots repeat the short set and only fail on a miss) */
	functional: FunctionalCheck[];
	cells: Cell[];
	ratios: Ratio[];
	/** Argyle API calls A made while it received the ingestion deliveries: should be none */
	perDeliveryCalls?: PerDeliveryCalls;
	/** a few stacks per call site where the counter saw an isolate taken */
	isolateSampleStacks?: Record<string, string[]>;
}

/** What one setting's boot measured. */
interface SettingRun {
	rounds: RoundResult[];
	deliveriesToA: number;
	calls: CallRecord[];
}

async function measureSetting(live: LiveBench, setting: SettingKey): Promise<Omit<SettingRun, 'calls'>> {
	const { config, ctx } = live;
	for (const body of config.bodies) {
		for (const key of config.workflows) await warmUp(ctx, key, body, config.warmup, config.concurrency);
	}
	let deliveriesToA = config.warmup * config.bodies.length * (config.workflows.includes('A') ? 1 : 0);
	ctx.log(`ingestion: ${SETTING_LABEL[setting]}`);
	const rounds: RoundResult[] = [];
	for (let round = 1; round <= config.rounds; round++) {
		for (const body of config.bodies) {
			for (const key of rotate(config.workflows, round - 1)) {
				const result = await measureRound(ctx, key, body, round, { requests: config.requests, concurrency: config.concurrency, label: setting });
				rounds.push(result);
				if (key === 'A') deliveriesToA += result.ok2xx;
			}
		}
	}
	return { rounds, deliveriesToA };
}

/** n8n's per-request time for a 64 KB delivery, the denominator of item 4's 64 KB case. */
async function measureXl(live: LiveBench, setting: SettingKey): Promise<Omit<SettingRun, 'calls'>> {
	const { config, ctx } = live;
	const warmup = Math.min(config.warmup, 10);
	await warmUp(ctx, 'A', 'xl', warmup, config.concurrency);
	const round = await measureRound(ctx, 'A', 'xl', 1, { requests: config.xlRequests, concurrency: config.concurrency, label: setting, variant: '64KB' });
	return { rounds: [round], deliveriesToA: round.ok2xx + warmup };
}

async function runSetting(live: LiveBench, setting: SettingKey, last: boolean): Promise<SettingRun> {
	const mark = live.ctx.sim.calls.length;
	const measured = await measureSetting(live, setting);
	// in the setting run last, by default the fastest engine (legacy): n8n's smallest per-request time, so our largest share
	if (live.config.xlRequests > 0 && last) {
		const xl = await measureXl(live, setting);
		measured.rounds.push(...xl.rounds);
		measured.deliveriesToA += xl.deliveriesToA;
	}
	return { ...measured, calls: live.ctx.sim.calls.slice(mark) };
}

/** The counter preload rewrites its file on each boot: its sample stacks are read before the next one. */
function collectSampleStacks(live: LiveBench): void {
	const hook = readHook(live.ctx.hookFile);
	if (hook) live.results.isolateSampleStacks = { ...live.results.isolateSampleStacks, ...hook.sampleStacks };
}

export async function runIngestion(live: LiveBench): Promise<void> {
	const { config, results } = live;
	if (!config.ingest) return;
	const rounds: RoundResult[] = [];
	const calls: CallRecord[] = [];
	let deliveriesToA = 0;
	for (let index = 0; index < config.settings.length; index++) {
		const setting = config.settings[index];
		if (index > 0 || setting !== live.setting) await live.restart(`${setting} (outbox${config.countHook ? ', isolate counter' : ''})`, setting, { counter: config.countHook });
		const checks = await functionalCheck(live.ctx, index === 0);
		if (index === 0) results.functional = checks;
		const measured = await runSetting(live, setting, index === config.settings.length - 1);
		rounds.push(...measured.rounds);
		results.rounds.push(...measured.rounds);
		calls.push(...measured.calls);
		deliveriesToA += measured.deliveriesToA;
		collectSampleStacks(live);
	}
	results.perDeliveryCalls = { deliveries: deliveriesToA, calls: summariseCalls(calls) };
	results.cells = cells(rounds);
	results.ratios = ratios(results.cells, config.settings, config.bodies);
}
