/** Ratings: a gig worker's rating, acceptance and on-time rates, achievements and rewards (`/v2/ratings`). */
import { RATING } from '../../shared/objects/rating';
import { getManyOperation, getOperation, type DataSet } from './common';
import { accountAndUser } from './filters';
import type { ResourceDefinition } from './types';

const RATINGS: DataSet = { path: 'ratings', label: 'Rating', one: 'rating', many: 'ratings' };

export const rating: ResourceDefinition = {
	resource: 'rating',
	name: 'Rating',
	plural: 'Ratings',
	defaultOperation: 'get',
	operations: {
		get: getOperation(RATINGS, {
			idParameter: 'ratingId',
			idDescription: 'The ID of the ratings object, e.g. the "rating" field of an Argyle Trigger item (Rating events)',
			description: 'Retrieve one ratings object: rating, acceptance and on-time rates, achievements and rewards',
			output: RATING,
		}),
		getAll: getManyOperation(RATINGS, {
			description: 'List ratings objects, optionally only those of one account or user',
			filters: accountAndUser('ratings'),
			output: RATING,
		}),
	},
};
