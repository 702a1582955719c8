/** Progress lines go to stderr, so that stdout carries only the report. */
export const BENCH_STARTED_MS = Date.now();

export function log(line: string): void {
	const seconds = ((Date.now() - BENCH_STARTED_MS) / 1000).toFixed(0).padStart(4);
	process.stderr.write(`[bench +${seconds}s] ${line}\n`);
}
