/**
 * Bench options: command-line flags (`npm run bench -- --rounds 3`) or environment variables
 * (BENCH_ROUNDS=3). Flags win. `--quick` shrinks every count for a smoke run.
 */
import * as os from 'node:os';
import * as path from 'node:path';

import type { BodyKey } from './context';
import { ALL_SETTINGS, type SettingKey } from './n8n-bench';
import { ALL_WORKFLOWS, type WorkflowKey } from './workflows';

export interface BenchConfig {
	rounds: number;
	requests: number;
	concurrency: number;
	warmup: number;
	settings: SettingKey[];
	bodies: BodyKey[];
	workflows: WorkflowKey[];
	/** item 2: cpu-profile boot (defaults) with this many A requests */
	profile: boolean;
	profileRequests: number;
	/** item 3: the runtime-patched boot ("what n8n could gain") */
	patched: boolean;
	patchedRequests: number;
	/** the isolate-counting preload in the ingestion boots */
	countHook: boolean;
	/** A with a 64 KB body under the fastest setting: n8n's per-request time for item 4's 64 KB case */
	xlRequests: number;
	lifecycle: boolean;
	micro: boolean;
	microMinMs: number;
	footprint: boolean;
	/** wait (up to this many minutes) until no other n8n runs before starting; 0: do not wait */
	waitIdleMinutes: number;
	/** before each round, wait up to this many seconds while other processes use > 25% of a core (0: never) */
	quietWaitS: number;
	/** at most this many seconds of such waiting in the whole run */
	quietBudgetS: number;
	out: string;
	quick: boolean;
}

/** Everything the command line sets; the results' `config` holds all of it. */
export interface BenchOptions extends BenchConfig {
	/** item 1; off (--no-ingest), n8n still runs for the other sections */
	ingest: boolean;
	help: boolean;
}

const FLAGS = new Set([
	'rounds', 'requests', 'concurrency', 'warmup', 'settings', 'bodies', 'workflows', 'profile-requests', 'patched-requests',
	'xl-requests', 'micro-min-ms', 'wait-idle', 'quiet-wait', 'quiet-budget', 'out',
]);
const SWITCHES = new Set(['patched', 'quick', 'no-profile', 'no-count-hook', 'no-lifecycle', 'no-micro', 'no-footprint', 'no-ingest', 'help']);

export const USAGE = `npm run bench [-- options]     (each option also as env BENCH_<NAME>, e.g. BENCH_ROUNDS=3)
  --rounds N              rounds per workflow, body and setting (default 4: with A A0 B C rotated,
                          each workflow runs once in each position)
  --requests N            requests per round (default 250)
  --concurrency N         closed-loop concurrency (default 10)
  --warmup N              warm-up requests per workflow and body after each boot (default 20)
  --settings a,b          defaults,lazy,legacy (default all three)
  --bodies a,b            small,large (default both)
  --workflows a,b         A,A0,B,C (default all four); A0c (opt-in): A0 with an unread credential
  --profile-requests N    A requests in the --cpu-prof boot (default 300); --no-profile skips it
  --patched               also run "what n8n could gain" (runtime patch of n8n, bench only)
  --patched-requests N    requests per patched round (default = --requests)
  --xl-requests N         A requests with a 64 KB body for item 4's denominator (default 100; 0 skips)
  --micro-min-ms N        time per micro-benchmark batch set (default 400)
  --wait-idle MIN         wait up to MIN minutes until no other n8n runs (default 20; 0: don't wait)
  --quiet-wait S          before each round, wait up to S seconds while other processes use more than
                          25% of a core (default 60; 0: never)
  --quiet-budget S        at most S seconds of such waiting per run (default 600)
  --no-count-hook --no-lifecycle --no-micro --no-footprint --no-ingest
  --out FILE              JSON output (default bench/results/latest.json; with --quick a temp file)
  --quick                 tiny counts for a smoke run`;

function parseArgs(argv: string[]): Map<string, string> {
	const parsed = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
		const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
		if (SWITCHES.has(name)) parsed.set(name, 'true');
		else if (FLAGS.has(name)) {
			const value = inline ?? argv[++i];
			if (value === undefined) throw new Error(`--${name} needs a value`);
			parsed.set(name, value);
		} else throw new Error(`unknown option --${name}\n${USAGE}`);
	}
	return parsed;
}

export function loadConfig(argv = process.argv.slice(2), env = process.env): BenchOptions {
	const args = parseArgs(argv);
	const get = (name: string): string | undefined => args.get(name) ?? env[`BENCH_${name.replace(/-/g, '_').toUpperCase()}`];
	const flag = (name: string) => ['1', 'true', 'yes'].includes(String(get(name) ?? '').toLowerCase());
	const quick = flag('quick');
	const num = (name: string, normal: number, quickValue: number) => {
		const raw = get(name);
		const value = raw === undefined ? (quick ? quickValue : normal) : Number(raw);
		if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number >= 0 (got ${raw})`);
		return Math.floor(value);
	};
	const list = <T extends string>(name: string, all: readonly T[], optIn: readonly T[] = []): T[] => {
		const raw = get(name);
		if (!raw) return [...all];
		const values = raw.split(',').map((value) => value.trim()).filter(Boolean);
		for (const value of values) if (!all.includes(value as T) && !optIn.includes(value as T)) throw new Error(`--${name}: unknown ${value} (one of ${all.join(', ')})`);
		return values as T[];
	};
	const requests = num('requests', 250, 20);
	return {
		rounds: Math.max(1, num('rounds', 4, 1)),
		requests: Math.max(1, requests),
		concurrency: Math.max(1, num('concurrency', 10, 10)),
		warmup: num('warmup', 20, 5),
		settings: list('settings', ALL_SETTINGS),
		bodies: list('bodies', ['small', 'large'] as const),
		workflows: list('workflows', ALL_WORKFLOWS, ['A0c']),
		profile: !flag('no-profile'),
		profileRequests: Math.max(1, num('profile-requests', 300, 20)),
		patched: flag('patched'),
		patchedRequests: Math.max(1, num('patched-requests', requests, 20)),
		countHook: !flag('no-count-hook'),
		xlRequests: num('xl-requests', 100, 10),
		lifecycle: !flag('no-lifecycle'),
		micro: !flag('no-micro'),
		microMinMs: num('micro-min-ms', 400, 60),
		footprint: !flag('no-footprint'),
		waitIdleMinutes: num('wait-idle', 20, 0),
		quietWaitS: num('quiet-wait', 60, 0),
		quietBudgetS: num('quiet-budget', 600, 0),
		out: path.resolve(get('out') ?? (quick ? path.join(os.tmpdir(), 'argyle-bench-quick.json') : path.join(__dirname, '..', 'results', 'latest.json'))),
		quick,
		ingest: !flag('no-ingest'),
		help: flag('help'),
	};
}
