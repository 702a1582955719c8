/**
 * `npm run bench` (issue 7): what the Argyle Trigger costs inside a real n8n 2.41.1, side by side
 * with what users would otherwise run, in ONE run on ONE n8n. Never a timing assert: it measures,
 * prints one table and writes it as JSON (bench/results/latest.json).
 *
 *   1. ingestion   A (Argyle Trigger), A0 (minimal signature-verifying trigger), B (Webhook -> Code
 *                  HMAC -> Switch), C (bare Webhook), all -> No Operation; same deliveries, closed
 *                  loop at fixed concurrency, rounds interleaved A A0 B C (order rotated each round), drained after each round;
 *                  settings defaults / lazy isolate acquisition / legacy engine; small + large body
 *   2. profile     n8n's main process under --cpu-prof while A runs (default engine); isolates per
 *                  request in every boot from a counting preload (bench/preload/isolate-counter.cjs)
 *   3. --patched   "what n8n could gain": a runtime patch of n8n (bench/preload/upstream-patch.cjs,
 *                  nothing on disk changes) measured against the unpatched code in the same boot
 *   4. micro       the node's own per-delivery work from dist/ with a fake IWebhookFunctions
 *   5. lifecycle   Argyle API calls per lifecycle step, from the simulator's call log
 *   6. footprint   npm pack size and file count, time to require every built file
 *
 * Usage: see lib/config.ts (`npm run bench -- --help`).
 */
import { execSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { ensureN8nInstalled, N8N_VERSION, REPO_ROOT } from '../test/e2e/harness/install';
import { N8nInstance, type WorkflowData } from '../test/e2e/harness/n8n';
import { ArgyleSimulator, type CallRecord } from '../simulator';
import { largeBody, SMALL_BODY, bodyOfSize } from './lib/bodies';
import { loadConfig, USAGE, type BenchConfig } from './lib/config';
import type { BenchContext, BodyKey } from './lib/context';
import {
	COUNTER_PRELOAD,
	drain,
	nodeOptions,
	PATCH_PRELOAD,
	readHook,
	SETTING_ENV,
	SETTING_LABEL,
	sleep,
	type SettingKey,
} from './lib/n8n-bench';
import { loadAverage, runningN8nCount } from './lib/proc';
import { summariseProfile, type ProfileSummary } from './lib/profile';
import { cells, findCell, fmt, INTERFERENCE_PCT, ratios, round2, table, type Cell, type Ratio } from './lib/report';
import {
	DESCRIPTIONS,
	DIY_SECRET,
	MINIMAL_PACKAGE_DIR,
	SELECTED_EVENTS,
	webhookUrl,
	workflowA,
	workflowA0,
	workflowA0c,
	workflowB,
	workflowC,
	type WorkflowKey,
} from './lib/workflows';
import { measureRound, warmUp, type RoundResult } from './sections/ingest';
import { packDryRun, requireTiming, type PackResult, type RequireTiming } from './sections/footprint';
import { runMicro, type MicroResult } from './sections/micro';

const BASELINE = {
	source: '/work/shared/n8n-webhook-baseline.md (2026-11-22, 3 rounds x 600, c=10)',
	minimalTriggerDefaultsReqPerSec: 17.6,
	minimalTriggerDefaultsP99: 699,
	minimalTriggerV2LazyReqPerSec: 71.4,
	diyDefaultsReqPerSec: 23.8,
	bareDefaultsReqPerSec: 30.4,
};

const startedMs = Date.now();
/** `items` starting at position `by` (mod length), wrapping around. */
function rotate<T>(items: readonly T[], by: number): T[] {
	const start = items.length ? by % items.length : 0;
	return [...items.slice(start), ...items.slice(0, start)];
}

function log(line: string): void {
	const seconds = ((Date.now() - startedMs) / 1000).toFixed(0).padStart(4);
	process.stderr.write(`[bench +${seconds}s] ${line}\n`);
}

interface CallSummary {
	list: number;
	create: number;
	delete: number;
	other: number;
	total: number;
	calls: string[];
}

function summariseCalls(calls: CallRecord[]): CallSummary {
	const summary: CallSummary = { list: 0, create: 0, delete: 0, other: 0, total: calls.length, calls: [] };
	for (const call of calls) {
		summary.calls.push(`${call.method} ${call.path} -> ${call.status}`);
		if (call.method === 'GET' && /^\/v[12]\/webhooks$/.test(call.path)) summary.list++;
		else if (call.method === 'POST' && /^\/v[12]\/webhooks$/.test(call.path)) summary.create++;
		else if (call.method === 'DELETE' && /^\/v[12]\/webhooks\/[^/]+$/.test(call.path)) summary.delete++;
		else summary.other++;
	}
	return summary;
}

/** Waits until the simulator's call log has not grown for `quietMs` (at most `maxMs`). */
async function settleCalls(sim: ArgyleSimulator, quietMs = 2_000, maxMs = 15_000): Promise<void> {
	const deadline = Date.now() + maxMs;
	let last = sim.calls.length;
	let since = Date.now();
	while (Date.now() < deadline) {
		await sleep(200);
		await sim.idle();
		if (sim.calls.length !== last) {
			last = sim.calls.length;
			since = Date.now();
		} else if (Date.now() - since >= quietMs) return;
	}
}

interface LifecycleStep {
	step: string;
	mode: 'outbox' | 'sync';
	/** calls at the lifecycle workflow's own simulator (nothing else uses it) */
	calls: CallSummary;
	/** what the ingestion workflow A's simulator saw in the same step, where it applies */
	ingestWorkflowCalls?: CallSummary;
	note?: string;
}

interface Results {
	meta: Record<string, unknown>;
	config: BenchConfig;
	workflows: Record<string, string>;
	bodies: Record<string, number>;
	functional: Array<{ check: string; expected: string; got: string; ok: boolean }>;
	rounds: RoundResult[];
	cells: Cell[];
	ratios: Ratio[];
	isolates: Array<{ setting: string; workflow: string; isolatesPerReq?: number; scopesPerReq?: number; sites?: Record<string, number> }>;
	isolateSampleStacks?: Record<string, string[]>;
	perDeliveryCalls?: { deliveries: number; calls: CallSummary };
	profile?: {
		requests: number;
		summary?: ProfileSummary;
		perRequestMs?: Record<string, number>;
		processCpuMsPerReq?: number;
		mainThreadBusyMsPerReq?: number;
		/** process CPU - main-thread busy time: isolated-vm's isolate threads, GC helper threads, libuv pool */
		offMainThreadMsPerReq?: number;
		isolatesPerReq?: number;
		file?: string;
		error?: string;
	};
	patched?: { description: string; cells: Cell[]; stats?: unknown; gain?: Record<string, number | undefined> };
	micro?: MicroResult & { share?: Array<{ body: string; ourUs: number; n8nCpuMsPerReq: number; setting: string; share: number }> };
	lifecycle: LifecycleStep[];
	footprint?: { pack: PackResult; require: RequireTiming[] };
	targets: Array<{ target: string; measured: string; met: boolean | null; note?: string }>;
	table?: string;
}

function machineInfo() {
	const cpuModel = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
	let distro = '';
	try {
		distro = /PRETTY_NAME="?([^"\n]*)/.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
	} catch {
		// not Linux-standard
	}
	return {
		cpu: cpuModel.trim(),
		cores: os.cpus().length,
		ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		os: `${distro} (kernel ${os.release()})`.trim(),
	};
}

