/** Reports: payroll verification reports (VOE, VOIE and their mortgage variants) of one user (`/v2/reports`). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { anyObject, oneOf, optional, type ObjectOf } from '../../shared/fields';
import { downloadArgyleFile } from '../../shared/download';
import { DOWNLOADED_FILE } from '../../shared/objects/file';
import { REPORT } from '../../shared/objects/report';
import { deleteOne, getMany, getOne, idPath, requiredId } from '../requests';
import { createOne, jsonObjectParameter } from '../writes';
import { DELETION_OUTPUT, getManyFields, idField, ignoreAlreadyDeletedOptions } from './common';
import { binaryPropertyField, fileItem, fileUrlOf } from './downloads';
import type { ResourceDefinition } from './types';

export type ArgyleReport = ObjectOf<typeof REPORT>;

const DAILY_LIMIT =
	'Argyle generates at most 10 reports per user per day; deleting a report generated in the last 24 hours frees one.';

const reportId = idField('reportId', 'Report ID', 'The ID of the report, e.g. from Generate or Get Many');

const generateFields: INodeProperties[] = [
	{
		displayName: 'Report Type',
		name: 'reportType',
		type: 'options',
		default: 'voie',
		options: [
			{ name: 'VOE', value: 'voe', description: 'Verification of employment' },
			{ name: 'VOE Mortgage', value: 'voe-mortgage', description: 'Verification of employment for mortgage lending' },
			{ name: 'VOIE', value: 'voie', description: 'Verification of income and employment' },
			{ name: 'VOIE Mortgage', value: 'voie-mortgage', description: 'Verification of income and employment for mortgage lending' },
		],
	},
	idField('userId', 'User ID', 'The Argyle user the report is about, e.g. the "user" field of an Argyle Trigger item'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'json',
				default: '{}',
				description: 'Any JSON object to store on the report, e.g. your loan number; Argyle returns it with the report',
			},
		],
	},
	{ displayName: DAILY_LIMIT, name: 'dailyLimitNotice', type: 'notice', default: '' },
];

const downloadFields: INodeProperties[] = [
	reportId,
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		default: 'pdf',
		options: [
			{ name: 'JSON', value: 'json', description: "The report's data, in the item's JSON under \"report\"" },
			{ name: 'PDF', value: 'pdf', description: 'The report PDF, as binary data' },
		],
	},
	{ ...binaryPropertyField, displayOptions: { show: { format: ['pdf'] } } },
];

/** A report can be downloaded once Argyle generated it; otherwise say what to wait for. */
function assertGenerated(ctx: IExecuteFunctions, report: ArgyleReport, itemIndex: number) {
	if (report.status === 'generated' || report.status === undefined) return;
	const failed = report.status === 'failed';
	throw new NodeOperationError(
		ctx.getNode(),
		failed ? `Argyle failed to generate report ${report.id}` : `Report ${report.id} is not ready yet (status ${report.status})`,
		{
			itemIndex,
			description: failed
				? 'Generate the report again.'
				: 'Download it once its status is generated: Argyle sends the reports.generated webhook then (use the Argyle Trigger), or check with Get.',
		},
	);
}

async function downloadReport(ctx: IExecuteFunctions, itemIndex: number) {
	const id = requiredId(ctx, 'reportId', 'Report', itemIndex);
	const format = ctx.getNodeParameter('format', itemIndex, 'pdf') as string;
	const report = await getOne<ArgyleReport>(ctx, idPath('reports', id), `get report ${id}`);
	assertGenerated(ctx, report, itemIndex);
	const facts = { id: report.id ?? id, type: report.type, format };
	const action = `download report ${id}`;
	if (format === 'json') {
		const file = await downloadArgyleFile(ctx, fileUrlOf(ctx, report.json_url, `report ${id} (JSON)`, itemIndex), action);
		return { items: [{ json: { ...facts, report: parseReportJson(ctx, file.body, id, itemIndex) } }] };
	}
	const item = await fileItem(ctx, itemIndex, {
		fileUrl: fileUrlOf(ctx, report.file_url, `report ${id} (PDF)`, itemIndex),
		action,
		facts,
		fileName: () => `argyle-report-${report.type ?? 'report'}-${facts.id}.pdf`,
		mimeType: 'application/pdf',
	});
	return { items: [item] };
}

