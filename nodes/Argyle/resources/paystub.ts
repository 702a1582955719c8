/** Paystubs: pay statements with itemized pay, taxes and deductions (`/v2/paystubs`). */
import { PAYSTUB } from '../../shared/objects/paystub';
import { getManyOperation, getOperation, type DataSet } from './common';
import { accountAndUser, dateRange, idFilter } from './filters';
import type { ResourceDefinition } from './types';

const PAYSTUBS: DataSet = { path: 'paystubs', label: 'Paystub', one: 'paystub', many: 'paystubs' };

export const paystub: ResourceDefinition = {
	resource: 'paystub',
	name: 'Paystub',
	plural: 'Paystubs',
	defaultOperation: 'getAll',
	operations: {
		get: getOperation(PAYSTUBS, {
			idParameter: 'paystubId',
			idDescription: 'The ID of the paystub, e.g. one of the "updated_paystubs" of an Argyle Trigger item (Paystubs: Updated)',
			description: 'Retrieve one paystub with its itemized gross pay, taxes, deductions and destinations',
			output: PAYSTUB,
		}),
		getAll: getManyOperation(PAYSTUBS, {
			description:
				'List paystubs, optionally of one account, user or employment and paid within a date range (e.g. the added_from and added_to of Paystubs: Added)',
			filters: [
				...accountAndUser('paystubs'),
				idFilter('employment', 'paystubs'),
				...dateRange('start_date', 'Paystub Date', 'paystubs paid', 'paystub_date'),
			],
			output: PAYSTUB,
		}),
	},
};
