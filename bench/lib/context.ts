/**
 * What the bench sections share. `BenchRun` lives for the whole run; `LiveBench` while n8n runs
 * (lib/session.ts), and `BenchContext` is the part the round helpers (lib/rounds.ts) work with.
 * Every section fills in its own keys of `results`, which is written as the run's JSON.
 */
import type { N8nInstall } from '../../test/e2e/harness/install';
import type { ActivationMode, N8nInstance } from '../../test/e2e/harness/n8n';
import type { ArgyleSimulator, CallRecord } from '../../simulator';
import type { BenchOptions } from './config';
import type { BenchFiles } from './files';
import type { SettingKey } from './n8n-bench';
import type { BenchResults } from './results';
import type { WorkflowKey } from './workflows';

export type BodyKey = 'small' | 'large';
/** the bodies a round can send: those of --bodies, and the 64 KB one that item 4's 64 KB case is compared with */
export type DeliveryKey = BodyKey | 'xl';

export interface BenchWorkflow {
	key: WorkflowKey;
	id: string;
	url: string;
	/** X-Argyle-Signature per body, made with this workflow's secret */
	signatures: Record<DeliveryKey, string>;
	/** executions this workflow should have so far (every 2xx that starts one) */
	expectedExecutions: number;
}

/** Before each round, wait while other processes use more than thresholdPct of a core (shared machines). */
export interface QuietPolicy {
	thresholdPct: number;
	maxWaitPerRoundMs: number;
	budgetMs: number;
	/** waited so far in the whole run */
	waitedMs: number;
}

export interface BenchContext {
	n8n: N8nInstance;
	/** the simulator A's credential points at */
	sim: ArgyleSimulator;
	bodies: Record<DeliveryKey, Buffer>;
	workflows: Partial<Record<WorkflowKey, BenchWorkflow>>;
	/** the counter preload's output file, when the current boot has it */
	hookFile?: string;
	quiet: QuietPolicy;
	log: (line: string) => void;
}

export interface BenchRun {
	config: BenchOptions;
	install: N8nInstall;
	files: BenchFiles;
	bodies: Record<DeliveryKey, Buffer>;
	quiet: QuietPolicy;
	results: BenchResults;
}

/** How n8n is booted: the setting's environment plus these. */
export interface BootOptions {
	/** the isolate-counting preload */
	counter?: boolean;
	/** the upstream-patch preload */
	patch?: boolean;
	nodeArgs?: string[];
	activation?: ActivationMode;
}

export interface RestartRecord {
	label: string;
	activation: ActivationMode;
	/** calls at the lifecycle simulator and at A's simulator while n8n came back up */
	lifecycleCalls: CallRecord[];
	ingestCalls: CallRecord[];
}

export interface LiveBench extends BenchRun {
	ctx: BenchContext;
	/** a simulator only the lifecycle workflows' credential points at, so its call log is theirs alone */
	lifecycleSim: ArgyleSimulator;
	/** A's credential, on ctx.sim */
	credential: { id: string; name: string };
	/** the setting the running n8n was booted with */
	setting: SettingKey;
	/** every restart so far, in order: the lifecycle section reports what each cost at Argyle */
	restarts: RestartRecord[];
	/** calls at A's simulator while the ingestion workflows were activated (sections/workflows.ts) */
	ingestActivationCalls?: CallRecord[];
	restart(label: string, setting: SettingKey, boot?: BootOptions): Promise<void>;
	/** runs `task` once the running n8n process has ended (V8 writes a --cpu-prof file at exit) */
	afterThisBoot(task: () => void): void;
}
