/** What every bench section shares while n8n runs: the instance, the workflows, the bodies and signatures. */
import type { N8nInstance } from '../../test/e2e/harness/n8n';
import type { ArgyleSimulator } from '../../simulator';
import type { WorkflowKey } from './workflows';

export type BodyKey = 'small' | 'large';

export interface BenchWorkflow {
	key: WorkflowKey;
	id: string;
	url: string;
	/** X-Argyle-Signature per body key, made with this workflow's secret */
	signatures: Record<BodyKey, string>;
	/** executions this workflow should have so far (every 2xx that starts one) */
	expectedExecutions: number;
}

export interface BenchContext {
	n8n: N8nInstance;
	/** the simulator A's credential points at */
	sim: ArgyleSimulator;
	bodies: Record<BodyKey, Buffer>;
	workflows: Partial<Record<WorkflowKey, BenchWorkflow>>;
	/** the counter preload's output file, when the current boot has it */
	hookFile?: string;
	/** before each round, wait while other processes use more than thresholdPct of a core (shared machines) */
	quiet: { thresholdPct: number; maxWaitPerRoundMs: number; budgetMs: number; waitedMs: number };
	log: (line: string) => void;
}
