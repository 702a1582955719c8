/**
 * Parameters that several resources share. Each resource spreads them and adds its own
 * displayOptions, so a parameter's name and wording are the same wherever it appears.
 */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Shows a parameter only for these operations of one resource. */
export function showFor(resource: string, operations: string[]): IDisplayOptions {
	return { show: { resource: [resource], operation: operations } };
}

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
};

/** Repeated webhook deliveries make a second delete of the same ID likely. */
export const ignoreAlreadyDeletedOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Ignore Already Deleted',
			name: 'ignoreAlreadyDeleted',
			type: 'boolean',
			default: false,
			description:
				'Whether a 404 (nothing with this ID) counts as success and outputs deleted: false, alreadyDeleted: true instead of failing. Useful when the same webhook may arrive twice.',
		},
	],
};

/**
 * The fields of a Get Many operation: Return All, Limit (while Return All is off) and, when the
 * list endpoint takes any, a Filters collection. Every resource's list reads the same way.
 */
export function getManyFields(resource: string, filters: INodeProperties[] = []): INodeProperties[] {
	const show = showFor(resource, ['getAll']);
	const fields: INodeProperties[] = [
		{ ...returnAllProperty, displayOptions: show },
		{ ...limitProperty, displayOptions: { show: { ...show.show, returnAll: [false] } } },
	];
	if (filters.length) {
		fields.push({
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show,
			options: filters,
		});
	}
	return fields;
}