function gitCommit(): string {
	try {
		return execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
	} catch {
		return 'unknown';
	}
}

async function waitForIdle(minutes: number): Promise<{ otherN8nAtStart: number; waitedS: number; gaveUp: boolean }> {
	const started = Date.now();
	let others = runningN8nCount();
	const initial = others;
	if (minutes <= 0 || others === 0) return { otherN8nAtStart: initial, waitedS: 0, gaveUp: false };
	log(`${others} other n8n process(es) running (load ${loadAverage()}); waiting up to ${minutes} min for them to finish`);
	while (others > 0 && Date.now() - started < minutes * 60_000) {
		await sleep(30_000);
		others = runningN8nCount();
		log(`  ${others} other n8n process(es), load ${loadAverage()}`);
	}
	return { otherN8nAtStart: initial, waitedS: Math.round((Date.now() - started) / 1000), gaveUp: others > 0 };
}

async function main(): Promise<void> {
	const config = loadConfig();
	if (config.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	const install = await ensureN8nInstalled();
	const idle = await waitForIdle(config.waitIdleMinutes);
	const results: Results = {
		meta: {
			date: new Date().toISOString(),
			machine: machineInfo(),
			n8n: install.n8nVersion,
			n8nPinned: N8N_VERSION,
			nodeForN8n: execSync(`"${install.nodeBin}" --version`, { encoding: 'utf8' }).trim(),
			nodeForBench: process.version,
			package: `${JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).name}@${JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version}`,
			commit: gitCommit(),
			loadAverageAtStart: loadAverage(),
			otherN8nAtStart: idle.otherN8nAtStart,
			waitedForIdleS: idle.waitedS,
			otherN8nStillRunning: idle.gaveUp,
			activation: 'outbox (n8n 2.41 default) for every ingestion boot',
			n8nSettings:
				'regular mode, SQLite, every execution saved (EXECUTIONS_DATA_SAVE_ON_SUCCESS=all), N8N_LOG_LEVEL=info, internal task runner, NODE_FUNCTION_ALLOW_BUILTIN=crypto (needed by B)',
			loadGenerator: 'in-process closed loop (bench/lib/load.ts), keep-alive, 127.0.0.1',
		},
		config,
		workflows: Object.fromEntries(config.workflows.map((key) => [key, DESCRIPTIONS[key]])),
		bodies: {},
		functional: [],
		rounds: [],
		cells: [],
		ratios: [],
		isolates: [],
		lifecycle: [],
		targets: [],
	};
	log(`n8n ${install.n8nVersion} on Node ${results.meta.nodeForN8n}; ${JSON.stringify({ rounds: config.rounds, requests: config.requests, concurrency: config.concurrency, settings: config.settings, bodies: config.bodies, workflows: config.workflows })}`);

	// ---- 6. footprint and 4. micro: before any n8n runs ----
	if (config.footprint) {
		log('footprint: npm pack --dry-run, require() of every built file');
		const pack = packDryRun();
		const requires = [requireTiming(install.nodeBin), requireTiming(process.execPath)];
		results.footprint = { pack, require: requires };
	}
	if (config.micro) {
		log('micro: the node\'s per-delivery work from dist/ (fresh process on n8n\'s Node)');
		results.micro = runMicro(install.nodeBin, { minMs: config.microMinMs, sizes: [1024, 65536] });
	}

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'argyle-bench-'));
	const hookFile = path.join(tmp, 'isolates.json');
	const patchFlags = path.join(tmp, 'patch-flags.json');
	const patchStats = path.join(tmp, 'patch-stats.json');
	const profileDir = path.join(tmp, 'cpuprofile');
	fs.writeFileSync(patchFlags, JSON.stringify({ webhookPhase: false, credentials: false }));

	const sim = await ArgyleSimulator.start();
	const lifecycleSim = await ArgyleSimulator.start();
	const smallBody = Buffer.from(SMALL_BODY, 'utf8');
	const bodies: Record<BodyKey, Buffer> = { small: smallBody, large: Buffer.from(largeBody(), 'utf8') };
	const xlBody = Buffer.from(bodyOfSize(65536), 'utf8');
	results.bodies = { small: bodies.small.length, large: bodies.large.length, xl: xlBody.length };

	const bootEnv = (setting: SettingKey, opts: { counter?: boolean; patch?: boolean; nodeArgs?: string[] } = {}) => {
		const preloads = [...(opts.patch ? [PATCH_PRELOAD] : []), ...(opts.counter ? [COUNTER_PRELOAD] : [])];
		return {
			...SETTING_ENV[setting],
			NODE_FUNCTION_ALLOW_BUILTIN: 'crypto',
			NODE_OPTIONS: nodeOptions(preloads, opts.nodeArgs ?? []),
			ARGYLE_BENCH_HOOK_OUT: opts.counter ? hookFile : undefined,
			ARGYLE_BENCH_PATCH_FILE: opts.patch ? patchFlags : undefined,
			ARGYLE_BENCH_PATCH_STATS: opts.patch ? patchStats : undefined,
		};
	};

	const needN8n = config.ingest || config.profile || config.patched || config.lifecycle;
	const firstSetting: SettingKey = config.settings[0] ?? 'defaults';
	const n8n = new N8nInstance({
		activation: 'outbox',
		extraPackages: [MINIMAL_PACKAGE_DIR],
		env: bootEnv(firstSetting, { counter: config.countHook }),
	});
	const ctx: BenchContext = {
		n8n,
		sim,
		bodies,
		workflows: {},
		hookFile: config.countHook ? hookFile : undefined,
		log,
		quiet: { thresholdPct: INTERFERENCE_PCT, maxWaitPerRoundMs: config.quietWaitS * 1000, budgetMs: config.quietBudgetS * 1000, waitedMs: 0 },
	};
	// Ctrl-C / kill: take n8n's process group down with us (it runs detached)
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			log(`${signal}: stopping n8n`);
			n8n.killSync();
			process.exit(130);
		});
	}
	let pendingProfile: { window: { fromUs: number; toUs: number }; round: RoundResult } | undefined;
	let deliveriesToA = 0;
	let ingestCalls: CallRecord[] = [];

	const restart = async (label: string, setting: SettingKey, opts: { counter?: boolean; patch?: boolean; nodeArgs?: string[]; activation?: 'sync' | 'outbox' }) => {
		const mark = lifecycleSim.calls.length;
		const markA = sim.calls.length;
		log(`restart n8n: ${label}`);
		await n8n.restart({ env: bootEnv(setting, opts), activation: opts.activation ?? 'outbox' });
		ctx.hookFile = opts.counter ? hookFile : undefined;
		await settleCalls(lifecycleSim);
		await settleCalls(sim, 500);
		if (config.lifecycle && lifecycleWorkflow) {
			results.lifecycle.push({
				step: `restart with the workflow active (${opts.activation ?? 'outbox'})`,
				mode: opts.activation ?? 'outbox',
				calls: summariseCalls(lifecycleSim.calls.slice(mark)),
				ingestWorkflowCalls: summariseCalls(sim.calls.slice(markA)),
				note: label,
			});
		}
		if (pendingProfile) {
			analyseProfile();
		}
	};

	const analyseProfile = () => {
		const pending = pendingProfile!;
		pendingProfile = undefined;
		const all = fs.existsSync(profileDir) ? fs.readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile')) : [];
		const mainThread = all.filter((file) => file.split('.')[4] === '0');
		if (!mainThread.length) {
			results.profile = { requests: config.profileRequests, error: `no main-thread .cpuprofile in ${profileDir} (${all.join(', ') || 'none'})` };
			return;
		}
		const file = path.join(profileDir, mainThread.sort().pop()!);
		const ours = (url: string) => url.includes('/n8n-nodes-argyle/dist/') || url.includes(`${path.join(REPO_ROOT, 'dist')}/`);
		const summary = summariseProfile(file, ours, pending.window);
		const requests = pending.round.ok2xx;
		const perRequestMs: Record<string, number> = {};
		for (const [bucket, value] of Object.entries(summary.buckets)) perRequestMs[bucket] = round2(value.ms / Math.max(1, requests));
		results.profile = {
			requests,
			summary,
			perRequestMs,
			processCpuMsPerReq: round2(pending.round.cpuMsPerReq),
			mainThreadBusyMsPerReq: round2(summary.busyMs / Math.max(1, requests)),
			offMainThreadMsPerReq: round2(Math.max(0, pending.round.cpuMsPerReq - summary.busyMs / Math.max(1, requests))),
			isolatesPerReq: pending.round.isolates?.bridgesPerReq,
			file,
		};
		log(`profile: ${summary.sampleCount} samples in the window, busy ${summary.busyMs} ms, engine ${fmt.pct(summary.buckets.engine.share)}, ours ${fmt.pct(summary.buckets.ours.share, 2)}`);
	};

	let lifecycleWorkflow: WorkflowData | undefined;
	let lifecycleAccount = '';
	try {
		if (needN8n) {
			log(`boot n8n (${firstSetting}, outbox)`);
			await n8n.start();
			results.meta.n8nRunning = n8n.version;
			const credential = await n8n.createCredential('argyleApi', 'Argyle simulator (bench A)', {
				environment: 'custom',
				baseUrl: sim.baseUrl,
				apiKeyId: sim.apiKeyId,
				apiKeySecret: sim.apiKeySecret,
			});

			// ---- lifecycle: first activation, deliveries, event change (outbox) ----
			if (config.lifecycle) {
				const lifecycleCredential = await n8n.createCredential('argyleApi', 'Argyle simulator (bench lifecycle)', {
					environment: 'custom',
					baseUrl: lifecycleSim.baseUrl,
					apiKeyId: lifecycleSim.apiKeyId,
					apiKeySecret: lifecycleSim.apiKeySecret,
				});
				const json = workflowA(lifecycleCredential, 'd1000000-0000-4000-8000-0000000000d1');
				json.name = 'Bench lifecycle: Argyle Trigger';
				json.nodes[0].webhookId = 'e1e1e1e1-0000-4000-8000-0000000000e1';
				(json.nodes[0].parameters as { events: string[] }).events = ['accounts.failed'];
				lifecycleWorkflow = await n8n.createWorkflow(json);
				let mark = lifecycleSim.calls.length;
				const activation = await n8n.activate(lifecycleWorkflow.id);
				const published = await n8n.waitPublished(lifecycleWorkflow.id);
				await settleCalls(lifecycleSim);
				results.lifecycle.push({
					step: 'first activation',
					mode: 'outbox',
					calls: summariseCalls(lifecycleSim.calls.slice(mark)),
					note: `activate HTTP ${activation.status}, publication ${published.status}`,
				});

				const account = lifecycleSim.addAccount();
				lifecycleAccount = account.id;
				mark = lifecycleSim.calls.length;
				for (let i = 0; i < 3; i++) await lifecycleSim.fireAccountEvent('accounts.failed', account.id);
				await n8n.waitForExecutions(lifecycleWorkflow.id, 3, 30_000);
				await settleCalls(lifecycleSim, 1_000);
				const statuses = lifecycleSim.deliveries.slice(-3).map((delivery) => delivery.status).join(',');
				results.lifecycle.push({
					step: 'per delivery (3 signed deliveries from the simulator)',
					mode: 'outbox',
					calls: summariseCalls(lifecycleSim.calls.slice(mark)),
					note: `delivery answers ${statuses}`,
				});

				mark = lifecycleSim.calls.length;
				const current = await n8n.getWorkflow(lifecycleWorkflow.id);
				const nodes = current.nodes.map((node) =>
					node.type === 'n8n-nodes-argyle.argyleTrigger' ? { ...node, parameters: { ...node.parameters, events: ['accounts.failed', 'accounts.connected'] } } : node,
				);
				const saved = await n8n.updateWorkflow(lifecycleWorkflow.id, { name: current.name, nodes, connections: current.connections });
				const republish = await n8n.activate(lifecycleWorkflow.id, { versionId: saved.versionId });
				await n8n.waitPublished(lifecycleWorkflow.id);
				await settleCalls(lifecycleSim);
				const events = lifecycleSim.webhooks('v2').map((subscription) => [subscription.events].flat().join('+'));
				results.lifecycle.push({
					step: 'event change (save + publish)',
					mode: 'outbox',
					calls: summariseCalls(lifecycleSim.calls.slice(mark)),
					note: `publish HTTP ${republish.status}; subscriptions now: ${events.join(', ')}`,
				});
			}

			// ---- the ingestion workflows ----
			const definitions: Record<WorkflowKey, () => ReturnType<typeof workflowB>> = {
				A: () => workflowA(credential),
				A0: workflowA0,
				A0c: () => workflowA0c(credential),
				B: workflowB,
				C: workflowC,
			};
			const wanted = new Set<WorkflowKey>([...config.workflows, 'A']);
			if (config.patched) {
				wanted.add('A0');
				wanted.add('C');
			}
			const markA = sim.calls.length;
			for (const key of ['A', 'A0', 'A0c', 'B', 'C'] as WorkflowKey[]) {
				if (!wanted.has(key)) continue;
				const saved = await n8n.createWorkflow(definitions[key]());
				const activated = await n8n.activate(saved.id);
				if (activated.status !== 200) throw new Error(`activating ${key} failed: ${activated.status} ${JSON.stringify(activated.body)}`);
				const published = await n8n.waitPublished(saved.id);
				if (published.status !== 'published') throw new Error(`${key} not published: ${JSON.stringify(published)}`);
				ctx.workflows[key] = {
					key,
					id: saved.id,
					url: webhookUrl(n8n.baseUrl, key),
					signatures: { small: '', large: '' },
					expectedExecutions: 0,
				};
			}
			await settleCalls(sim, 1_000);
			if (config.lifecycle) {
				results.lifecycle.push({ step: 'first activation (ingestion workflow A)', mode: 'outbox', calls: summariseCalls(sim.calls.slice(markA)) });
			}
			const aUrl = ctx.workflows.A!.url;
			const subscription = sim.webhooks('v2').find((candidate) => candidate.url === aUrl);
			if (!subscription?.secret) throw new Error(`the simulator holds no subscription with a secret for ${aUrl}`);
			const aSecret = subscription.secret;
			for (const workflow of Object.values(ctx.workflows)) {
				const secret = workflow!.key === 'A' ? aSecret : DIY_SECRET;
				workflow!.signatures = { small: sim.sign(bodies.small, secret), large: sim.sign(bodies.large, secret) };
			}
			log(`workflows active: ${Object.keys(ctx.workflows).join(', ')}; A's subscription ${subscription.id} (events ${[subscription.events].flat().join(', ')})`);

			// ---- 1. ingestion under each setting ----
			const settings = config.ingest ? config.settings : [];
			for (let index = 0; index < settings.length; index++) {
				const setting = settings[index];
				if (index > 0 || setting !== firstSetting) await restart(`${setting} (outbox${config.countHook ? ', isolate counter' : ''})`, setting, { counter: config.countHook });
				await functionalCheck(ctx, results, index === 0);
				const mark = sim.calls.length;
				for (const body of config.bodies) {
					for (const key of config.workflows) await warmUp(ctx, key, body, config.warmup, config.concurrency);
				}
				deliveriesToA += config.warmup * config.bodies.length * (config.workflows.includes('A') ? 1 : 0);
				log(`ingestion: ${SETTING_LABEL[setting]}`);
				for (let round = 1; round <= config.rounds; round++) {
					for (const body of config.bodies) {
						// Rotated each round: a periodic n8n task (pruning, insights flush) or the previous cell's
						// drain would otherwise always land on the same workflow.
						for (const key of rotate(config.workflows, round - 1)) {
							const result = await measureRound(ctx, key, body, round, { requests: config.requests, concurrency: config.concurrency, label: setting });
							results.rounds.push(result);
							if (key === 'A') deliveriesToA += result.ok2xx;
						}
					}
				}
				if (config.xlRequests > 0 && index === settings.length - 1) {
					// n8n's per-request time for a 64 KB delivery (item 4's 64 KB case), in the fastest-engine setting run last
					const a = ctx.workflows.A!;
					const saved = ctx.bodies;
					ctx.bodies = { small: xlBody, large: xlBody };
					a.signatures = { ...a.signatures, small: sim.sign(xlBody, aSecret) };
					await warmUp(ctx, 'A', 'small', Math.min(config.warmup, 10), config.concurrency);
					const result = await measureRound(ctx, 'A', 'small', 1, { requests: config.xlRequests, concurrency: config.concurrency, label: setting, variant: '64KB' });
					(result as { body: string }).body = 'xl';
					results.rounds.push(result);
					deliveriesToA += result.ok2xx + Math.min(config.warmup, 10);
					ctx.bodies = saved;
					a.signatures = { small: sim.sign(bodies.small, aSecret), large: sim.sign(bodies.large, aSecret) };
				}
				ingestCalls = ingestCalls.concat(sim.calls.slice(mark));
				const hook = readHook(ctx.hookFile);
				if (hook && !results.isolateSampleStacks) results.isolateSampleStacks = {};
				if (hook) Object.assign(results.isolateSampleStacks!, hook.sampleStacks);
			}
			if (config.ingest) results.perDeliveryCalls = { deliveries: deliveriesToA, calls: summariseCalls(ingestCalls) };

			// ---- 2. profile (default engine) ----
			if (config.profile) {
				fs.mkdirSync(profileDir, { recursive: true });
				await restart('defaults + --cpu-prof + isolate counter (profile boot)', 'defaults', {
					counter: true,
					// one file per thread: CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; the main thread is thread 0
					nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
				});
				await functionalCheck(ctx, results, false);
				await warmUp(ctx, 'A', 'small', config.warmup, config.concurrency);
				const fromUs = Number(process.hrtime.bigint() / 1000n);
				const round = await measureRound(ctx, 'A', 'small', 1, { requests: config.profileRequests, concurrency: config.concurrency, label: 'profile' });
				const toUs = Number(process.hrtime.bigint() / 1000n);
				pendingProfile = { window: { fromUs, toUs }, round };
				results.rounds.push(round);
				deliveriesToA += round.ok2xx;
			}

			// ---- 3. what n8n could gain (runtime patch, bench only) ----
			if (config.patched) {
				await restart('defaults + upstream patch preload + isolate counter (PATCHED n8n, bench only)', 'defaults', { counter: true, patch: true });
				await functionalCheck(ctx, results, false);
				const variants: Array<{ name: string; flags: { webhookPhase: boolean; credentials: boolean }; workflows: WorkflowKey[] }> = [
					{ name: 'unpatched', flags: { webhookPhase: false, credentials: false }, workflows: ['A', 'A0', 'C'] },
					{ name: 'webhook-phase', flags: { webhookPhase: true, credentials: false }, workflows: ['A', 'A0'] },
					{ name: 'webhook-phase+credentials', flags: { webhookPhase: true, credentials: true }, workflows: ['A'] },
				];
				for (const key of ['A', 'A0', 'C'] as WorkflowKey[]) await warmUp(ctx, key, 'small', config.warmup, config.concurrency);
				const patchedRounds: RoundResult[] = [];
				for (let round = 1; round <= config.rounds; round++) {
					for (const variant of rotate(variants, round - 1)) {
						fs.writeFileSync(patchFlags, JSON.stringify(variant.flags));
						await sleep(300);
						for (const key of variant.workflows) {
							const result = await measureRound(ctx, key, 'small', round, { requests: config.patchedRequests, concurrency: config.concurrency, label: 'patched', variant: variant.name });
							patchedRounds.push(result);
							results.rounds.push(result);
							if (key === 'A') deliveriesToA += result.ok2xx;
						}
					}
				}
				fs.writeFileSync(patchFlags, JSON.stringify({ webhookPhase: false, credentials: false }));
				const patchedCells = cells(patchedRounds);
				const get = (key: WorkflowKey, variant: string) => findCell(patchedCells, 'patched', 'small', key, variant);
				const gain = (key: WorkflowKey, variant: string) => {
					const base = get(key, 'unpatched');
					const treated = get(key, variant);
					return base && treated ? round2(treated.reqPerSec / base.reqPerSec) : undefined;
				};
				let stats: unknown;
				try {
					stats = JSON.parse(fs.readFileSync(patchStats, 'utf8'));
				} catch {
					stats = undefined;
				}
				results.patched = {
					description:
						'PATCHED n8n (bench only, runtime preload, nothing on disk): webhook-phase = LiveWebhooks.webhookPhaseNeedsIsolate lets any static, natively resolvable, non-typeVersion-1 start node skip the eager webhook-phase isolate (lazy scope instead); credentials = CredentialsHelper.applyDefaultsAndOverwrites opens a lazy scope instead of an eager isolate. Same boot, interleaved with the unpatched code.',
					cells: patchedCells,
					stats,
					gain: {
						A_webhookPhase: gain('A', 'webhook-phase'),
						A_webhookPhaseAndCredentials: gain('A', 'webhook-phase+credentials'),
						A0_webhookPhase: gain('A0', 'webhook-phase'),
					},
				};
			}

			// ---- 5. lifecycle: restart in sync mode, deactivation, first activation (sync) ----
			if (config.lifecycle && lifecycleWorkflow) {
				await restart('defaults, sync activation (lifecycle)', 'defaults', { activation: 'sync' });
				const json = workflowA(
					{ id: (lifecycleWorkflow.nodes[0].credentials as Record<string, { id: string; name: string }>).argyleApi.id, name: 'Argyle simulator (bench lifecycle)' },
					'd2000000-0000-4000-8000-0000000000d2',
				);
				json.name = 'Bench lifecycle 2: Argyle Trigger';
				json.nodes[0].webhookId = 'e2e2e2e2-0000-4000-8000-0000000000e2';
				const second = await n8n.createWorkflow(json);
				let mark = lifecycleSim.calls.length;
				const activation = await n8n.activate(second.id);
				await settleCalls(lifecycleSim, 1_000);
				results.lifecycle.push({ step: 'first activation', mode: 'sync', calls: summariseCalls(lifecycleSim.calls.slice(mark)), note: `activate HTTP ${activation.status}` });
				for (const [label, id] of [
					['deactivation', lifecycleWorkflow.id],
					['deactivation (the workflow activated in sync mode)', second.id],
				] as const) {
					mark = lifecycleSim.calls.length;
					const result = await n8n.deactivate(id);
					await settleCalls(lifecycleSim, 1_000);
					results.lifecycle.push({ step: label, mode: 'sync', calls: summariseCalls(lifecycleSim.calls.slice(mark)), note: `deactivate HTTP ${result.status}` });
				}
				results.lifecycle.push({
					step: 'left at Argyle after both deactivations',
					mode: 'sync',
					calls: summariseCalls([]),
					note: `${lifecycleSim.webhooks().length} subscription(s)`,
				});
				void lifecycleAccount;
			}
			await n8n.stop();
			if (pendingProfile) analyseProfile();
		}
	} finally {
		await n8n.dispose().catch(() => undefined);
		await sim.stop().catch(() => undefined);
		await lifecycleSim.stop().catch(() => undefined);
	}

	// ---- aggregate, targets, table ----
	const ingestRounds = results.rounds.filter((round) => config.settings.includes(round.label as SettingKey));
	results.cells = cells(ingestRounds);
	results.ratios = ratios(results.cells, config.settings, config.bodies);
	for (const setting of config.settings) {
		for (const key of config.workflows) {
			const cell = findCell(results.cells, setting, config.bodies[0], key);
			if (cell) results.isolates.push({ setting, workflow: key, isolatesPerReq: cell.isolatesPerReq, scopesPerReq: cell.scopesPerReq, sites: cell.isolateSites });
		}
	}
	if (results.micro) {
		results.micro.share = [];
		for (const micro of results.micro.results) {
			const xl = micro.bodyBytes > 10_000;
			const candidates = results.cells.filter((cell) => cell.workflow === 'A' && (xl ? cell.body === 'xl' : cell.body !== 'xl'));
			for (const cell of candidates) {
				results.micro.share.push({ body: `${micro.bodyBytes} B vs ${cell.body}`, ourUs: micro.webhookUs, n8nCpuMsPerReq: round2(cell.cpuMsPerReq), setting: cell.label, share: micro.webhookUs / 1000 / cell.cpuMsPerReq });
			}
		}
	}
	results.meta.loadAverageAtEnd = loadAverage();
	results.meta.waitedForQuietS = Math.round(ctx.quiet.waitedMs / 1000);
	results.meta.maxOtherN8nDuringRounds = Math.max(0, ...results.rounds.map((round) => round.otherN8n));
	results.meta.maxOtherCpuPctDuringRounds = Math.round(Math.max(0, ...results.rounds.map((round) => round.otherCpuPct)));
	results.meta.durationS = Math.round((Date.now() - startedMs) / 1000);
	results.targets = evaluateTargets(results);
	results.table = render(results);
	fs.mkdirSync(path.dirname(config.out), { recursive: true });
	fs.writeFileSync(config.out, `${JSON.stringify(results, null, '\t')}\n`);
	process.stdout.write(`${results.table}\n`);
	log(`wrote ${path.relative(process.cwd(), config.out) || config.out} in ${results.meta.durationS} s`);
	if (process.env.BENCH_KEEP_TMP === '1') log(`kept ${tmp} (BENCH_KEEP_TMP=1): cpu profile, counter and patch files`);
	else fs.rmSync(tmp, { recursive: true, force: true });
}

