/**
 * The report: the run's end state into meta, the printed tables (stdout, and `table` in the JSON),
 * and the JSON itself (bench/results/latest.json unless --out or --quick).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { findCell, INTERFERENCE_PCT } from '../lib/cells';
import type { BenchRun } from '../lib/context';
import { fmt, table } from '../lib/format';
import { BENCH_STARTED_MS, log } from '../lib/log';
import { loadAverage } from '../lib/proc';
import type { BenchResults } from '../lib/results';
import type { WorkflowKey } from '../lib/workflows';

const labelOf = (setting: string) => (setting === 'defaults' ? 'defaults' : setting === 'lazy' ? 'LAZY_ACQUIRE=true' : 'ENGINE=legacy');
const perReq = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(2));

function header({ meta, config, bodies, workflows }: BenchResults): string[] {
	return [
		`Argyle Trigger bench — ${meta.date.slice(0, 16).replace('T', ' ')} UTC — ${meta.package} (${meta.commit}) — n8n ${meta.n8n} on Node ${meta.nodeForN8n}`,
		`machine: ${meta.machine.cpu}, ${meta.machine.cores} cores, ${meta.machine.ramGiB} GiB RAM, ${meta.machine.os}; load average at start ${meta.loadAverageAtStart}, at end ${meta.loadAverageAtEnd}; other n8n processes at start: ${meta.otherN8nAtStart}${meta.waitedForIdleS ? ` (waited ${meta.waitedForIdleS} s)` : ''}, at most ${meta.maxOtherN8nDuringRounds} during the rounds; other processes' CPU during a round: at most ${meta.maxOtherCpuPctDuringRounds}% of a core (the bench waited ${meta.waitedForQuietS} s in all for quieter moments before rounds)`,
		`protocol: ${config.rounds} rounds x ${config.requests} requests per workflow and body, concurrency ${config.concurrency}, warm-up ${config.warmup}, rounds interleaved ${config.workflows.join(' ')}, order rotated by one each round, drained after each round; medians of rounds; ${meta.activation}; ${meta.n8nSettings}`,
		`bodies: small accounts.failed ${bodies.small} B, large accounts.updated with the full account object ${bodies.large} B; workflows: ${Object.entries(workflows).map(([key, text]) => `${key} = ${text}`).join('; ')}`,
		'',
	];
}

function ingestion({ config, cells, ratios }: BenchResults): string[] {
	const rows: string[][] = [];
	for (const setting of config.settings) {
		for (const body of config.bodies) {
			const cell = (key: WorkflowKey) => {
				const found = findCell(cells, setting, body, key);
				return found ? `${fmt.rps(found.reqPerSec)} (${fmt.ms(found.p50)}/${fmt.ms(found.p99)})${found.maxOtherCpuPct > INTERFERENCE_PCT ? '*' : ''}` : '–';
			};
			const ratio = ratios.find((r) => r.label === setting && r.body === body);
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
	return [
		'1. Ingestion: req/s (p50/p99 ms), medians of the rounds; ratios from those medians, and in brackets from n8n CPU-ms per request (B/A etc.: the throughput ratio if n8n is CPU-bound)',
		table(['n8n setting', 'body', ...config.workflows, 'A/B req/s', 'A/B p99', 'A/C req/s', 'A/A0 req/s'], rows),
		`* = in at least one round of that cell, other processes on the machine used more than ${INTERFERENCE_PCT}% of a core (other engineers' test runs): its req/s is less reliable than its CPU-ms per request`,
		'',
	];
}

/** `minus` - `base` in CPU-ms per request, per setting, where both workflows ran. */
function cpuDifference({ config, cells }: BenchResults, minus: WorkflowKey, base: WorkflowKey, withRps: boolean): string[] {
	return config.settings.flatMap((setting) => {
		const a = findCell(cells, setting, config.bodies[0], minus);
		const b = findCell(cells, setting, config.bodies[0], base);
		if (!a || !b) return [];
		return [`${labelOf(setting)} ${fmt.ms(a.cpuMsPerReq - b.cpuMsPerReq)}${withRps ? ` (req/s ${minus}/${base} ${fmt.ratio(a.reqPerSec / b.reqPerSec)})` : ''}`];
	});
}

