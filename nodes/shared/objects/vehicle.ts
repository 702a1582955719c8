/** The v2 vehicle a gig worker drives (`GET /v2/vehicles/{id}`). */
import { anyObject, id, integer, nullable, oneOf, text, timestamp } from '../fields';

export const VEHICLE = {
	id: id('The vehicle'),
	account: id('The account it was retrieved through'),
	identification: text('License plate or similar'),
	make: text('Make, e.g. Ford'),
	model: text('Model, e.g. Focus'),
	type: oneOf('Kind of vehicle', ['car', 'pedestrian', 'ebike', 'bicycle', 'scooter', 'motorcycle', 'other']),
	year: integer('Model year (a number in every example; the spec says text)'),
	vin: text('Vehicle identification number'),
	employer: text('Platform name'),
	created_at: timestamp('When Argyle first retrieved it'),
	updated_at: timestamp('When it last changed'),
	metadata: nullable(anyObject('Other information, e.g. source')),
} as const;