/** A few requests to every workflow: right answers, and what a forged request gets. */
async function functionalCheck(ctx: BenchContext, results: Results, full: boolean): Promise<void> {
	const check = (name: string, expected: string, got: string, ok: boolean) => {
		if (full) results.functional.push({ check: name, expected, got, ok });
		if (!ok) throw new Error(`functional check failed: ${name}: expected ${expected}, got ${got}`);
	};
	const post = async (key: WorkflowKey, body: Buffer, signature?: string) => {
		const workflow = ctx.workflows[key]!;
		return await ctx.n8n.sendWebhook(workflow.url, {
			body: body.toString('utf8'),
			headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { 'x-argyle-signature': signature }) },
		});
	};
	for (const key of Object.keys(ctx.workflows) as WorkflowKey[]) {
		const workflow = ctx.workflows[key]!;
		const signed = await post(key, ctx.bodies.small, workflow.signatures.small);
		check(`${key}: signed delivery`, '200', `${signed.status} ${signed.text.slice(0, 80)}`, signed.status === 200);
		workflow.expectedExecutions++;
	}
	for (const key of ['A', 'A0', 'A0c'] as WorkflowKey[]) {
		if (!ctx.workflows[key]) continue;
		const forged = await post(key, ctx.bodies.small, 'f'.repeat(128));
		check(`${key}: wrong signature`, '401, no execution', `${forged.status} ${forged.text.slice(0, 80)}`, forged.status === 401);
		const missing = await post(key, ctx.bodies.small);
		check(`${key}: no signature`, '401, no execution', `${missing.status}`, missing.status === 401);
	}
	if (full && ctx.workflows.A) {
		const unselected = Buffer.from(SMALL_BODY.replace('accounts.failed', 'accounts.connected'), 'utf8');
		const answer = await post('A', unselected, ctx.sim.sign(unselected, (await aSecretOf(ctx))!));
		check('A: signed delivery of an unselected event', '200 Ignored, no execution', `${answer.status} ${answer.text.slice(0, 80)}`, answer.status === 200 && answer.text.includes('Ignored'));
	}
	if (full && ctx.workflows.B) {
		const large = await post('B', ctx.bodies.large, ctx.workflows.B.signatures.large);
		check('B: signed large accounts.updated', '200', `${large.status}`, large.status === 200);
		ctx.workflows.B.expectedExecutions++;
		await drain(ctx.n8n, ctx.workflows.B.id, ctx.workflows.B.expectedExecutions, 60_000);
		const [newest] = await ctx.n8n.executions(ctx.workflows.B.id, { includeData: false });
		const detail = await ctx.n8n.execution(newest.id, true);
		const reached = Boolean(detail.data?.resultData.runData['No Operation']);
		check('B: accounts.updated reaches No Operation through the Switch', 'true', String(reached), reached);
		const forged = await post('B', ctx.bodies.small, 'f'.repeat(128));
		check('B: wrong signature', '200 and an error execution (the DIY chain cannot answer 401 in onReceived mode)', `${forged.status} ${forged.text.slice(0, 60)}`, forged.status === 200);
		ctx.workflows.B.expectedExecutions++;
	}
	for (const workflow of Object.values(ctx.workflows)) {
		const { counts } = await drain(ctx.n8n, workflow!.id, workflow!.expectedExecutions, 60_000);
		if (counts.total !== workflow!.expectedExecutions) {
			check(`${workflow!.key}: executions`, String(workflow!.expectedExecutions), String(counts.total), false);
		}
		if (full) {
			const bad = workflow!.key === 'B' ? 1 : 0;
			check(`${workflow!.key}: executions after the check`, `${workflow!.expectedExecutions} (${bad} error)`, `${counts.total} (${counts.error} error)`, counts.total === workflow!.expectedExecutions && counts.error === bad);
		}
	}
	if (full && ctx.workflows.A) {
		const [latest] = await ctx.n8n.executions(ctx.workflows.A.id, { includeData: false });
		const detail = await ctx.n8n.execution(latest.id, true);
		const item = detail.data?.resultData.runData['Argyle Trigger']?.[0]?.data?.main?.[0]?.[0]?.json;
		const noOp = Boolean(detail.data?.resultData.runData['No Operation']);
		check('A: execution item', '{event: accounts.failed, error_code: invalid_mfa, ...} and No Operation ran', `${JSON.stringify(item)?.slice(0, 120)} noOp=${noOp}`, item?.event === 'accounts.failed' && item?.error_code === 'invalid_mfa' && noOp);
	}
}

