/** Shifts: work shifts of hourly and services jobs (`/v2/shifts`). */
import { SHIFT } from '../../shared/objects/shift';
import { getManyOperation, getOperation, type DataSet } from './common';
import { accountAndUser, dateRange } from './filters';
import type { ResourceDefinition } from './types';

const SHIFTS: DataSet = { path: 'shifts', label: 'Shift', one: 'shift', many: 'shifts' };

export const shift: ResourceDefinition = {
	resource: 'shift',
	name: 'Shift',
	plural: 'Shifts',
	defaultOperation: 'getAll',
	operations: {
		get: getOperation(SHIFTS, {
			idParameter: 'shiftId',
			idDescription: 'The ID of the shift, e.g. one of the "updated_shifts" of an Argyle Trigger item (Shifts: Updated)',
			description: 'Retrieve one shift with its start, end, breaks and hours',
			output: SHIFT,
		}),
		getAll: getManyOperation(SHIFTS, {
			description:
				'List shifts, optionally of one account or user and started within a date range (e.g. the added_from and added_to of Shifts: Added)',
			filters: [
				...accountAndUser('shifts'),
				...dateRange('start_datetime', 'Start Date', 'shifts started', 'start_datetime'),
			],
			output: SHIFT,
		}),
	},
};
