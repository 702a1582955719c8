/** Vehicles gig workers drive (`/v2/vehicles`). */
import { VEHICLE } from '../../shared/objects/vehicle';
import { getManyOperation, getOperation, type DataSet } from './common';
import { accountAndUser } from './filters';
import type { ResourceDefinition } from './types';

const VEHICLES: DataSet = { path: 'vehicles', label: 'Vehicle', one: 'vehicle', many: 'vehicles' };

export const vehicle: ResourceDefinition = {
	resource: 'vehicle',
	name: 'Vehicle',
	plural: 'Vehicles',
	defaultOperation: 'get',
	operations: {
		get: getOperation(VEHICLES, {
			idParameter: 'vehicleId',
			idDescription: 'The ID of the vehicle, e.g. the "vehicle" field of an Argyle Trigger item (Vehicle events)',
			description: 'Retrieve one vehicle: make, model, year, plate and VIN',
			output: VEHICLE,
		}),
		getAll: getManyOperation(VEHICLES, {
			description: 'List vehicles, optionally only those of one account or user',
			filters: accountAndUser('vehicles'),
			output: VEHICLE,
		}),
	},
};
