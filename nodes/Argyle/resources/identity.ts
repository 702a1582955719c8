/** Identities: who the user is at one employer, with contact details and base pay (`/v2/identities`). */
import { IDENTITY } from '../../shared/objects/identity';
import { getManyOperation, getOperation, type DataSet } from './common';
import { accountAndUser, idFilter } from './filters';
import type { ResourceDefinition } from './types';

const IDENTITIES: DataSet = { path: 'identities', label: 'Identity', one: 'identity', many: 'identities' };

export const identity: ResourceDefinition = {
	resource: 'identity',
	name: 'Identity',
	plural: 'Identities',
	defaultOperation: 'get',
	operations: {
		get: getOperation(IDENTITIES, {
			idParameter: 'identityId',
			idDescription: 'The ID of the identity, e.g. the "identity" field of an Argyle Trigger item (Identity events)',
			description: 'Retrieve one identity: name, contact details, employment and base pay',
			output: IDENTITY,
		}),
		getAll: getManyOperation(IDENTITIES, {
			description: 'List identities, optionally only those of one account, user or employment',
			filters: [...accountAndUser('identities'), idFilter('employment', 'identities')],
			output: IDENTITY,
		}),
	},
};
