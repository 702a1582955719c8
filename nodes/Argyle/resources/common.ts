/**
 * Parameters that several resources share. Each resource spreads them and adds its own
 * displayOptions, so a parameter's name and wording are the same wherever it appears.
 */
import type { INodeProperties } from 'n8n-workflow';

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
