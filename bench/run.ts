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
 * Each is a module in sections/; this file runs them in order. Usage: see lib/config.ts
 * (`npm run bench -- --help`).
 */
import { loadConfig, USAGE } from './lib/config';
import { removeBenchFiles } from './lib/files';
import { withN8n } from './lib/session';
import { measureFootprint } from './sections/footprint';
import { runIngestion } from './sections/ingest';
import { countIsolates } from './sections/isolates';
import { startLifecycle } from './sections/lifecycle';
import { measureMicro } from './sections/micro';
import { runPatched } from './sections/patched';
import { runProfile } from './sections/profile';
import { writeReport } from './sections/report';
import { prepareRun } from './sections/setup';
import { evaluateTargets } from './sections/targets';
import { activateWorkflows } from './sections/workflows';

async function main(): Promise<void> {
	const config = loadConfig();
	if (config.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	const run = await prepareRun(config);
	// first, while no n8n of ours loads the machine
	measureFootprint(run);
	measureMicro(run);
	await withN8n(run, async (live) => {
		const lifecycle = await startLifecycle(live);
		await activateWorkflows(live);
		await runIngestion(live);
		await runProfile(live);
		await runPatched(live);
		await lifecycle.finish();
	});
	countIsolates(run);
	evaluateTargets(run);
	writeReport(run);
	removeBenchFiles(run.files);
}

main().catch((error: unknown) => {
	process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
