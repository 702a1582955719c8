/** The run's temporary files, where n8n's preloads and --cpu-prof write what the bench reads back. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { log } from './log';

export interface BenchFiles {
	dir: string;
	/** the isolate counter's dump (bench/preload/isolate-counter.cjs) */
	hookFile: string;
	/** which parts of the upstream patch are on: n8n's patch preload rereads it, so rounds can switch without a restart */
	patchFlags: string;
	/** what the patch preload counted */
	patchStats: string;
	/** --cpu-prof output of the profile boot */
	profileDir: string;
}

export interface PatchFlags {
	webhookPhase: boolean;
	credentials: boolean;
}

export const PATCH_OFF: PatchFlags = { webhookPhase: false, credentials: false };

export function writePatchFlags(files: BenchFiles, flags: PatchFlags): void {
	fs.writeFileSync(files.patchFlags, JSON.stringify(flags));
}

export function makeBenchFiles(): BenchFiles {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'argyle-bench-'));
	const files = {
		dir,
		hookFile: path.join(dir, 'isolates.json'),
		patchFlags: path.join(dir, 'patch-flags.json'),
		patchStats: path.join(dir, 'patch-stats.json'),
		profileDir: path.join(dir, 'cpuprofile'),
	};
	writePatchFlags(files, PATCH_OFF);
	return files;
}

/** BENCH_KEEP_TMP=1 keeps them for a look at the raw profile and counters. */
export function removeBenchFiles(files: BenchFiles): void {
	if (process.env.BENCH_KEEP_TMP === '1') log(`kept ${files.dir} (BENCH_KEEP_TMP=1): cpu profile, counter and patch files`);
	else fs.rmSync(files.dir, { recursive: true, force: true });
}
