/**
 * The run's JSON (bench/results/latest.json): one key per measured thing, filled in by the section
 * that measures it. README.md and bench/UPSTREAM.md quote its keys; keep them.
 */
import type { FootprintResult } from '../sections/footprint';
import type { IngestionResult } from '../sections/ingest';
import type { IsolateCount } from '../sections/isolates';
import type { LifecycleStep } from '../sections/lifecycle';
import type { MicroResult } from '../sections/micro';
import type { PatchedResult } from '../sections/patched';
import type { ProfileResult } from '../sections/profile';
import type { RunMeta } from '../sections/setup';
import type { Target } from '../sections/targets';
import type { BenchOptions } from './config';
import type { RoundResult } from './rounds';

export interface BenchResults extends IngestionResult {
	meta: RunMeta;
	config: BenchOptions;
	/** what each workflow key stands for */
	workflows: Record<string, string>;
	/** bytes of each delivery body */
	bodies: Record<string, number>;
	/** every measured round in the order run: ingestion, profile, patched */
	rounds: RoundResult[];
	isolates: IsolateCount[];
	profile?: ProfileResult;
	patched?: PatchedResult;
	micro?: MicroResult;
	lifecycle: LifecycleStep[];
	footprint?: FootprintResult;
	targets: Target[];
	/** the printed report */
	table?: string;
}