function cpuAndIsolates(results: BenchResults): string[] {
	const { config, cells, isolates, bodies } = results;
	const rows = config.settings.map((setting) => [
		labelOf(setting),
		...config.workflows.map((key) => {
			const cell = findCell(cells, setting, config.bodies[0], key);
			return cell ? `${fmt.ms(cell.cpuMsPerReq)} / ${perReq(cell.isolatesPerReq)}` : '–';
		}),
	]);
	const out = [`n8n CPU-ms per request (main + task runner) / isolates taken per request, ${config.bodies[0]} body`, table(['n8n setting', ...config.workflows], rows), ''];
	const extra = cpuDifference(results, 'A', 'A0', false);
	if (extra.length) out.push(`A - A0 (what the Argyle Trigger costs n8n more than the minimal trigger), CPU-ms per request: ${extra.join(', ')}`, '');
	const credentialCost = cpuDifference(results, 'A0c', 'A0', true);
	if (credentialCost.length) out.push(`A0c - A0 (what n8n spends on a start node with a credential it never reads), CPU-ms per request: ${credentialCost.join(', ')}`, '');
	const aSites = isolates.filter((entry) => entry.workflow === 'A' && entry.sites && Object.keys(entry.sites).length);
	if (aSites.length) {
		out.push(`where A's isolates come from (per request): ${aSites.map((entry) => `${labelOf(entry.setting)}: ${Object.entries(entry.sites!).map(([site, n]) => `${site} ${n}`).join(', ')}`).join('; ')}`, '');
	}
	const xl = cells.find((cell) => cell.body === 'xl');
	if (xl) out.push(`A with a ${bodies.xl}-byte body (${labelOf(xl.label)}): ${fmt.rps(xl.reqPerSec)} req/s, p99 ${fmt.ms(xl.p99)} ms, ${fmt.ms(xl.cpuMsPerReq)} CPU-ms/req`, '');
	return out;
}

function profile({ profile, cells }: BenchResults): string[] {
	if (!profile?.summary) return profile?.error ? [`2. profile: ${profile.error}`, ''] : [];
	const { summary } = profile;
	const per = profile.perRequestMs!;
	const bucket = (key: keyof typeof summary.buckets, digits?: number) => `${fmt.ms(per[key])} (${fmt.pct(summary.buckets[key].share, digits)})`;
	return [
		`2. Where the time goes (A, default engine, ${profile.requests} requests under --cpu-prof; main thread, ms per request and share of busy time)`,
		table(
			['expression engine (isolated-vm)', "n8n's credential read", 'our node (own code)', 'n8n code under our webhook()', 'GC', '(program)', 'rest of n8n', 'main thread busy', 'other threads', 'isolates/req'],
			[[bucket('engine'), bucket('credentials'), bucket('ours', 2), bucket('n8nForUs', 2), bucket('gc'), bucket('program'), bucket('rest'), fmt.ms(profile.mainThreadBusyMsPerReq), fmt.ms(profile.offMainThreadMsPerReq), perReq(profile.isolatesPerReq)]],
		),
		`rest of n8n by package: ${summary.restByPackage.map((entry) => `${entry.name} ${fmt.pct(entry.share)}`).join(', ')}`,
		`process CPU ${fmt.ms(profile.processCpuMsPerReq)} ms per request = main thread ${fmt.ms(profile.mainThreadBusyMsPerReq)} + other threads ${fmt.ms(profile.offMainThreadMsPerReq)} (isolated-vm runs isolates on their own threads; without isolates, under the legacy engine, A needs ${fmt.ms(findCell(cells, 'legacy', 'small', 'A')?.cpuMsPerReq)} CPU-ms per request)`,
		'',
	];
}

function lazyIsolates({ isolates }: BenchResults): string[] {
	const lazyA = isolates.find((entry) => entry.setting === 'lazy' && entry.workflow === 'A');
	if (!lazyA) return [];
	return [`lazy setting: A took ${lazyA.isolatesPerReq?.toFixed(2)} isolates and opened ${lazyA.scopesPerReq?.toFixed(2)} scopes per request (nothing of ours makes n8n evaluate an expression)`, ''];
}

