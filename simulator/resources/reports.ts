// Payroll reports (argyle-objects.md §3.13, §6.13) and verifications (§3.14, §6.14).
import type { ArgyleAccount, ArgyleUser, DataObject } from '../types';
import { millis } from './util';

export const REPORT_TYPES = ['voe', 'voie', 'voe-mortgage', 'voie-mortgage'] as const;

export interface ReportInput {
	id: string;
	user: ArgyleUser;
	type: string;
	metadata: unknown;
	accounts: ArgyleAccount[];
	baseUrl: string;
	createdAt: Date;
	status: 'generating' | 'generated';
}

const lastSynced = (accounts: ArgyleAccount[]): string | null =>
	accounts.map((a) => a.scanned_at).filter((s): s is string => !!s).sort().pop() ?? null;

export function makeReport(input: ReportInput): DataObject {
	const { id, baseUrl } = input;
	const created = millis(input.createdAt);
	return {
		id,
		user: input.user.id,
		reference_id: id,
		generated_at: created,
		created_at: created,
		type: input.type,
		status: input.status,
		file_url: `${baseUrl}/v2/reports/${id}/file`,
		json_url: `${baseUrl}/v2/reports/${id}/json`,
		last_synced_at: lastSynced(input.accounts),
		accounts: input.accounts.map((a) => ({ id: a.id, item: a.item, last_synced_at: a.scanned_at })),
		metadata: input.metadata ?? {},
		external_id: input.user.external_id,
	};
}

/** A completed payroll VOIE verification whose report is a stored report. */
export function makeVerification(id: string, user: string, report: DataObject, now: Date): DataObject {
	return {
		id,
		user,
		created_at: millis(new Date(now.getTime() - 2 * 86_400_000)),
		updated_at: millis(now),
		channel: 'api',
		status: { state: 'COMPLETED', code: 'completed', errors: [] },
		report: { id: report.id, type: report.type, file_url: report.file_url, json_url: report.json_url },
		employments: [],
		loan: { number: '1234', borrower_id: 'ABC789', application_id: '2121313', officer_email: 'john.doe@mortgage.com', division: 'retail' },
		billing: { cost_center: '5' },
		data_source: 'payroll',
	};
}
