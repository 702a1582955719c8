/**
 * The figures every phase of the reliability suite records, printed at the end as one block that
 * docs/reliability.md carries. A phase that did not run (or failed before it measured
 * something) leaves its fields undefined and prints "n/a".
 */

export interface HostileFigures {
	sent: number;
	/** requests whose status (and message) were exactly the one classified up front */
	asExpected: number;
	mismatches: number;
	/** executions started by hostile requests (must be 0) */
	executionsStarted: number;
	validSent: number;
	validExecuted: number;
	validPayloadsOk: number;
	byStatus: Record<string, number>;
	/** JSON bodies under xml content types that n8n 2.41 itself never answered (its xml2js defect) */
	n8nHangs: number;
	logProblemLines: number;
	n8nStayedUp: boolean;
	durationMs: number;
}

export interface LoadFigures {
	sent: number;
	answered200: number;
	concurrency: number;
	executions: number;
	successful: number;
	distinctPayloads: number;
	lost: number;
	duplicates: number;
	unexpected: number;
	sendMs: number;
	drainMs: number;
	readBackMs: number;
	readBackVia: string;
	deliveriesPerSecond: number;
	rssBeforeMiB: number;
	rssAfterMiB: number;
	settings: string;
}

export interface SoakFigures {
	steps: number;
	byKind: Record<string, number>;
	restarts: number;
	kills: number;
	faultsInjected: number;
	activationsFailedLoudly: number;
	retryAfterChecks: number;
	deliveriesVerified: number;
	forgedRejected: number;
	inactiveRejected: number;
	subscriptionChecks: number;
	orphans: number;
	duplicateSubscriptions: number;
	duplicateExecutions: number;
	durationMs: number;
}

export interface SecretFigures {
	needles: number;
	webhookSecrets: number;
	sources: Record<string, { bytes: number; hits: number }>;
	hits: number;
	durationMs: number;
}

export interface Figures {
	seed: number;
	n8nVersion: string;
	hostile?: HostileFigures;
	load?: LoadFigures;
	soak?: SoakFigures;
	secrets?: SecretFigures;
	derivedSecretCost?: string;
	totalMs?: number;
}

const na = (value: unknown): string => (value === undefined || value === null ? 'n/a' : String(value));
const seconds = (ms: number | undefined): string => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);

/** The block printed at the end of the run (plain text, fits a README code block). */
export function formatFigures(figures: Figures): string {
	const { hostile: h, load: l, soak: s, secrets: x } = figures;
	const lines: string[] = [];
	lines.push(`Argyle Trigger reliability run — n8n ${figures.n8nVersion || 'n/a'}, seed ${figures.seed}`);
	lines.push('');
	lines.push('1. hostile deliveries');
	lines.push(`   hostile requests sent          ${na(h?.sent)} (as classified: ${na(h?.asExpected)}, mismatches: ${na(h?.mismatches)})`);
	lines.push(`   answers by status              ${h ? Object.entries(h.byStatus).map(([k, v]) => `${k}: ${v}`).join(', ') : 'n/a'}`);
	lines.push(`   executions started by them     ${na(h?.executionsStarted)}`);
	lines.push(`   valid deliveries interleaved   ${na(h?.validSent)} sent, ${na(h?.validExecuted)} executed, ${na(h?.validPayloadsOk)} payloads exact`);
	lines.push(`   n8n stayed up / log problems   ${na(h?.n8nStayedUp)} / ${na(h?.logProblemLines)} lines`);
	lines.push(`   never answered by n8n (xml)    ${na(h?.n8nHangs)} (n8n 2.41's shared xml2js parser; they started nothing)`);
	lines.push(`   duration                       ${seconds(h?.durationMs)}`);
	lines.push('2. load without loss');
	lines.push(`   signed deliveries sent         ${na(l?.sent)} at concurrency ${na(l?.concurrency)} (HTTP 200: ${na(l?.answered200)})`);
	lines.push(`   executions                     ${na(l?.executions)} (success: ${na(l?.successful)}, distinct payloads: ${na(l?.distinctPayloads)})`);
	lines.push(`   lost / duplicates / unexpected ${na(l?.lost)} / ${na(l?.duplicates)} / ${na(l?.unexpected)}`);
	lines.push(`   throughput                     ${l ? `${l.deliveriesPerSecond.toFixed(1)} deliveries/s (send ${seconds(l.sendMs)}, drain ${seconds(l.drainMs)}, read back ${seconds(l.readBackMs)} via ${l.readBackVia})` : 'n/a'}`);
	lines.push(`   n8n main RSS before / after    ${l ? `${l.rssBeforeMiB} MiB / ${l.rssAfterMiB} MiB` : 'n/a'}`);
	lines.push(`   n8n settings                   ${na(l?.settings)}`);
	lines.push('3. lifecycle soak');
	lines.push(`   steps                          ${na(s?.steps)} (${s ? Object.entries(s.byKind).map(([k, v]) => `${k} ${v}`).join(', ') : 'n/a'})`);
	lines.push(`   restarts / SIGKILLs            ${na(s?.restarts)} / ${na(s?.kills)}`);
	lines.push(`   faults injected                ${na(s?.faultsInjected)} (activations failed loudly: ${na(s?.activationsFailedLoudly)}, Retry-After gaps checked: ${na(s?.retryAfterChecks)})`);
	lines.push(`   deliveries verified            ${na(s?.deliveriesVerified)} (forged -> 401: ${na(s?.forgedRejected)}, inactive -> 404: ${na(s?.inactiveRejected)})`);
	lines.push(`   subscription checks            ${na(s?.subscriptionChecks)}`);
	lines.push(`   orphans / duplicate subs       ${na(s?.orphans)} / ${na(s?.duplicateSubscriptions)}`);
	lines.push(`   duplicate executions           ${na(s?.duplicateExecutions)}`);
	lines.push(`   duration                       ${seconds(s?.durationMs)}`);
	lines.push('4. secrets at rest and in logs');
	lines.push(`   needles                        ${na(x?.needles)} (API key secret, its Basic-auth form, ${na(x?.webhookSecrets)} webhook secrets)`);
	if (x) {
		for (const [source, value] of Object.entries(x.sources)) {
			lines.push(`   ${source.padEnd(30)} ${value.hits} hits in ${(value.bytes / 1024 / 1024).toFixed(1)} MiB`);
		}
	}
	lines.push(`   secret hits                    ${na(x?.hits)}`);
	lines.push(`   duration                       ${seconds(x?.durationMs)}`);
	if (figures.derivedSecretCost) lines.push(`   derived webhook secret         ${figures.derivedSecretCost}`);
	lines.push('');
	lines.push(`total ${seconds(figures.totalMs)}`);
	return lines.join('\n');
}
