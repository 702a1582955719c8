/** The trigger's parameters, built from the shared catalogue of events and error codes. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	ACCOUNT_EVENTS,
	CONNECTION_ERROR_CODES,
	errorCodeDisplayName,
	eventsForVersion,
	type ApiVersion,
} from '../shared/catalogue';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

function eventOptions(version: ApiVersion): INodePropertyOptions[] {
	return eventsForVersion(version)
		.map((event) => ({
			name: ACCOUNT_EVENTS[event].displayName,
			value: event,
			description: `${event}: ${ACCOUNT_EVENTS[event].description}`,
		}))
		.sort(byName);
}

const errorCodeOptions: INodePropertyOptions[] = Object.entries(CONNECTION_ERROR_CODES)
	.map(([code, meaning]) => ({
		name: errorCodeDisplayName(code),
		value: code,
		description: `${code}: ${meaning}`,
	}))
	.sort(byName);

function eventsProperty(version: ApiVersion): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		description:
			'The account events that start the workflow. n8n subscribes to exactly these at Argyle when the workflow is activated.',
		options: eventOptions(version),
		displayOptions: { show: { apiVersion: [version] } },
	};
}

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		options: [
			{ name: 'V2', value: 'v2', description: 'The current Argyle API' },
			{
				name: 'V1 (Legacy)',
				value: 'v1',
				description: 'For clients still on the legacy API; adds the pay distribution events',
			},
		],
		default: 'v2',
	},
	eventsProperty('v2'),
	eventsProperty('v1'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Account Disconnected Only',
				name: 'disconnectedOnly',
				type: 'boolean',
				default: false,
				description:
					'Whether Account Updated fires only when the account got disconnected (connection status is error, e.g. after a password change). Argyle sends no Account Failed for that case. Subscribes to Account Updated with the full account object.',
			},
			{
				displayName: 'Error Codes',
				name: 'errorCodes',
				type: 'multiOptions',
				default: [],
				options: errorCodeOptions,
				description:
					'Fire Account Failed only for these connection error codes; leave empty for every code',
			},
			{
				displayName: 'Include Account Object',
				name: 'includeResource',
				type: 'boolean',
				default: false,
				description:
					'Whether Argyle puts the full account object (connection status, availability, …) in each delivery as "resource"',
			},
			{
				displayName: 'Subscription Name',
				name: 'subscriptionName',
				type: 'string',
				default: '',
				placeholder: 'n8n: My workflow',
				description:
					'Name of the webhook subscription at Argyle, echoed in every delivery as "name". Defaults to "n8n: " and the workflow name.',
			},
		],
	},
];
