/** Payroll documents: W-2s, 1099s, payout statements and other files from the payroll system (`/v2/payroll-documents`). */
import { PAYROLL_DOCUMENT } from '../../shared/objects/payrollDocument';
import { getManyOperation, getOperation, type DataSet } from './common';
import { payrollDocumentDownload } from './downloads';
import { accountAndUser, dateRange, idFilter } from './filters';
import type { ResourceDefinition } from './types';

const PAYROLL_DOCUMENTS: DataSet = {
	path: 'payroll-documents',
	label: 'Payroll Document',
	one: 'payroll document',
	many: 'payroll documents',
};

export const payrollDocument: ResourceDefinition = {
	resource: 'payrollDocument',
	name: 'Payroll Document',
	plural: 'Payroll Documents',
	defaultOperation: 'get',
	operations: {
		get: getOperation(PAYROLL_DOCUMENTS, {
			idParameter: 'payrollDocumentId',
			idDescription:
				'The ID of the payroll document, e.g. the "payroll_document" field of an Argyle Trigger item or of a paystub',
			description: 'Retrieve one payroll document: its type, dates, file URL and OCR data (W-2 and 1099)',
			output: PAYROLL_DOCUMENT,
		}),
		getAll: getManyOperation(PAYROLL_DOCUMENTS, {
			description: 'List payroll documents, optionally of one account, user or employment and made available within a date range',
			filters: [
				...accountAndUser('payroll documents'),
				idFilter('employment', 'payroll documents'),
				...dateRange('available_date', 'Available Date', 'documents made available', 'available_date'),
			],
			output: PAYROLL_DOCUMENT,
		}),
		downloadFile: payrollDocumentDownload,
	},
};