async function aSecretOf(ctx: BenchContext): Promise<string | undefined> {
	const url = ctx.workflows.A?.url;
	return ctx.sim.webhooks('v2').find((subscription) => subscription.url === url)?.secret ?? undefined;
}

function evaluateTargets(results: Results): Results['targets'] {
	const targets: Results['targets'] = [];
	const ratioFor = (label: string) => results.ratios.filter((ratio) => ratio.label === label);
	const list = (values: Array<[string, number | undefined, number?]>) =>
		values.map(([body, value, cpu]) => `${body} ${fmt.ratio(value)}${cpu === undefined ? '' : ` (CPU ${fmt.ratio(cpu)})`}`).join(', ');
	const all = (values: Array<number | undefined>, test: (value: number) => boolean) =>
		values.length === 0 || values.some((value) => value === undefined) ? null : values.every((value) => test(value!));

	const lazy = ratioFor('lazy');
	if (lazy.length) {
		targets.push({ target: 'lazy: A/B throughput >= 3', measured: list(lazy.map((r) => [r.body, r.rpsAB, r.cpuAB])), met: all(lazy.map((r) => r.rpsAB), (v) => v >= 3) });
		targets.push({ target: 'lazy: A/B p99 <= 0.4', measured: list(lazy.map((r) => [r.body, r.p99AB])), met: all(lazy.map((r) => r.p99AB), (v) => v <= 0.4) });
		targets.push({ target: 'lazy: A/C throughput >= 0.95', measured: list(lazy.map((r) => [r.body, r.rpsAC, r.cpuAC])), met: all(lazy.map((r) => r.rpsAC), (v) => v >= 0.95) });
	}
	const legacy = ratioFor('legacy');
	if (legacy.length) {
		targets.push({ target: 'legacy: A/B throughput >= 1.3', measured: list(legacy.map((r) => [r.body, r.rpsAB, r.cpuAB])), met: all(legacy.map((r) => r.rpsAB), (v) => v >= 1.3) });
		targets.push({ target: 'legacy: A/C throughput >= 0.95', measured: list(legacy.map((r) => [r.body, r.rpsAC, r.cpuAC])), met: all(legacy.map((r) => r.rpsAC), (v) => v >= 0.95) });
	}
	const defaults = ratioFor('defaults');
	if (defaults.length) {
		const aSmall = findCell(results.cells, 'defaults', 'small', 'A');
		targets.push({
			target: 'defaults: A within 5% of the minimal trigger (A/A0 throughput >= 0.95)',
			measured: `${list(defaults.map((r) => [r.body, r.rpsAA0, r.cpuAA0]))}; A small ${fmt.rps(aSmall?.reqPerSec)} req/s vs the baseline's minimal trigger ${BASELINE.minimalTriggerDefaultsReqPerSec} req/s (other run)`,
			met: all(defaults.map((r) => r.rpsAA0), (v) => v >= 0.95),
			note: 'isolates per request: see the isolate table (A reads its credential once per subscription, so it should take as many as A0)',
		});
	}
	if (results.patched?.gain) {
		const gain = results.patched.gain;
		targets.push({
			target: 'patched run shows what n8n would gain (A, default engine)',
			measured: `webhook-phase patch x${fmt.ratio(gain.A_webhookPhase)}, + credentials patch x${fmt.ratio(gain.A_webhookPhaseAndCredentials)} (A0: x${fmt.ratio(gain.A0_webhookPhase)})`,
			met: gain.A_webhookPhase !== undefined ? true : null,
		});
	} else {
		targets.push({ target: 'patched run shows what n8n would gain', measured: 'not run (npm run bench -- --patched)', met: null });
	}
	if (results.micro?.share?.length) {
		const worst = [...results.micro.share].sort((a, b) => b.share - a.share);
		const small = worst.filter((entry) => !entry.body.startsWith('6'));
		const xl = worst.filter((entry) => entry.body.startsWith('6'));
		const describe = (entry: (typeof worst)[number] | undefined) =>
			entry ? `${fmt.us(entry.ourUs)} µs vs ${fmt.ms(entry.n8nCpuMsPerReq)} CPU-ms (${entry.setting}, ${entry.body.split(' vs ')[1]}) = ${fmt.pct(entry.share, 2)}` : '–';
		targets.push({
			target: "our per-delivery work < 1% of n8n's per-request time",
			measured: `~1 KB: worst ${describe(small[0])}; 64 KB: worst ${describe(xl[0])}`,
			met: worst.every((entry) => entry.share < 0.01),
			note: "n8n's per-request time = CPU-ms per request of A (main process + runner) in that setting; the fake credential read in the micro-benchmark costs ~nothing, n8n's real one is in the profile and the isolate counts",
		});
	}
	const steps = results.lifecycle;
	if (steps.length) {
		const first = steps.filter((step) => step.step === 'first activation');
		targets.push({
			target: 'lifecycle: first activation = 1 list + 1 create',
			measured: first.map((step) => `${step.mode}: ${step.calls.list} list + ${step.calls.create} create + ${step.calls.delete} delete + ${step.calls.other} other`).join('; '),
			met: first.length ? first.every((step) => step.calls.list === 1 && step.calls.create === 1 && step.calls.total === 2) : null,
		});
		const restarts = steps.filter((step) => step.step.startsWith('restart'));
		targets.push({
			target: 'lifecycle: restart = at most 1 list',
			measured: restarts.map((step) => `${step.mode}: ${step.calls.total} call(s) (${step.calls.list} list)`).join('; '),
			met: restarts.length ? restarts.every((step) => step.calls.total === step.calls.list && step.calls.list <= 1) : null,
		});
		const deactivations = steps.filter((step) => step.step.startsWith('deactivation'));
		targets.push({
			target: 'lifecycle: deactivation = 1 delete',
			measured: deactivations.map((step) => `${step.calls.delete} delete + ${step.calls.total - step.calls.delete} other`).join('; '),
			met: deactivations.length ? deactivations.every((step) => step.calls.delete === 1 && step.calls.total === 1) : null,
		});
		const perDelivery = steps.find((step) => step.step.startsWith('per delivery'));
		const ingest = results.perDeliveryCalls;
		targets.push({
			target: 'lifecycle: 0 calls per delivery',
			measured: `${perDelivery ? `${perDelivery.calls.total} calls for 3 simulator deliveries` : ''}${ingest ? `; ${ingest.calls.total} calls during ${ingest.deliveries} bench deliveries to A` : ''}`,
			met: (perDelivery?.calls.total ?? 0) === 0 && (ingest?.calls.total ?? 0) === 0,
		});
	}
	if (results.footprint) {
		const bytes = results.footprint.pack.tarballBytes;
		targets.push({ target: 'tarball <= 60 KB', measured: `${fmt.kb(bytes)} (${bytes} bytes), ${results.footprint.pack.fileCount} files`, met: bytes <= 60 * 1024 });
	}
	return targets;
}