function parseReportJson(ctx: IExecuteFunctions, body: Buffer, id: string, itemIndex: number): IDataObject {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body.toString('utf8'));
	} catch {
		parsed = undefined;
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
	throw new NodeOperationError(ctx.getNode(), `The JSON of report ${id} is not a JSON object`, {
		itemIndex,
		description: 'Argyle sent something else for json_url; download the PDF instead, or try again later.',
	});
}

export const REPORT_DOWNLOAD = {
	id: REPORT.id,
	type: REPORT.type,
	format: oneOf('pdf: the file is in the binary field; json: the data is in report', ['pdf', 'json']),
	fileName: optional(DOWNLOADED_FILE.fileName),
	mimeType: optional(DOWNLOADED_FILE.mimeType),
	fileSize: optional(DOWNLOADED_FILE.fileSize),
	binaryProperty: optional(DOWNLOADED_FILE.binaryProperty),
	report: optional(anyObject("With Format JSON: the report's data as Argyle's json_url gives it")),
} as const;

export const report: ResourceDefinition = {
	resource: 'report',
	name: 'Report',
	plural: 'Reports',
	defaultOperation: 'get',
	operations: {
		delete: {
			name: 'Delete',
			action: 'Delete a report',
			description: 'Delete a report at Argyle. Deleting one generated in the last 24 hours frees a slot of the daily limit.',
			fields: [reportId, ignoreAlreadyDeletedOptions],
			output: DELETION_OUTPUT,
			async run(ctx, itemIndex) {
				const id = requiredId(ctx, 'reportId', 'Report', itemIndex);
				return [await deleteOne(ctx, itemIndex, idPath('reports', id), id, 'report')];
			},
		},
		download: {
			name: 'Download',
			action: 'Download a report',
			description: 'Download a generated report as a PDF file (binary) or as JSON data',
			fields: downloadFields,
			output: REPORT_DOWNLOAD,
			run: downloadReport,
		},
		generate: {
			name: 'Generate',
			action: 'Generate a report',
			description: `Start generating a report for a user; it is ready when Argyle sends reports.generated. ${DAILY_LIMIT}`,
			fields: generateFields,
			output: REPORT,
			async run(ctx, itemIndex) {
				const user = requiredId(ctx, 'userId', 'User', itemIndex);
				const type = ctx.getNodeParameter('reportType', itemIndex) as string;
				const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as { metadata?: unknown };
				const metadata = jsonObjectParameter(ctx, extra.metadata, 'Metadata', itemIndex);
				const body: IDataObject = { user, ...(metadata && Object.keys(metadata).length ? { metadata } : {}) };
				const created = await createOne<ArgyleReport>(ctx, `/v2/reports/${encodeURIComponent(type)}`, body, {
					action: `generate a ${type} report for user ${user}`,
					unsure: 'Check with Get Many (filter User) before generating it again.',
					refused: DAILY_LIMIT,
				});
				return [created];
			},
		},
		get: {
			name: 'Get',
			action: 'Get a report',
			description: 'Retrieve one report with its status and download links',
			fields: [reportId],
			output: REPORT,
			async run(ctx, itemIndex) {
				const id = requiredId(ctx, 'reportId', 'Report', itemIndex);
				return [await getOne<ArgyleReport>(ctx, idPath('reports', id), `get report ${id}`)];
			},
		},
		getAll: {
			name: 'Get Many',
			action: 'Get many reports',
			description: 'List reports, optionally only those of one user',
			fields: getManyFields([
				{ displayName: 'User ID', name: 'user', type: 'string', default: '', description: 'Only reports about this Argyle user' },
			]),
			output: REPORT,
			async run(ctx, itemIndex) {
				const filters = ctx.getNodeParameter('filters', itemIndex, {}) as { user?: string };
				return await getMany<ArgyleReport>(ctx, itemIndex, '/v2/reports', { user: filters.user?.trim() }, 'list reports');
			},
		},
	},
};
