/**
 * n8n for the bench sections: one instance, booted once with the first setting and restarted for
 * each later boot (setting, preloads, activation mode), always torn down at the end, Ctrl-C included.
 */
import { N8nInstance } from '../../test/e2e/harness/n8n';
import { ArgyleSimulator } from '../../simulator';
import { settleCalls } from './calls';
import type { BenchContext, BenchRun, BootOptions, LiveBench } from './context';
import type { BenchFiles } from './files';
import { log } from './log';
import { COUNTER_PRELOAD, createSimulatorCredential, nodeOptions, PATCH_PRELOAD, SETTING_ENV, type SettingKey } from './n8n-bench';
import { MINIMAL_PACKAGE_DIR } from './workflows';

function bootEnv(files: BenchFiles, setting: SettingKey, boot: BootOptions): Record<string, string | undefined> {
	const preloads = [...(boot.patch ? [PATCH_PRELOAD] : []), ...(boot.counter ? [COUNTER_PRELOAD] : [])];
	return {
		...SETTING_ENV[setting],
		// workflow B's Code node verifies the HMAC with node:crypto
		NODE_FUNCTION_ALLOW_BUILTIN: 'crypto',
		NODE_OPTIONS: nodeOptions(preloads, boot.nodeArgs ?? []),
		ARGYLE_BENCH_HOOK_OUT: boot.counter ? files.hookFile : undefined,
		ARGYLE_BENCH_PATCH_FILE: boot.patch ? files.patchFlags : undefined,
		ARGYLE_BENCH_PATCH_STATS: boot.patch ? files.patchStats : undefined,
	};
}

/** n8n runs detached in its own process group: Ctrl-C or a kill of the bench must take it down too. */
function stopOnSignals(n8n: N8nInstance): void {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			log(`${signal}: stopping n8n`);
			n8n.killSync();
			process.exit(130);
		});
	}
}

interface Running {
	n8n: N8nInstance;
	sim: ArgyleSimulator;
	lifecycleSim: ArgyleSimulator;
	setting: SettingKey;
}

function liveBench(run: BenchRun, running: Running, credential: LiveBench['credential']): LiveBench & { bootEnded(): void } {
	const { n8n, sim, lifecycleSim } = running;
	const ctx: BenchContext = {
		n8n,
		sim,
		bodies: run.bodies,
		workflows: {},
		hookFile: run.config.countHook ? run.files.hookFile : undefined,
		quiet: run.quiet,
		log,
	};
	let afterBoot: Array<() => void> = [];
	const bootEnded = () => {
		const tasks = afterBoot;
		afterBoot = [];
		for (const task of tasks) task();
	};
	const live: LiveBench & { bootEnded(): void } = {
		...run,
		ctx,
		lifecycleSim,
		credential,
		setting: running.setting,
		restarts: [],
		afterThisBoot: (task) => afterBoot.push(task),
		bootEnded,
		restart: async (label, setting, boot = {}) => {
			const activation = boot.activation ?? 'outbox';
			const marks = { lifecycle: lifecycleSim.calls.length, ingest: sim.calls.length };
			log(`restart n8n: ${label}`);
			await n8n.restart({ env: bootEnv(run.files, setting, boot), activation });
			live.setting = setting;
			ctx.hookFile = boot.counter ? run.files.hookFile : undefined;
			// reactivation may call Argyle: those calls are done before anything is measured
			await settleCalls(lifecycleSim);
			await settleCalls(sim, 500);
			live.restarts.push({ label, activation, lifecycleCalls: lifecycleSim.calls.slice(marks.lifecycle), ingestCalls: sim.calls.slice(marks.ingest) });
			bootEnded();
		},
	};
	return live;
}

/** Boots n8n (when a section needs it), runs `sections` with it, and stops everything. */
export async function withN8n(run: BenchRun, sections: (live: LiveBench) => Promise<void>): Promise<void> {
	const { config } = run;
	if (!(config.ingest || config.profile || config.patched || config.lifecycle)) return;
	const sim = await ArgyleSimulator.start();
	const lifecycleSim = await ArgyleSimulator.start();
	const setting: SettingKey = config.settings[0] ?? 'defaults';
	const n8n = new N8nInstance({ activation: 'outbox', extraPackages: [MINIMAL_PACKAGE_DIR], env: bootEnv(run.files, setting, { counter: config.countHook }) });
	stopOnSignals(n8n);
	try {
		log(`boot n8n (${setting}, outbox)`);
		await n8n.start();
		run.results.meta.n8nRunning = n8n.version;
		const credential = await createSimulatorCredential(n8n, sim, 'Argyle simulator (bench A)');
		const live = liveBench(run, { n8n, sim, lifecycleSim, setting }, credential);
		await sections(live);
		await n8n.stop();
		live.bootEnded();
	} finally {
		await n8n.dispose().catch(() => undefined);
		await sim.stop().catch(() => undefined);
		await lifecycleSim.stop().catch(() => undefined);
	}
}
