/**
 * Parameters, outputs and operations several resources share, so a parameter's name and wording
 * are the same wherever it appears. They carry no resource/operation displayOptions: index.ts adds those.
 */
import type { INodeProperties } from 'n8n-workflow';

import { flag, id, optional, type Fields } from '../../shared/fields';
import { getMany, getOne, idPath, requiredId } from '../requests';
import { filterQuery, type ListFilter } from './filters';
import type { OperationDefinition } from './types';

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

/** An Argyle data set the node reads: its REST collection and how it is named. */
export interface DataSet {
	/** The collection below /v2, hyphenated: e.g. payroll-documents (events say payroll_documents). */
	readonly path: string;
	/** As in "Payroll Document ID" and its errors. */
	readonly label: string;
	/** In words, for actions and errors: "payroll document", "payroll documents". */
	readonly one: string;
	readonly many: string;
}

const article = (word: string) => (/^[aeio]/i.test(word) ? 'an' : 'a');

/** Get: one object by its ID, e.g. the ID an Argyle Trigger item names. */
export function getOperation(
	set: DataSet,
	spec: {
		/** e.g. payrollDocumentId (saved in workflows: never renamed). */
		idParameter: string;
		idDescription: string;
		placeholder?: string;
		description: string;
		output: Fields;
	},
): OperationDefinition {
	const { idParameter } = spec;
	return {
		name: 'Get',
		action: `Get ${article(set.one)} ${set.one}`,
		description: spec.description,
		fields: [idField(idParameter, `${set.label} ID`, spec.idDescription, spec.placeholder)],
		output: spec.output,
		async run(ctx, itemIndex) {
			const id = requiredId(ctx, idParameter, set.label, itemIndex);
			return [await getOne<object>(ctx, idPath(set.path, id), `get ${set.one} ${id}`)];
		},
	};
}

/** Get Many: Return All or Limit, and the list's filters (shown sorted by name). */
export function getManyOperation(
	set: DataSet,
	spec: { description: string; filters: readonly ListFilter[]; output: Fields },
): OperationDefinition {
	const filters = [...spec.filters].sort((a, b) => a.property.displayName.localeCompare(b.property.displayName));
	return {
		name: 'Get Many',
		action: `Get many ${set.many}`,
		description: spec.description,
		fields: getManyFields(filters.map((filter) => filter.property)),
		output: spec.output,
		async run(ctx, itemIndex) {
			const query = filterQuery(ctx, itemIndex, filters);
			return await getMany<object>(ctx, itemIndex, `/v2/${set.path}`, query, `list ${set.many}`);
		},
	};
}
