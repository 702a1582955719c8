/**
 * Phase 4: the API key secret (also in its Basic-auth form) and every webhook secret the simulator
 * ever held must appear nowhere n8n keeps or shows things: its log output, the executions (public API
 * with data), the workflows (static data included), every error message seen, its SQLite database as
 * raw bytes (with -wal/-shm) and as a text dump of every table, and every other file in its user
 * folder. Each source also has a positive control (something known to be in it must be found), so an
 * unreadable or empty source cannot pass as "0 hits".
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { Execution } from '../../e2e/harness/n8n';
import type { ReliabilityRun } from './run';

export interface Needle {
	label: string;
	value: string;
}

export interface SourceScan {
	source: string;
	bytes: number;
	hits: Array<{ needle: string; count: number }>;
	/** the positive control was found in this source */
	controlFound: boolean;
	control: string;
	note?: string;
}

export function countOccurrences(haystack: Buffer, needle: Buffer): number {
	if (needle.length === 0) return 0;
	let count = 0;
	let from = 0;
	for (;;) {
		const at = haystack.indexOf(needle, from);
		if (at === -1) return count;
		count++;
		from = at + 1;
	}
}

export function scan(source: string, data: Buffer, needles: Needle[], control: string, note?: string): SourceScan {
	const hits: SourceScan['hits'] = [];
	for (const needle of needles) {
		const count = countOccurrences(data, Buffer.from(needle.value, 'utf8'));
		if (count) hits.push({ needle: needle.label, count });
	}
	return { source, bytes: data.length, hits, controlFound: countOccurrences(data, Buffer.from(control, 'utf8')) > 0, control, ...(note ? { note } : {}) };
}

/** Every regular file below `dir` (symbolic links are not followed: the package link is not n8n's data). */
export function filesBelow(dir: string): string[] {
	const out: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isSymbolicLink()) continue;
		if (entry.isDirectory()) out.push(...filesBelow(full));
		else if (entry.isFile()) out.push(full);
	}
	return out;
}

/** All executions of the instance (every workflow), with data, following nextCursor. */
async function allExecutions(run: ReliabilityRun): Promise<Execution[]> {
	const all: Execution[] = [];
	let cursor: string | undefined;
	do {
		const page = await run.n8n.api.ok<{ data: Execution[]; nextCursor: string | null }>('GET', '/executions', { query: { includeData: true, limit: 250, cursor } });
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

export interface SecretsResult {
	needles: Needle[];
	scans: SourceScan[];
	executionsRead: number;
	durationMs: number;
}

/**
 * Runs the scan. `control` values: an account id known to be in the execution data, a webhook id
 * known to be in the workflows, a text known to be in the error messages.
 */
export async function runSecretsScan(run: ReliabilityRun, controls: { account: string; webhookId: string; errorText: string }): Promise<SecretsResult> {
	const t0 = Date.now();
	const { n8n, sim } = run;
	run.noteSecrets();
	const needles: Needle[] = [
		{ label: 'API key secret', value: sim.apiKeySecret },
		{ label: 'API key secret as Basic auth', value: Buffer.from(`${sim.apiKeyId}:${sim.apiKeySecret}`).toString('base64') },
		...[...run.webhookSecrets].map((value, index) => ({ label: `webhook secret #${index + 1}`, value })),
	];
	const scans: SourceScan[] = [];

	// while n8n runs: what its API shows (a phase that failed may have left it stopped)
	if (!n8n.running) await n8n.start();
	const executions = await allExecutions(run);
	scans.push(scan('execution data (API)', Buffer.from(JSON.stringify(executions)), needles, controls.account));
	const workflows = await Promise.all(run.workflows.map((workflow) => n8n.getWorkflow(workflow.id)));
	scans.push(scan('workflows incl. static data', Buffer.from(JSON.stringify(workflows)), needles, controls.webhookId));
	scans.push(scan('error messages seen', Buffer.from(run.errorTexts.join('\n')), needles, controls.errorText));

	// at rest: stop n8n so the DB is complete on disk
	await n8n.stop();
	scans.push(scan('n8n log output (all starts)', fs.readFileSync(n8n.logFile), needles, 'n8n ready on 127.0.0.1'));
	const dbFile = path.join(n8n.userFolder, '.n8n', 'database.sqlite');
	const dbFiles = [dbFile, `${dbFile}-wal`, `${dbFile}-shm`].filter((file) => fs.existsSync(file));
	scans.push(scan('SQLite DB raw bytes', Buffer.concat(dbFiles.map((file) => fs.readFileSync(file))), needles, controls.account, dbFiles.map((f) => path.basename(f)).join(', ')));

	const dumpFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'argyle-reliability-dump-')), 'dump.sql');
	const python = spawnSync(
		'python3',
		[
			'-c',
			'import sqlite3,sys\ncon=sqlite3.connect("file:"+sys.argv[1]+"?mode=ro",uri=True)\nwith open(sys.argv[2],"w",encoding="utf-8",errors="surrogateescape") as f:\n    for line in con.iterdump(): f.write(line+"\\n")\n',
			dbFile,
			dumpFile,
		],
		{ encoding: 'utf8', timeout: 300_000 },
	);
	if (python.status === 0 && fs.existsSync(dumpFile)) {
		scans.push(scan('SQLite text dump (all tables)', fs.readFileSync(dumpFile), needles, controls.account));
	} else {
		scans.push({ source: 'SQLite text dump (all tables)', bytes: 0, hits: [], controlFound: false, control: controls.account, note: `python3 sqlite3 dump failed: ${python.error?.message ?? python.stderr?.slice(0, 300)}` });
	}
	fs.rmSync(path.dirname(dumpFile), { recursive: true, force: true });

	const files = filesBelow(n8n.userFolder);
	let fileBytes = 0;
	const fileHits = new Map<string, number>();
	let fileControl = false;
	for (const file of files) {
		const data = fs.readFileSync(file);
		fileBytes += data.length;
		const result = scan(file, data, needles, controls.account);
		if (result.controlFound) fileControl = true;
		for (const hit of result.hits) fileHits.set(`${hit.needle} in ${path.relative(n8n.userFolder, file)}`, hit.count);
	}
	scans.push({ source: `user folder files (${files.length})`, bytes: fileBytes, hits: [...fileHits].map(([needle, count]) => ({ needle, count })), controlFound: fileControl, control: controls.account });

	return { needles, scans, executionsRead: executions.length, durationMs: Date.now() - t0 };
}
