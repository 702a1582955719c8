/**
 * The trigger's parameters, built from the catalogue: one searchable list of every event, named
 * "Family: Event", and options that appear only for the events they apply to. Version 2 (saved
 * workflows of 0.1.x) keeps "Account Disconnected Only" visible for every selection, because it
 * adds Account: Updated by itself; from version 3 it appears only with Account: Updated.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ALL_EVENTS, EVENTS, MAX_SUBSCRIBED_ITEMS } from '../shared/catalogue';
import {
	CONNECTION_ERROR_CODES,
	DEPOSIT_SWITCH_ERROR_CODES,
	errorCodeDisplayName,
} from '../shared/errorCodes';
import { DAYS_SYNCED_EVENTS, DEFAULT_DAYS_SYNCED, ITEMS_EVENTS, RESOURCE_EVENTS } from './settings';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

// `action` names the event's entry in n8n's node panel; without it n8n lowercases the name and drops
// its punctuation ("On user upload ocr authenticity", "On account pay distribution failed legacy v1").
const eventOptions: INodePropertyOptions[] = ALL_EVENTS.map((event) => ({
	name: EVENTS[event].displayName,
	value: event,
	action: `On ${EVENTS[event].displayName}`,
	description: `${event}: ${EVENTS[event].when}`,
})).sort(byName);

const codeOptions = (codes: Record<string, string>): INodePropertyOptions[] =>
	Object.entries(codes)
		.map(([code, meaning]) => ({ name: errorCodeDisplayName(code), value: code, description: `${code}: ${meaning}` }))
		.sort(byName);

/** Shows a parameter (inside Options too) only when one of these events is selected. */
const whenSelected = (events: readonly string[]) => ({ show: { '/events': [...events] } });

/**
 * The subtitle names what was chosen in the option names, e.g. "Paystubs: Fully Synced + 2 more".
 * n8n evaluates it in the editor only, never per delivery.
 */
const eventNames = Object.fromEntries(ALL_EVENTS.map((event) => [event, EVENTS[event].displayName]));
export const TRIGGER_SUBTITLE = `={{ ((names, events) => events.length === 0 ? "" : (names[events[0]] ?? events[0]) + (events.length > 1 ? " + " + (events.length - 1) + " more" : ""))(${JSON.stringify(eventNames)}, $parameter["events"] ?? []) }}`;

const disconnectedOnly = (version: number): INodeProperties =>
	version === 2
		? {
				displayName: 'Account Disconnected Only (Adds Account: Updated)',
				name: 'disconnectedOnly',
				type: 'boolean',
				default: false,
				description:
					'Whether to also subscribe to Account: Updated (with the account object) and fire it only when the account got disconnected (connection status error, e.g. after a password change). Argyle sends no Account: Failed for that case.',
				displayOptions: { show: { '@version': [2] } },
			}
		: {
				displayName: 'Account: Updated Only When Disconnected',
				name: 'disconnectedOnly',
				type: 'boolean',
				default: false,
				description:
					'Whether Account: Updated fires only when the account got disconnected (connection status error, e.g. after a password change; Argyle sends no Account: Failed for that case). Turns on the account object for the subscription.',
				displayOptions: { show: { '@version': [{ _cnd: { gte: 3 } }], '/events': ['accounts.updated'] } },
			};

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		options: [
			{ name: 'V2', value: 'v2', description: 'The current Argyle API: every event family' },
			{
				name: 'V1 (Legacy)',
				value: 'v1',
				description: 'For clients still on the legacy API: the account events and the pay distribution events',
			},
		],
		default: 'v2',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		description:
			'The events that start the workflow: type to search. n8n subscribes to exactly these at Argyle when the workflow is activated.',
		options: eventOptions,
	},
	{
		displayName: 'Item IDs',
		name: 'itemIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'item_000000001, item_000000002',
		description: `The Items (employers or platforms) whose changes to receive, separated by commas: 1 to ${MAX_SUBSCRIBED_ITEMS} Item IDs. Argyle sends Item events only for the Items a subscription names.`,
		displayOptions: whenSelected(ITEMS_EVENTS),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			disconnectedOnly(2),
			disconnectedOnly(3),
			{
				displayName: 'Account: Failed Error Codes',
				name: 'errorCodes',
				type: 'multiOptions',
				default: [],
				options: codeOptions(CONNECTION_ERROR_CODES),
				description: 'Fire Account: Failed only for these connection error codes; leave empty for every code',
				displayOptions: whenSelected(['accounts.failed']),
			},
			{
				displayName: 'Days Synced',
				name: 'daysSynced',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_DAYS_SYNCED,
				description:
					'How many days of paystubs, gigs or shifts the first sync must have retrieved before the Partially Synced events fire',
				displayOptions: whenSelected(DAYS_SYNCED_EVENTS),
			},
			{
				displayName: 'Direct Deposit Switch: Failed Error Codes',
				name: 'depositSwitchErrorCodes',
				type: 'multiOptions',
				default: [],
				options: codeOptions(DEPOSIT_SWITCH_ERROR_CODES),
				description: 'Fire Direct Deposit Switch: Failed only for these error codes; leave empty for every code',
				displayOptions: whenSelected(['direct_deposit_switches.failed']),
			},
			{
				displayName: 'Include Resource',
				name: 'includeResource',
				type: 'boolean',
				default: false,
				description:
					'Whether Argyle puts the full object in each delivery as "resource": the account for account and direct deposit switch events, the verification for Verification: Updated',
				displayOptions: whenSelected(RESOURCE_EVENTS),
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
