/** Gigs: rides, deliveries and other tasks on gig platforms, with their income (`/v2/gigs`). */
import { GIG } from '../../shared/objects/gig';
import { getManyOperation, getOperation, type DataSet } from './common';
import { accountAndUser, dateRange } from './filters';
import type { ResourceDefinition } from './types';

const GIGS: DataSet = { path: 'gigs', label: 'Gig', one: 'gig', many: 'gigs' };

export const gig: ResourceDefinition = {
	resource: 'gig',
	name: 'Gig',
	plural: 'Gigs',
	defaultOperation: 'getAll',
	operations: {
		get: getOperation(GIGS, {
			idParameter: 'gigId',
			idDescription: 'The ID of the gig, e.g. one of the "updated_gigs" of an Argyle Trigger item (Gigs: Updated)',
			description: 'Retrieve one gig with its times, locations, distance and income',
			output: GIG,
		}),
		getAll: getManyOperation(GIGS, {
			description:
				'List gigs, optionally of one account or user and started within a date range (e.g. the added_from and added_to of Gigs: Added)',
			filters: [
				...accountAndUser('gigs'),
				...dateRange('start_datetime', 'Start Date', 'gigs started', 'start_datetime'),
			],
			output: GIG,
		}),
	},
};
