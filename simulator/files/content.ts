// The bytes behind each file_url / json_url: a PDF for payout statements, tax forms and reports,
// a PNG for pictures and photographed uploads, JSON for a report's json_url. Texts come from the
// stored objects, so a statement shows the paystub's own figures.
import type { Store } from '../store';
import type { DataObject } from '../types';
import { pdf } from './pdf';
import { png } from './png';

export interface StoredFile {
	bytes: Buffer;
	contentType: string;
	fileName: string;
}

const PDF = 'application/pdf';

const usd = (v: unknown) => `$${String(v ?? '0.00')}`;
const day = (v: unknown) => String(v ?? '').slice(0, 10);

function statementLines(store: Store, doc: DataObject): string[] {
	const stub = store.data.paystubs.values().find((p) => p.payroll_document === doc.id);
	const identity = store.objectsOf('identities', String(doc.account))[0];
	if (!stub) return [`Employer: ${doc.employer}`, `Available: ${day(doc.available_date)}`];
	const period = stub.paystub_period as { start_date: string; end_date: string };
	return [
		`Employer: ${doc.employer}`,
		`Employee: ${identity?.full_name ?? ''}`,
		`Pay date: ${day(stub.paystub_date)}    Period: ${day(period.start_date)} to ${day(period.end_date)}`,
		`Gross pay: ${usd(stub.gross_pay)}    Taxes: ${usd(stub.taxes)}    Deductions: ${usd(stub.deductions)}`,
		`Net pay: ${usd(stub.net_pay)}`,
		`Year to date: gross ${usd(stub.gross_pay_ytd)}, net ${usd(stub.net_pay_ytd)}`,
	];
}

function formLines(doc: DataObject): string[] {
	const ocr = doc.ocr_data as { form?: Record<string, unknown> } | undefined;
	const boxes = Object.entries(ocr?.form ?? {}).filter(([, v]) => typeof v === 'string');
	return [`Employer: ${doc.employer}`, ...boxes.map(([k, v]) => `${k}: ${String(v)}`)];
}

export function payrollDocumentFile(store: Store, doc: DataObject): StoredFile {
	const type = String(doc.document_type);
	if (type === 'profile-picture') return { bytes: png(), contentType: 'image/png', fileName: 'profile-picture.png' };
	const dated = day(doc.available_date);
	if (type === 'payout-statement') {
		return { bytes: pdf('Earnings Statement', statementLines(store, doc)), contentType: PDF, fileName: `paystub_${dated}.pdf` };
	}
	const title = String(doc.document_type_description ?? type);
	return { bytes: pdf(title, formLines(doc)), contentType: PDF, fileName: `${title.replace(/\W+/g, '_')}.pdf` };
}

export function userUploadFile(upload: DataObject): StoredFile {
	const fileName = String(upload.file_name);
	if (/\.png$/i.test(fileName)) return { bytes: png(48, 30, [180, 170, 150]), contentType: 'image/png', fileName };
	return { bytes: pdf(`Uploaded document: ${upload.document_type}`, [`File: ${fileName}`, `Uploaded: ${upload.created_at}`]), contentType: PDF, fileName };
}

/** A report's content: what the accounts it covers hold (identities, latest pay, year to date). */
function reportContent(store: Store, report: DataObject): Record<string, unknown> {
	const accounts = (report.accounts as Array<{ id: string; item: string; last_synced_at: string | null }>).map((a) => {
		const identity = store.objectsOf('identities', a.id)[0];
		const stubs = store.objectsOf('paystubs', a.id).sort((x, y) => String(x.paystub_date).localeCompare(String(y.paystub_date)));
		const latest = stubs[stubs.length - 1];
		return {
			account: a.id,
			item: a.item,
			employer: identity?.employer ?? null,
			employment_status: identity?.employment_status ?? null,
			hire_date: identity?.hire_date ?? null,
			job_title: identity?.job_title ?? null,
			base_pay: identity?.base_pay ?? null,
			latest_paystub: latest ? { paystub_date: latest.paystub_date, gross_pay: latest.gross_pay, net_pay: latest.net_pay } : null,
			gross_pay_ytd: latest?.gross_pay_ytd ?? null,
			paystubs_count: stubs.length,
		};
	});
	return { id: report.id, type: report.type, user: report.user, created_at: report.created_at, last_synced_at: report.last_synced_at, accounts };
}

export function reportFile(store: Store, report: DataObject, format: 'pdf' | 'json'): StoredFile {
	const content = reportContent(store, report);
	const base = `${String(report.type)}-report-${report.id}`;
	if (format === 'json') {
		return { bytes: Buffer.from(JSON.stringify(content, null, 2)), contentType: 'application/json', fileName: `${base}.json` };
	}
	const lines = (content.accounts as Array<Record<string, unknown>>).flatMap((a) => [
		`${a.employer ?? a.item}: ${a.employment_status ?? 'unknown'} since ${a.hire_date ?? '?'}, ${a.job_title ?? ''}`,
		`  Latest pay ${usd((a.latest_paystub as { gross_pay?: string } | null)?.gross_pay)} gross; year to date ${usd(a.gross_pay_ytd)}`,
	]);
	const title = `${String(report.type).toUpperCase()} report`;
	return { bytes: pdf(title, [`Reference #: ${report.id}`, `Data as of: ${report.last_synced_at ?? 'n/a'}`, ...lines]), contentType: PDF, fileName: `${base}.pdf` };
}
