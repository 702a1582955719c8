// List filters declared per resource (django-filter style): each parses its query value, answers
// DRF's messages for a bad one, and tests an object. An absent or empty parameter filters nothing.
import type { Store } from '../store';
import { UUID_RE, type ErrorBody } from './common';

export type Getter<T> = (object: T, store: Store) => unknown;

export interface Filter<T> {
	name: string;
	/** Every value of the parameter (`a,b` counts as two for multi-value filters). */
	parse(values: string[], store: Store): { errors: string[] } | { test: (object: T) => boolean };
}

/** `account`-style keys: the object's own field. */
export const field =
	<T>(key: string): Getter<T> =>
	(object) =>
		(object as Record<string, unknown>)[key];

/** The user an object belongs to (its `user`, or its account's). */
export const owner: Getter<{ id: string; [k: string]: unknown }> = (object, store) => store.ownerOf(object);

export function uuid<T>(name: string, get: Getter<T>): Filter<T> {
	return {
		name,
		parse: ([value], store) => (UUID_RE.test(value) ? { test: (o) => get(o, store) === value } : { errors: ['Enter a valid UUID.'] }),
	};
}

export function exact<T>(name: string, get: Getter<T>): Filter<T> {
	return { name, parse: ([value], store) => ({ test: (o) => get(o, store) === value }) };
}

const notAChoice = (value: string) => `Select a valid choice. ${value} is not one of the available choices.`;

/** One of `choices`; `multi`: any of several (`status=healthy,issues` or repeated). */
export function choice<T>(name: string, choices: readonly string[], get: Getter<T>, multi = false): Filter<T> {
	return {
		name,
		parse: (values, store) => {
			const wanted = multi ? values.flatMap((v) => v.split(',')).filter(Boolean) : values.slice(0, 1);
			const bad = wanted.filter((v) => !choices.includes(v));
			if (bad.length) return { errors: bad.map(notAChoice) };
			return { test: (o) => wanted.includes(String(get(o, store))) };
		},
	};
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Django's DateTimeField: a date (midnight UTC) or a date-time; no zone means UTC. */
export function parseDateTime(value: string): number | undefined {
	if (!DATE_TIME.test(value)) return undefined;
	const iso = value.replace(' ', 'T');
	const zoned = /T/.test(iso) && !/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? `${iso}Z` : /T/.test(iso) ? iso : `${iso}T00:00:00Z`;
	const ms = Date.parse(zoned);
	return Number.isNaN(ms) ? undefined : ms;
}

/** `from_…` (on or after) or `to_…` (on or before) on a date-time field. */
export function dateBound<T>(name: string, key: string, bound: 'from' | 'to'): Filter<T> {
	return {
		name,
		parse: ([value]) => {
			const limit = parseDateTime(value);
			if (limit === undefined) return { errors: ['Enter a valid date/time.'] };
			return {
				test: (o) => {
					const at = Date.parse(String((o as Record<string, unknown>)[key]));
					return bound === 'from' ? at >= limit : at <= limit;
				},
			};
		},
	};
}

/** The `from_<x>` and `to_<x>` pair on one field. */
export const dateRange = <T>(suffix: string, key: string): Array<Filter<T>> => [
	dateBound<T>(`from_${suffix}`, key, 'from'),
	dateBound<T>(`to_${suffix}`, key, 'to'),
];

/** Applies the filters present in `query`: DRF's field-keyed 400 body, or the combined test. */
export function applyFilters<T>(filters: ReadonlyArray<Filter<T>>, query: URLSearchParams, store: Store) {
	const errors: ErrorBody = {};
	const tests: Array<(object: T) => boolean> = [];
	for (const filter of filters) {
		const values = query.getAll(filter.name).filter((v) => v !== '');
		if (!values.length) continue;
		const parsed = filter.parse(values, store);
		if ('errors' in parsed) errors[filter.name] = parsed.errors;
		else tests.push(parsed.test);
	}
	if (Object.keys(errors).length) return { errors };
	return { test: (object: T) => tests.every((t) => t(object)) };
}
