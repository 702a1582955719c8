/**
 * The Argyle data sets the node reads, each with a recorded object and every Get Many filter set
 * (with the query string Argyle must get for them): the table data-resources.test.ts and
 * data-objects.test.ts run over.
 */
import type { IDataObject } from 'n8n-workflow';

import * as payroll from './payroll-fixtures';
import * as platform from './platform-fixtures';

/** What every Argyle object has: an ID, and fields the descriptors describe. */
export type ArgyleObject = { id: string; [field: string]: unknown };

export interface DataSetCase {
	resource: string;
	path: string;
	/** The Get operation's ID parameter; none for employments. */
	idParameter?: string;
	one: string;
	many: string;
	/** What Get returns (and Get Many lists, unless `listed` says otherwise). */
	example: ArgyleObject;
	listed?: ArgyleObject;
	/** Every filter set, and the query string Argyle must get for them. */
	filters: IDataObject;
	query: Record<string, string>;
}

const ACCOUNT = '0185a8b4-3d2e-4b0f-9c1a-6f1e2d3c4b5a';
const USER = '0185a8b4-aaaa-4b0f-9c1a-6f1e2d3c4b5a';
const EMPLOYMENT = '6406b2ab-11f0-36aa-a4f1-88db7ed44932';
const ACCOUNT_AND_USER = { filters: { account: ` ${ACCOUNT} `, user: USER }, query: { account: ACCOUNT, user: USER } };
const WITH_EMPLOYMENT = {
	filters: { ...ACCOUNT_AND_USER.filters, employment: EMPLOYMENT },
	query: { ...ACCOUNT_AND_USER.query, employment: EMPLOYMENT },
};

export const examples = { ...payroll, ...platform };

export const CASES: DataSetCase[] = [
	{
		resource: 'identity',
		path: 'identities',
		idParameter: 'identityId',
		one: 'identity',
		many: 'identities',
		example: examples.IDENTITY,
		...WITH_EMPLOYMENT,
	},
	{
		resource: 'paystub',
		path: 'paystubs',
		idParameter: 'paystubId',
		one: 'paystub',
		many: 'paystubs',
		example: examples.PAYSTUB,
		filters: { ...WITH_EMPLOYMENT.filters, fromStartDate: '2025-03-24T00:00:00', toStartDate: '2025-06-22T23:59:59' },
		query: { ...WITH_EMPLOYMENT.query, from_start_date: '2025-03-24T00:00:00.000Z', to_start_date: '2025-06-22T23:59:59.000Z' },
	},
	{
		resource: 'payrollDocument',
		path: 'payroll-documents',
		idParameter: 'payrollDocumentId',
		one: 'payroll document',
		many: 'payroll documents',
		example: examples.PAYROLL_DOCUMENT,
		filters: { ...WITH_EMPLOYMENT.filters, fromAvailableDate: '2021-01-01', toAvailableDate: '2021-12-31T12:00:00-05:00' },
		query: { ...WITH_EMPLOYMENT.query, from_available_date: '2021-01-01T00:00:00.000Z', to_available_date: '2021-12-31T17:00:00.000Z' },
	},
	{
		resource: 'depositDestination',
		path: 'deposit-destinations',
		idParameter: 'depositDestinationId',
		one: 'deposit destination',
		many: 'deposit destinations',
		example: examples.ACH_DESTINATION,
		...ACCOUNT_AND_USER,
	},
	{
		resource: 'shift',
		path: 'shifts',
		idParameter: 'shiftId',
		one: 'shift',
		many: 'shifts',
		example: examples.SHIFT,
		filters: { ...ACCOUNT_AND_USER.filters, fromStartDatetime: '2023-04-01T08:00:00Z', toStartDatetime: '2023-04-30T08:00:00.250+02:00' },
		query: { ...ACCOUNT_AND_USER.query, from_start_datetime: '2023-04-01T08:00:00.000Z', to_start_datetime: '2023-04-30T06:00:00.250Z' },
	},
	{
		resource: 'gig',
		path: 'gigs',
		idParameter: 'gigId',
		one: 'gig',
		many: 'gigs',
		example: examples.GIG,
		filters: { ...ACCOUNT_AND_USER.filters, fromStartDatetime: '2025-03-01T00:00:00', toStartDatetime: '2025-03-31' },
		query: { ...ACCOUNT_AND_USER.query, from_start_datetime: '2025-03-01T00:00:00.000Z', to_start_datetime: '2025-03-31T00:00:00.000Z' },
	},
	{
		resource: 'vehicle',
		path: 'vehicles',
		idParameter: 'vehicleId',
		one: 'vehicle',
		many: 'vehicles',
		example: examples.VEHICLE,
		...ACCOUNT_AND_USER,
	},
	{
		resource: 'rating',
		path: 'ratings',
		idParameter: 'ratingId',
		one: 'rating',
		many: 'ratings',
		example: examples.RATING,
		...ACCOUNT_AND_USER,
	},
	{ resource: 'employment', path: 'employments', one: 'employment', many: 'employments', example: examples.EMPLOYMENT, ...ACCOUNT_AND_USER },
	{
		resource: 'item',
		path: 'items',
		idParameter: 'itemId',
		one: 'item',
		many: 'items',
		example: examples.ITEM,
		listed: examples.ITEM_LISTED,
		filters: {
			search: ' Whole Goods ',
			ids: 'item_000000001, item_000017821,',
			kind: 'employer',
			status: ['healthy', 'issues'],
			mappingStatus: ['verified'],
			minMatchingScore: 0.8,
			filterSet: 'b1a2c3d4-0000-4000-8000-000000000001',
		},
		query: {
			q: 'Whole Goods',
			id: 'item_000000001,item_000017821',
			kind: 'employer',
			status: 'healthy,issues',
			mapping_status: 'verified',
			min_matching_score: '0.8',
			filter_set: 'b1a2c3d4-0000-4000-8000-000000000001',
		},
	},
	{
		resource: 'userForm',
		path: 'user-forms',
		idParameter: 'userFormId',
		one: 'user form',
		many: 'user forms',
		example: examples.USER_FORM,
		...ACCOUNT_AND_USER,
	},
	{
		resource: 'userUpload',
		path: 'user-uploads',
		idParameter: 'userUploadId',
		one: 'user upload',
		many: 'user uploads',
		example: examples.USER_UPLOAD,
		filters: { ...ACCOUNT_AND_USER.filters, documentType: 'W-2' },
		query: { ...ACCOUNT_AND_USER.query, document_type: 'W-2' },
	},
	{
		resource: 'verification',
		path: 'verifications',
		idParameter: 'verificationId',
		one: 'verification',
		many: 'verifications',
		example: examples.VERIFICATION,
		filters: { user: USER, statusState: 'PAUSED', statusCode: 'syncing_error', reportType: 'doc-voi-mortgage', loanNumber: 'L-1234 ' },
		query: { user: USER, status_state: 'PAUSED', status_code: 'syncing_error', report_type: 'doc-voi-mortgage', loan_number: 'L-1234' },
	},
];


/** The data sets that have Get. */
export const WITH_GET = CASES.filter((entry) => entry.idParameter);
