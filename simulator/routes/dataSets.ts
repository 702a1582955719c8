// The data collections (argyle-objects.md §4.1 filters): identities, paystubs, payroll documents,
// deposit destinations, shifts, gigs, vehicles, ratings, employments, user forms and uploads,
// verifications. Reports have their own module (they are also created and deleted).
import type { DataObject, DataResource } from '../types';
import { collectionRoutes, type CollectionSpec } from './collection';
import type { Route } from './common';
import { choice, dateRange, exact, field, owner, uuid, type Filter } from './filters';

type Spec = CollectionSpec<DataObject>;

export const ACCOUNT = uuid<DataObject>('account', field('account'));
export const USER = uuid<DataObject>('user', owner);
const EMPLOYMENT = uuid<DataObject>('employment', field('employment'));

const STATES = ['PENDING', 'PROCESSING', 'PAUSED', 'CANCELLED', 'COMPLETED'];
const CODES = [
	'pending', 'invite_sent', 'user_session_started', 'authenticated', 'documents_processing', 'report_available',
	'waiting_on_third_party', 'report_generating', 'awaiting_certification', 'connection_attempted', 'more_data_required',
	'syncing_error', 'cancelled_by_client', 'system_error', 'argyle_timeout', 'completed', 'completed_with_errors',
];
const REPORT_TYPES = ['voie', 'voe', 'voa', 'voi', 'voai', 'voe-transactions', 'doc-voi-mortgage'];
const nested = (outer: string, inner: string) => (o: DataObject) => (o[outer] as Record<string, unknown> | null)?.[inner];

const spec = (path: string, resource: DataResource, filters: Array<Filter<DataObject>>, retrieve = true): Spec => ({
	path,
	source: (store) => store.data[resource],
	filters,
	retrieve,
});

export const DATA_SETS: Spec[] = [
	spec('identities', 'identities', [ACCOUNT, USER, EMPLOYMENT]),
	spec('paystubs', 'paystubs', [ACCOUNT, USER, EMPLOYMENT, ...dateRange<DataObject>('start_date', 'paystub_date')]),
	spec('payroll-documents', 'payroll_documents', [ACCOUNT, USER, EMPLOYMENT, ...dateRange<DataObject>('available_date', 'available_date')]),
	spec('deposit-destinations', 'deposit_destinations', [ACCOUNT, USER]),
	spec('shifts', 'shifts', [ACCOUNT, USER, ...dateRange<DataObject>('start_datetime', 'start_datetime')]),
	spec('gigs', 'gigs', [ACCOUNT, USER, ...dateRange<DataObject>('start_datetime', 'start_datetime')]),
	spec('vehicles', 'vehicles', [ACCOUNT, USER]),
	spec('ratings', 'ratings', [ACCOUNT, USER]),
	spec('employments', 'employments', [ACCOUNT, USER], false),
	spec('user-forms', 'user_forms', [ACCOUNT, USER]),
	spec('user-uploads', 'user_uploads', [ACCOUNT, USER, exact('document_type', field('document_type'))]),
	spec('verifications', 'verifications', [
		USER,
		choice('status_state', STATES, nested('status', 'state')),
		choice('status_code', CODES, nested('status', 'code')),
		choice('report_type', REPORT_TYPES, nested('report', 'type')),
		exact('loan_number', nested('loan', 'number')),
	]),
];

export const DATA_SET_ROUTES: Route[] = DATA_SETS.flatMap((s) => collectionRoutes(s));
