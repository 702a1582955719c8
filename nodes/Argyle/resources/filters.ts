/**
 * The filters of the Get Many operations: each is an n8n parameter inside the Filters collection
 * and the query parameter Argyle reads, with how an entered value becomes that parameter's value.
 * Empty values never reach the query string (see compact in requests.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { titleFromSnake } from '../../shared/labels';

/** What a converter returns for a value that cannot be sent. */
const INVALID = Symbol('invalid');

type QueryValue = string | number | undefined;

export interface ListFilter {
	readonly property: INodeProperties;
	/** Argyle's query parameter, e.g. from_start_date. */
	readonly query: string;
	readonly convert: (value: unknown) => QueryValue | typeof INVALID;
	/** What to enter instead of a value convert refused, e.g. "a date such as 2025-03-24". */
	readonly expected: string;
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

function asText(value: unknown): QueryValue | typeof INVALID {
	if (isEmpty(value)) return undefined;
	if (typeof value === 'string') return value.trim();
	return typeof value === 'number' || typeof value === 'boolean' ? String(value) : INVALID;
}

const ISO_8601 =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO 8601 date or date and time as Argyle wants it (UTC, e.g. 2025-03-24T00:00:00.000Z). A value
 * without a time zone, as n8n's date picker gives, is taken as UTC: Argyle dates paystubs and
 * payroll documents at midnight UTC. Dates and Luxon DateTimes from expressions are taken as they are.
 */
function toIsoTimestamp(value: unknown): string | undefined | typeof INVALID {
	if (isEmpty(value)) return undefined;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? INVALID : value.toISOString();
	const toISO = (value as { toISO?: unknown } | null)?.toISO;
	if (typeof toISO === 'function') return toIsoTimestamp(toISO.call(value));
	const match = typeof value === 'string' ? ISO_8601.exec(value.trim()) : null;
	if (!match) return INVALID;
	const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
	// Date.UTC rolls 2025-02-30 over into March and 24:00 into the next day: only real calendar moments pass.
	const parts = [+year, +month - 1, +day, +hour, +minute, +second];
	const calendar = new Date(Date.UTC(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]));
	const read = [
		calendar.getUTCFullYear(),
		calendar.getUTCMonth(),
		calendar.getUTCDate(),
		calendar.getUTCHours(),
		calendar.getUTCMinutes(),
		calendar.getUTCSeconds(),
	];
	if (read.some((part, index) => part !== parts[index])) return INVALID;
	const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
	const moment = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset}`);
	return Number.isNaN(moment.getTime()) ? INVALID : moment.toISOString();
}

function asNumber(value: unknown): QueryValue | typeof INVALID {
	if (isEmpty(value)) return undefined;
	const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
	return Number.isFinite(parsed) ? parsed : INVALID;
}

/** Several values as Argyle's comma-separated list; an expression may give a list or text. */
function asList(value: unknown): QueryValue | typeof INVALID {
	const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : isEmpty(value) ? [] : null;
	if (!values || values.some((entry) => typeof entry !== 'string')) return INVALID;
	return (values as string[]).map((entry) => entry.trim()).filter(Boolean).join(',');
}

const ID_HINTS: Record<string, string> = {
	account: 'the "account" field of an Argyle Trigger item as it is, e.g. {{ $json.account }}',
	user: 'the "user" field of an Argyle Trigger item as it is, e.g. {{ $json.user }}',
	employment: 'the "employment" field of an identity or paystub, or the "id" of an employment, e.g. {{ $json.employment }}',
};

/** Account ID, User ID or Employment ID: only the objects of that account, user or employment. */
export function idFilter(key: 'account' | 'user' | 'employment', plural: string): ListFilter {
	const displayName = `${titleFromSnake(key)} ID`;
	return {
		query: key,
		property: {
			displayName,
			name: key,
			type: 'string',
			default: '',
			description: `Only ${plural} of this ${key}. Takes ${ID_HINTS[key]}.`,
		},
		convert: asText,
		expected: 'an ID as text',
	};
}

/** Account ID and User ID, the filters every data set has. */
export const accountAndUser = (plural: string): ListFilter[] => [idFilter('account', plural), idFilter('user', plural)];

export function textFilter(property: Omit<INodeProperties, 'type' | 'default'>, query: string): ListFilter {
	return { query, property: { ...property, type: 'string', default: '' }, convert: asText, expected: 'text' };
}

/** A comma-separated list of IDs, sent as Argyle's comma-separated list. */
export function idListFilter(property: Omit<INodeProperties, 'type' | 'default'>, query: string): ListFilter {
	return { query, property: { ...property, type: 'string', default: '' }, convert: asList, expected: 'IDs separated by commas' };
}

export function numberFilter(property: Omit<INodeProperties, 'type'>, query: string): ListFilter {
	return { query, property: { ...property, type: 'number' }, convert: asNumber, expected: 'a number' };
}

/** A date range bound, e.g. from_start_date, as an n8n date and time. */
function dateFilter(name: string, query: string, displayName: string, description: string): ListFilter {
	return {
		query,
		property: {
			displayName,
			name,
			type: 'dateTime',
			default: '',
			description: `${description}. A date and time without a time zone is taken as UTC.`,
		},
		convert: toIsoTimestamp,
		expected: 'a date such as 2025-03-24 or 2025-03-24T09:30:00Z (or one from the date picker)',
	};
}

/**
 * Argyle's from_<field> and to_<field> filters, as From <label> and To <label> (parameters
 * from<Field>, to<Field>): e.g. dateRange('start_date', 'Paystub Date', 'paystubs paid', 'paystub_date').
 */
export function dateRange(field: string, label: string, only: string, filtered: string): ListFilter[] {
	const camel = field.replace(/(^|_)([a-z])/g, (_match, _sep, letter: string) => letter.toUpperCase());
	return [
		dateFilter(`from${camel}`, `from_${field}`, `From ${label}`, `Only ${only} on or after this date (${filtered})`),
		dateFilter(`to${camel}`, `to_${field}`, `To ${label}`, `Only ${only} on or before this date (${filtered})`),
	];
}

/** The options of an enum, sorted by name; names default to Argyle's value in words (in_progress → In Progress). */
export function choices(
	values: readonly string[],
	names: Readonly<Record<string, string>> = {},
	descriptions: Readonly<Record<string, string>> = {},
): INodePropertyOptions[] {
	return values
		.map((value) => ({
			name: names[value] ?? titleFromSnake(value),
			value,
			...(descriptions[value] ? { description: descriptions[value] } : {}),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** One value from a list (options), or several (multiOptions, sent comma-separated). */
export function choiceFilter(
	property: Omit<INodeProperties, 'type' | 'default' | 'options'>,
	query: string,
	options: INodePropertyOptions[],
	multiple = false,
): ListFilter {
	return {
		query,
		property: multiple
			? { ...property, type: 'multiOptions', options, default: [] }
			: { ...property, type: 'options', options, default: options[0].value },
		convert: multiple ? asList : asText,
		expected: `one of ${options.map((option) => option.value).join(', ')}`,
	};
}

const shown = (value: unknown) => (value instanceof Date ? String(value) : (JSON.stringify(value) ?? String(value)));

/** The query string of the filters set for this item; a value that cannot be sent fails with what to enter. */
export function filterQuery(ctx: IExecuteFunctions, itemIndex: number, filters: readonly ListFilter[]): IDataObject {
	const chosen = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	for (const filter of filters) {
		const value = chosen[filter.property.name];
		const converted = filter.convert(value);
		if (converted === INVALID) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The filter "${filter.property.displayName}" got ${shown(value)}, which is not ${filter.expected}`,
				{ itemIndex, description: `Enter ${filter.expected} in "${filter.property.displayName}", or remove the filter.` },
			);
		}
		query[filter.query] = converted;
	}
	return query;
}
