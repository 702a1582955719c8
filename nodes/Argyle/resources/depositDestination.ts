/** Deposit destinations: the bank accounts and cards pay goes to (`/v2/deposit-destinations`). */
import { DEPOSIT_DESTINATION } from '../../shared/objects/depositDestination';
import { getManyOperation, getOperation, type DataSet } from './common';
import { accountAndUser } from './filters';
import type { ResourceDefinition } from './types';

const DEPOSIT_DESTINATIONS: DataSet = {
	path: 'deposit-destinations',
	label: 'Deposit Destination',
	one: 'deposit destination',
	many: 'deposit destinations',
};

export const depositDestination: ResourceDefinition = {
	resource: 'depositDestination',
	name: 'Deposit Destination',
	plural: 'Deposit Destinations',
	defaultOperation: 'get',
	operations: {
		get: getOperation(DEPOSIT_DESTINATIONS, {
			idParameter: 'depositDestinationId',
			idDescription:
				'The ID of the deposit destination, e.g. the "deposit_destination" field of an Argyle Trigger item (Deposit Destination events)',
			description: 'Retrieve one deposit destination: bank account or card, status and allocation',
			output: DEPOSIT_DESTINATION,
		}),
		getAll: getManyOperation(DEPOSIT_DESTINATIONS, {
			description: 'List deposit destinations, optionally only those of one account or user',
			filters: accountAndUser('deposit destinations'),
			output: DEPOSIT_DESTINATION,
		}),
	},
};