function patched({ patched }: BenchResults): string[] {
	if (!patched) return [];
	const rows = patched.cells.map((cell) => [cell.workflow, cell.variant ?? '', fmt.rps(cell.reqPerSec), fmt.ms(cell.p50), fmt.ms(cell.p99), fmt.ms(cell.cpuMsPerReq), perReq(cell.isolatesPerReq)]);
	return ['3. What n8n could gain — PATCHED n8n (bench only, see bench/UPSTREAM.md), default engine, small body', table(['workflow', 'patch', 'req/s', 'p50', 'p99', 'CPU-ms/req', 'isolates/req'], rows), ''];
}

function micro({ micro }: BenchResults): string[] {
	if (!micro) return [];
	return [
		`4. Our per-delivery work (dist/, fake IWebhookFunctions, Node ${micro.node}), µs per delivery`,
		table(
			['body', 'webhook() total', 'verify (HMAC-SHA512)', 'parse', 'filter + item', 'cached secret lookup', 'credential read + secret derivation (first delivery per subscription)'],
			micro.results.map((r) => [`${r.bodyBytes} B`, fmt.us(r.webhookUs), fmt.us(r.phasesUs.verify), fmt.us(r.phasesUs.parse), fmt.us(r.phasesUs.filterItem), fmt.us(r.phasesUs.cachedSecret), fmt.us(r.phasesUs.credentialAndSecret)]),
		),
		'',
	];
}

function lifecycle({ lifecycle, perDeliveryCalls }: BenchResults): string[] {
	if (!lifecycle.length) return [];
	const rows = lifecycle
		.filter((step) => !step.step.startsWith('left'))
		.map((step) => [step.step, step.mode, String(step.calls.list), String(step.calls.create), String(step.calls.delete), String(step.calls.other), step.note ?? '']);
	const out = ['5. Argyle API calls per lifecycle step (simulator call log)', table(['step', 'activation', 'list', 'create', 'delete', 'other', 'note'], rows)];
	if (perDeliveryCalls) out.push(`during the ingestion rounds: ${perDeliveryCalls.calls.total} Argyle API calls for ${perDeliveryCalls.deliveries} deliveries to A`);
	return [...out, ''];
}

function footprint({ footprint }: BenchResults): string[] {
	if (!footprint) return [];
	const { pack } = footprint;
	const requires = footprint.require.map((timing) => `Node ${timing.node} ${fmt.ms(timing.oursMs)} ms (+ ${fmt.ms(timing.n8nWorkflowMs)} ms for n8n-workflow, which n8n has loaded already)`);
	return [`6. Footprint: npm pack ${fmt.kb(pack.tarballBytes)} tarball, ${fmt.kb(pack.unpackedBytes)} unpacked, ${pack.fileCount} files; require() of all ${footprint.require[0].jsFiles} built .js files in a fresh process: ${requires.join('; ')}`, ''];
}

function targets({ targets }: BenchResults): string[] {
	return ['Targets (issue 7)', table(['target', 'measured', 'met'], targets.map((t) => [t.target, t.measured, t.met === null ? 'n/a' : t.met ? 'yes' : 'NO']))];
}

function render(results: BenchResults): string {
	const parts = [header, ingestion, cpuAndIsolates, profile, lazyIsolates, patched, micro, lifecycle, footprint, targets];
	return parts.flatMap((part) => part(results)).join('\n');
}

/** What the machine did meanwhile: the header shows it, to judge how far the numbers can be trusted. */
function closeMeta(run: BenchRun): void {
	const { meta, rounds } = run.results;
	meta.loadAverageAtEnd = loadAverage();
	meta.waitedForQuietS = Math.round(run.quiet.waitedMs / 1000);
	meta.maxOtherN8nDuringRounds = Math.max(0, ...rounds.map((round) => round.otherN8n));
	meta.maxOtherCpuPctDuringRounds = Math.round(Math.max(0, ...rounds.map((round) => round.otherCpuPct)));
	meta.durationS = Math.round((Date.now() - BENCH_STARTED_MS) / 1000);
}

export function writeReport(run: BenchRun): void {
	const { config, results } = run;
	closeMeta(run);
	results.table = render(results);
	fs.mkdirSync(path.dirname(config.out), { recursive: true });
	fs.writeFileSync(config.out, `${JSON.stringify(results, null, '\t')}\n`);
	process.stdout.write(`${results.table}\n`);
	log(`wrote ${path.relative(process.cwd(), config.out) || config.out} in ${results.meta.durationS} s`);
}
