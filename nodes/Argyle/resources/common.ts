/**
 * Parameters and outputs several resources share, so a parameter's name and wording are the same
 * wherever it appears. They carry no resource/operation displayOptions: index.ts adds those.
 */
import type { INodeProperties } from 'n8n-workflow';

import { flag, id, optional } from '../../shared/fields';

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
	displayOptions: { show: { returnAll: [false] } },
};

/** The fields of a Get Many: Return All, Limit (while Return All is off), and the list's filters if any. */
export function getManyFields(filters: INodeProperties[] = []): INodeProperties[] {
	const fields = [returnAllProperty, limitProperty];
	if (filters.length) {
		fields.push({ displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: filters });
	}
	return fields;
}

/** A required ID parameter, e.g. Account ID; IDs straight from trigger items fit. */
export function idField(name: string, displayName: string, description: string, placeholder?: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', description, ...(placeholder ? { placeholder } : {}) };
}

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

/** What a delete outputs. */
export const DELETION_OUTPUT = {
	id: id('The ID that was deleted'),
	deleted: flag('Whether this call deleted it (false when it was already gone and Ignore Already Deleted is on)'),
	alreadyDeleted: optional(flag('Present and true when Argyle had nothing with this ID')),
} as const;