function render(results: Results): string {
	const meta = results.meta as Record<string, unknown> & { machine: { cpu: string; cores: number; ramGiB: number; os: string } };
	const config = results.config;
	const out: string[] = [];
	out.push(
		`Argyle Trigger bench — ${String(meta.date).slice(0, 16).replace('T', ' ')} UTC — ${meta.package} (${meta.commit}) — n8n ${meta.n8n} on Node ${meta.nodeForN8n}`,
		`machine: ${meta.machine.cpu}, ${meta.machine.cores} cores, ${meta.machine.ramGiB} GiB RAM, ${meta.machine.os}; load average at start ${meta.loadAverageAtStart}, at end ${meta.loadAverageAtEnd}; other n8n processes at start: ${meta.otherN8nAtStart}${meta.waitedForIdleS ? ` (waited ${meta.waitedForIdleS} s)` : ''}, at most ${meta.maxOtherN8nDuringRounds} during the rounds; other processes' CPU during a round: at most ${meta.maxOtherCpuPctDuringRounds}% of a core (the bench waited ${meta.waitedForQuietS} s in all for quieter moments before rounds)`,
		`protocol: ${config.rounds} rounds x ${config.requests} requests per workflow and body, concurrency ${config.concurrency}, warm-up ${config.warmup}, rounds interleaved ${config.workflows.join(' ')}, order rotated by one each round, drained after each round; medians of rounds; ${meta.activation}; ${meta.n8nSettings}`,
		`bodies: small accounts.failed ${results.bodies.small} B, large accounts.updated with the full account object ${results.bodies.large} B; workflows: ${Object.entries(results.workflows).map(([key, text]) => `${key} = ${text}`).join('; ')}`,
		'',
	);
	const labelOf = (setting: string) => (setting === 'defaults' ? 'defaults' : setting === 'lazy' ? 'LAZY_ACQUIRE=true' : 'ENGINE=legacy');
	const rows: string[][] = [];
	for (const setting of config.settings) {
		for (const body of config.bodies) {
			const cell = (key: WorkflowKey) => {
				const found = findCell(results.cells, setting, body, key);
				return found ? `${fmt.rps(found.reqPerSec)} (${fmt.ms(found.p50)}/${fmt.ms(found.p99)})${found.maxOtherCpuPct > INTERFERENCE_PCT ? '*' : ''}` : '–';
			};
			const ratio = results.ratios.find((r) => r.label === setting && r.body === body);
			rows.push([
				labelOf(setting),
				body,
				...config.workflows.map(cell),
				`${fmt.ratio(ratio?.rpsAB)} (${fmt.ratio(ratio?.cpuAB)})`,
				fmt.ratio(ratio?.p99AB),
				`${fmt.ratio(ratio?.rpsAC)} (${fmt.ratio(ratio?.cpuAC)})`,
				`${fmt.ratio(ratio?.rpsAA0)} (${fmt.ratio(ratio?.cpuAA0)})`,
			]);
		}
	}
	out.push(
		'1. Ingestion: req/s (p50/p99 ms), medians of the rounds; ratios from those medians, and in brackets from n8n CPU-ms per request (B/A etc.: the throughput ratio if n8n is CPU-bound)',
		table(['n8n setting', 'body', ...config.workflows.map((key) => key), 'A/B req/s', 'A/B p99', 'A/C req/s', 'A/A0 req/s'], rows),
		`* = in at least one round of that cell, other processes on the machine used more than ${INTERFERENCE_PCT}% of a core (other engineers' test runs): its req/s is less reliable than its CPU-ms per request`,
		'',
	);
	const isoRows: string[][] = [];
	for (const setting of config.settings) {
		const row = [labelOf(setting)];
		for (const key of config.workflows) {
			const cell = findCell(results.cells, setting, config.bodies[0], key);
			row.push(cell ? `${fmt.ms(cell.cpuMsPerReq)} / ${cell.isolatesPerReq === undefined ? '–' : cell.isolatesPerReq.toFixed(2)}` : '–');
		}
		isoRows.push(row);
	}
	out.push(`n8n CPU-ms per request (main + task runner) / isolates taken per request, ${config.bodies[0]} body`, table(['n8n setting', ...config.workflows], isoRows), '');
	const extra = config.settings
		.map((setting) => {
			const a = findCell(results.cells, setting, config.bodies[0], 'A');
			const a0 = findCell(results.cells, setting, config.bodies[0], 'A0');
			return a && a0 ? `${labelOf(setting)} ${fmt.ms(a.cpuMsPerReq - a0.cpuMsPerReq)}` : undefined;
		})
		.filter(Boolean);
	if (extra.length) out.push(`A - A0 (what the Argyle Trigger costs n8n more than the minimal trigger), CPU-ms per request: ${extra.join(', ')}`, '');
	const credentialCost = config.settings
		.map((setting) => {
			const a0 = findCell(results.cells, setting, config.bodies[0], 'A0');
			const a0c = findCell(results.cells, setting, config.bodies[0], 'A0c');
			return a0 && a0c ? `${labelOf(setting)} ${fmt.ms(a0c.cpuMsPerReq - a0.cpuMsPerReq)} (req/s A0c/A0 ${fmt.ratio(a0c.reqPerSec / a0.reqPerSec)})` : undefined;
		})
		.filter(Boolean);
	if (credentialCost.length) out.push(`A0c - A0 (what n8n spends on a start node with a credential it never reads), CPU-ms per request: ${credentialCost.join(', ')}`, '');
	const aSites = results.isolates.filter((entry) => entry.workflow === 'A' && entry.sites && Object.keys(entry.sites).length);
	if (aSites.length) {
		out.push(`where A's isolates come from (per request): ${aSites.map((entry) => `${labelOf(entry.setting)}: ${Object.entries(entry.sites!).map(([site, n]) => `${site} ${n}`).join(', ')}`).join('; ')}`, '');
	}
	const xl = results.cells.find((cell) => cell.body === 'xl');
	if (xl) out.push(`A with a ${results.bodies.xl}-byte body (${labelOf(xl.label)}): ${fmt.rps(xl.reqPerSec)} req/s, p99 ${fmt.ms(xl.p99)} ms, ${fmt.ms(xl.cpuMsPerReq)} CPU-ms/req`, '');

	if (results.profile?.summary) {
		const profile = results.profile;
		const summary = profile.summary!;
		const per = profile.perRequestMs!;
		out.push(
			`2. Where the time goes (A, default engine, ${profile.requests} requests under --cpu-prof; main thread, ms per request and share of busy time)`,
			table(
				['expression engine (isolated-vm)', "n8n's credential read", 'our node (own code)', 'n8n code under our webhook()', 'GC', '(program)', 'rest of n8n', 'main thread busy', 'other threads', 'isolates/req'],
				[
					[
						`${fmt.ms(per.engine)} (${fmt.pct(summary.buckets.engine.share)})`,
						`${fmt.ms(per.credentials)} (${fmt.pct(summary.buckets.credentials.share)})`,
						`${fmt.ms(per.ours)} (${fmt.pct(summary.buckets.ours.share, 2)})`,
						`${fmt.ms(per.n8nForUs)} (${fmt.pct(summary.buckets.n8nForUs.share, 2)})`,
						`${fmt.ms(per.gc)} (${fmt.pct(summary.buckets.gc.share)})`,
						`${fmt.ms(per.program)} (${fmt.pct(summary.buckets.program.share)})`,
						`${fmt.ms(per.rest)} (${fmt.pct(summary.buckets.rest.share)})`,
						fmt.ms(profile.mainThreadBusyMsPerReq),
						fmt.ms(profile.offMainThreadMsPerReq),
						profile.isolatesPerReq === undefined ? '–' : profile.isolatesPerReq.toFixed(2),
					],
				],
			),
			`rest of n8n by package: ${summary.restByPackage.map((entry) => `${entry.name} ${fmt.pct(entry.share)}`).join(', ')}`,
			`process CPU ${fmt.ms(profile.processCpuMsPerReq)} ms per request = main thread ${fmt.ms(profile.mainThreadBusyMsPerReq)} + other threads ${fmt.ms(profile.offMainThreadMsPerReq)} (isolated-vm runs isolates on their own threads; without isolates, under the legacy engine, A needs ${fmt.ms(findCell(results.cells, 'legacy', 'small', 'A')?.cpuMsPerReq)} CPU-ms per request)`,
			'',
		);
	} else if (results.profile?.error) out.push(`2. profile: ${results.profile.error}`, '');
	const lazyA = results.isolates.find((entry) => entry.setting === 'lazy' && entry.workflow === 'A');
	if (lazyA) out.push(`lazy setting: A took ${lazyA.isolatesPerReq?.toFixed(2)} isolates and opened ${lazyA.scopesPerReq?.toFixed(2)} scopes per request (nothing of ours makes n8n evaluate an expression)`, '');

	if (results.patched) {
		const rowsPatched = results.patched.cells.map((cell) => [cell.workflow, cell.variant ?? '', fmt.rps(cell.reqPerSec), fmt.ms(cell.p50), fmt.ms(cell.p99), fmt.ms(cell.cpuMsPerReq), cell.isolatesPerReq === undefined ? '–' : cell.isolatesPerReq.toFixed(2)]);
		out.push('3. What n8n could gain — PATCHED n8n (bench only, see bench/UPSTREAM.md), default engine, small body', table(['workflow', 'patch', 'req/s', 'p50', 'p99', 'CPU-ms/req', 'isolates/req'], rowsPatched), '');
	}
	if (results.micro) {
		out.push(
			`4. Our per-delivery work (dist/, fake IWebhookFunctions, Node ${results.micro.node}), µs per delivery`,
			table(
				['body', 'webhook() total', 'verify (HMAC-SHA512)', 'parse', 'filter + item', 'cached secret lookup', 'credential read + secret derivation (first delivery per subscription)'],
				results.micro.results.map((r) => [`${r.bodyBytes} B`, fmt.us(r.webhookUs), fmt.us(r.phasesUs.verify), fmt.us(r.phasesUs.parse), fmt.us(r.phasesUs.filterItem), fmt.us(r.phasesUs.cachedSecret), fmt.us(r.phasesUs.credentialAndSecret)]),
			),
			'',
		);
	}
	if (results.lifecycle.length) {
		out.push(
			'5. Argyle API calls per lifecycle step (simulator call log)',
			table(
				['step', 'activation', 'list', 'create', 'delete', 'other', 'note'],
				results.lifecycle.filter((step) => !step.step.startsWith('left')).map((step) => [step.step, step.mode, String(step.calls.list), String(step.calls.create), String(step.calls.delete), String(step.calls.other), step.note ?? '']),
			),
		);
		if (results.perDeliveryCalls) out.push(`during the ingestion rounds: ${results.perDeliveryCalls.calls.total} Argyle API calls for ${results.perDeliveryCalls.deliveries} deliveries to A`);
		out.push('');
	}
	if (results.footprint) {
		const pack = results.footprint.pack;
		out.push(
			`6. Footprint: npm pack ${fmt.kb(pack.tarballBytes)} tarball, ${fmt.kb(pack.unpackedBytes)} unpacked, ${pack.fileCount} files; require() of all ${results.footprint.require[0].jsFiles} built .js files in a fresh process: ${results.footprint.require.map((timing) => `Node ${timing.node} ${fmt.ms(timing.oursMs)} ms (+ ${fmt.ms(timing.n8nWorkflowMs)} ms for n8n-workflow, which n8n has loaded already)`).join('; ')}`,
			'',
		);
	}
	out.push('Targets (issue 7)', table(['target', 'measured', 'met'], results.targets.map((t) => [t.target, t.measured, t.met === null ? 'n/a' : t.met ? 'yes' : 'NO'])));
	return out.join('\n');
}

main().catch((error: unknown) => {
	process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
