// DRF-style validation of `POST /v{1,2}/webhooks` bodies: a field-keyed map of message arrays.
import { isItemsEvent, knownEvents, WILDCARD } from './events';
import { typeName } from './routes/common';
import type { ApiVersion, WebhookConfig } from './types';

export type FieldErrors = Record<string, string[]>;

export interface WebhookInput {
	name: string;
	url: string;
	events: string[];
	secret: string | null;
	config: WebhookConfig;
}

const REQUIRED = 'This field is required.';
const NOT_NULL = 'This field may not be null.';
const NOT_BLANK = 'This field may not be blank.';
const NOT_STRING = 'Not a valid string.';


function requiredString(body: Record<string, unknown>, key: string, errors: FieldErrors): string | undefined {
	if (!(key in body)) errors[key] = [REQUIRED];
	else if (body[key] === null) errors[key] = [NOT_NULL];
	else if (typeof body[key] !== 'string') errors[key] = [NOT_STRING];
	else if ((body[key] as string).trim() === '') errors[key] = [NOT_BLANK];
	else return body[key] as string;
	return undefined;
}

export function isHttpUrl(value: string): boolean {
	try {
		const u = new URL(value);
		return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
	} catch {
		return false;
	}
}

export function validateWebhook(
	version: ApiVersion,
	raw: unknown,
): { ok: true; value: WebhookInput } | { ok: false; errors: FieldErrors } {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		return { ok: false, errors: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${typeName(raw)}.`] } };
	}
	const body = raw as Record<string, unknown>;
	const errors: FieldErrors = {};

	const name = requiredString(body, 'name', errors);
	const url = requiredString(body, 'url', errors);
	if (url !== undefined && !isHttpUrl(url)) errors.url = ['Enter a valid URL.'];

	let events: string[] | undefined;
	const rawEvents = body.events;
	if (!('events' in body)) errors.events = [REQUIRED];
	else if (rawEvents === null) errors.events = [NOT_NULL];
	else if (rawEvents === WILDCARD) events = [WILDCARD];
	else if (!Array.isArray(rawEvents)) errors.events = [`Expected a list of items but got type "${typeName(rawEvents)}".`];
	else if (rawEvents.length === 0) errors.events = ['This list may not be empty.'];
	else {
		const known = knownEvents(version);
		const problems: string[] = [];
		for (const e of rawEvents) {
			if (typeof e !== 'string') problems.push(`"${JSON.stringify(e)}" is not a valid choice.`);
			else if (e !== WILDCARD && !known.has(e)) problems.push(`"${e}" is not a valid choice.`);
		}
		if (problems.length) errors.events = problems;
		else events = [...new Set(rawEvents as string[])];
	}

	let secret: string | null = null;
	if (body.secret !== undefined && body.secret !== null) {
		if (typeof body.secret !== 'string') errors.secret = [NOT_STRING];
		else secret = body.secret === '' ? null : body.secret;
	}

	let config: WebhookConfig = {};
	if (body.config !== undefined && body.config !== null) {
		if (typeof body.config !== 'object' || Array.isArray(body.config)) {
			errors.config = [`Expected a dictionary of items but got type "${typeName(body.config)}".`];
		} else {
			config = body.config as WebhookConfig;
		}
	}

	// items.* need config.items (1..30 Item ids); "*" never includes them, so it needs nothing.
	if (events && !errors.config && events.some(isItemsEvent)) {
		const items = config.items;
		if (!Array.isArray(items) || items.length === 0) errors.config = ['"items" is required for items webhooks.'];
		else if (items.length > 30) errors.config = ['Ensure "items" has no more than 30 elements.'];
		else if (!items.every((i) => typeof i === 'string')) errors.config = ['"items" must be a list of Item IDs.'];
	}

	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, value: { name: name!, url: url!, events: events!, secret, config } };
}
