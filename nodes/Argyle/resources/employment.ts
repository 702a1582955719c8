/**
 * Employments: the jobs of a user, whose IDs filter identities, paystubs and payroll documents
 * (`/v2/employments`). Argyle has no `GET /v2/employments/{id}`, so there is only Get Many.
 */
import { EMPLOYMENT } from '../../shared/objects/employment';
import { getManyOperation, type DataSet } from './common';
import { accountAndUser } from './filters';
import type { ResourceDefinition } from './types';

const EMPLOYMENTS: DataSet = { path: 'employments', label: 'Employment', one: 'employment', many: 'employments' };

export const employment: ResourceDefinition = {
	resource: 'employment',
	name: 'Employment',
	plural: 'Employments',
	defaultOperation: 'getAll',
	operations: {
		getAll: getManyOperation(EMPLOYMENTS, {
			description: 'List employments, optionally only those of one account or user (Argyle has no Get by ID for them)',
			filters: accountAndUser('employments'),
			output: EMPLOYMENT,
		}),
	},
};
