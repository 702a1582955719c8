/**
 * The parameters of the operations that write or download (user create/update, user tokens,
 * account actions, reports, file downloads): names, defaults and the words that warn about
 * Argyle's limits. The 0.1.0 parameters are pinned in description.test.ts.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Argyle } from '../../../nodes/Argyle/Argyle.node';
import { payrollDocumentDownload, userUploadDownload } from '../../../nodes/Argyle/resources/downloads';

const description = new Argyle().description;
const { properties } = description;

type Context = Record<string, string | boolean>;

/** The properties n8n shows for these parameter values (Return All off unless given). */
function visibleFor(resource: string, operation: string, extra: Context = {}): INodeProperties[] {
	return properties.filter((property) => {
		const show = property.displayOptions?.show ?? {};
		const context: Context = { resource, operation, returnAll: false, ...extra };
		return Object.entries(show).every(([name, values]) => name in context && (values as unknown[]).includes(context[name]));
	});
}

const names = (resource: string, operation: string, extra?: Context) =>
	visibleFor(resource, operation, extra)
		.map((property) => property.name)
		.filter((name) => name !== 'resource' && name !== 'operation');

function operationOption(resource: string, operation: string): INodePropertyOptions {
	const selector = properties.find(
		(property) => property.name === 'operation' && (property.displayOptions?.show?.resource as string[]).includes(resource),
	);
	return (selector?.options as INodePropertyOptions[]).find((option) => option.value === operation)!;
}

const subtitle = (resource: string, operation: string) => {
	const expression = String(description.subtitle).replace(/^=\{\{|\}\}$/g, '');
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	return new Function('$parameter', `return (${expression});`)({ resource, operation }) as string;
};

describe('Argyle node: write and download operations', () => {
	it.each([
		['account', 'disableOngoingRefresh', ['accountId']],
		['account', 'periodicScan', ['accountId']],
		['user', 'create', ['additionalFields']],
		['user', 'update', ['userId', 'updateFields']],
		['userToken', 'create', ['userId']],
		['report', 'generate', ['reportType', 'userId', 'additionalFields', 'dailyLimitNotice']],
		['report', 'get', ['reportId']],
		['report', 'getAll', ['returnAll', 'limit', 'filters']],
		['report', 'delete', ['reportId', 'options']],
	])('%s / %s shows %j', (resource, operation, expected) => {
		expect(names(resource, operation)).toEqual(expected);
	});

	it('Report: Download shows the binary field only for the PDF format', () => {
		expect(names('report', 'download', { format: 'pdf' })).toEqual(['reportId', 'format', 'binaryPropertyName']);
		expect(names('report', 'download', { format: 'json' })).toEqual(['reportId', 'format']);
		const format = visibleFor('report', 'download').find((property) => property.name === 'format');
		expect(format).toMatchObject({ type: 'options', default: 'pdf' });
		expect((format?.options as INodePropertyOptions[]).map((option) => option.value)).toEqual(['json', 'pdf']);
	});

	it('the report types are the four Argyle generates', () => {
		const type = visibleFor('report', 'generate').find((property) => property.name === 'reportType');
		expect((type?.options as INodePropertyOptions[]).map((option) => option.value)).toEqual(['voe', 'voe-mortgage', 'voie', 'voie-mortgage']);
	});

	it('user Create and Update offer the same optional fields, sorted, with the address as one group', () => {
		const options = (resource: string, operation: string, name: string) =>
			(visibleFor(resource, operation).find((property) => property.name === name)?.options as INodeProperties[]).map((option) => option.name);
		const expected = ['address', 'birthDate', 'email', 'externalId', 'externalMetadata', 'firstName', 'lastName', 'phoneNumber', 'ssn'];
		expect(options('user', 'create', 'additionalFields')).toEqual(expected);
		expect(options('user', 'update', 'updateFields')).toEqual(expected);
		const birthDate = (visibleFor('user', 'create').find((p) => p.name === 'additionalFields')?.options as INodeProperties[]).find(
			(option) => option.name === 'birthDate',
		);
		expect(birthDate?.type).toBe('dateTime');
	});

	it('says what Argyle does: token lifetime, metadata merge, daily report limit, Sandbox only', () => {
		expect(operationOption('user', 'create').description).toMatch(/expires after 1 hour/);
		expect(operationOption('userToken', 'create').description).toMatch(/expires after 1 hour/);
		expect(operationOption('user', 'update').description).toMatch(/merged/);
		expect(operationOption('report', 'generate').description).toMatch(/10 reports per user per day/);
		expect(operationOption('account', 'periodicScan').description).toMatch(/^Sandbox testing only/);
	});

	it('subtitles read as words', () => {
		expect(subtitle('user', 'create')).toBe('Create User');
		expect(subtitle('user', 'update')).toBe('Update User');
		expect(subtitle('userToken', 'create')).toBe('Create User Token');
		expect(subtitle('account', 'disableOngoingRefresh')).toBe('Disable Ongoing Account Refresh');
		expect(subtitle('account', 'periodicScan')).toBe('Run Sandbox Periodic Scan');
		expect(subtitle('report', 'generate')).toBe('Generate Report');
		expect(subtitle('report', 'getAll')).toBe('Get Many Reports');
		expect(subtitle('report', 'download')).toBe('Download Report');
	});

	it('the two Download File operations for nodeA\'s resources: ID, binary field named data by default, subtitle', () => {
		for (const [operation, id, words] of [
			[payrollDocumentDownload, 'payrollDocumentId', 'Download Payroll Document File'],
			[userUploadDownload, 'userUploadId', 'Download User Upload File'],
		] as const) {
			expect(operation.name).toBe('Download File');
			expect(operation.subtitle).toBe(words);
			expect(operation.fields?.map((field) => field.name)).toEqual([id, 'binaryPropertyName']);
			expect(operation.fields?.[1]).toMatchObject({ type: 'string', default: 'data', required: true });
		}
	});
});
