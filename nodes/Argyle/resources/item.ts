/**
 * Items: the employers, gig platforms and payroll platforms users connect to in Link
 * (`/v2/items`). Get Many searches them; Get returns one with what it supports.
 */
import { ITEM_DETAILS, ITEM_KINDS, ITEM_LISTED, ITEM_MAPPING_STATUSES, ITEM_STATUSES } from '../../shared/objects/item';
import { getManyOperation, getOperation, type DataSet } from './common';
import { choiceFilter, choices, idListFilter, numberFilter, textFilter } from './filters';
import type { ResourceDefinition } from './types';

const ITEMS: DataSet = { path: 'items', label: 'Item', one: 'item', many: 'items' };

const filters = [
	textFilter(
		{
			displayName: 'Search',
			name: 'search',
			description: 'Only Items whose name matches this text, best match first (see matching_score); use the full employer or platform name',
		},
		'q',
	),
	idListFilter(
		{
			displayName: 'Item IDs',
			name: 'ids',
			placeholder: 'item_000000001,item_000000002',
			description: 'Only these Items, their IDs separated by commas',
		},
		'id',
	),
	choiceFilter(
		{ displayName: 'Kind', name: 'kind', description: 'Only Items of this kind' },
		'kind',
		choices(ITEM_KINDS, {}, {
			benefits: 'A benefits provider',
			employer: 'An employer',
			gig: 'A gig platform, e.g. a rideshare or delivery app',
			platform: 'A payroll platform, e.g. Gusto',
		}),
	),
	choiceFilter(
		{
			displayName: 'Status',
			name: 'status',
			description: 'Only Items with one of these statuses (Healthy and Issues together: every Item that accepts new connections)',
		},
		'status',
		choices(ITEM_STATUSES, {}, {
			healthy: 'Works normally',
			issues: 'Impaired; new connections still work',
			unavailable: 'No new connections; ongoing refresh is paused',
		}),
		true,
	),
	choiceFilter(
		{ displayName: 'Mapping Status', name: 'mappingStatus', description: 'Only Items with one of these mapping statuses' },
		'mapping_status',
		choices(ITEM_MAPPING_STATUSES, {}, {
			mapped: 'The payroll system is known; nobody connected yet',
			unmapped: 'The payroll system is unknown',
			verified: 'The payroll system is known and a connection with paystubs succeeded',
		}),
		true,
	),
	numberFilter(
		{
			displayName: 'Min Matching Score',
			name: 'minMatchingScore',
			default: 0.5,
			typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
			description: 'Only Items that match Search at least this well, from 0.01 to 1',
		},
		'min_matching_score',
	),
	textFilter(
		{
			displayName: 'Item Filter ID',
			name: 'filterSet',
			description: 'Only the Items an Item filter (made in Argyle Console or through the API) lets through',
		},
		'filter_set',
	),
];

export const item: ResourceDefinition = {
	resource: 'item',
	name: 'Item',
	plural: 'Items',
	defaultOperation: 'getAll',
	operations: {
		get: getOperation(ITEMS, {
			idParameter: 'itemId',
			idDescription: 'The ID of the Item (employer or platform), e.g. the "item" field of an account or of an Argyle Trigger item',
			placeholder: 'item_000000001',
			description: 'Retrieve one Item (employer or platform) with its status and the features and fields it supports',
			output: ITEM_DETAILS,
		}),
		getAll: getManyOperation(ITEMS, {
			description: 'Search the employers and platforms users can connect to, by name, kind, status and more',
			filters,
			output: ITEM_LISTED,
		}),
	},
};
