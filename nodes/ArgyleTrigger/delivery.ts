/**
 * One webhook delivery, from raw request to n8n item: parse the body, decide whether the user's
 * selection wants it, and lift `data` to the top level. Pure functions: the node does the I/O.
 */
import type { ArgyleTriggerItem } from '../shared/types';
import type { DeliveryFilters } from './settings';

export type ParsedDelivery =
	| { ok: true; payload: Record<string, unknown> & { event: string } }
	| { ok: false; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

/**
 * Reads the delivery from the exact bytes that were signed. n8n has already parsed a JSON body;
 * that object came from the same bytes, so it is reused instead of parsing them twice.
 */
export function parseDelivery(
	rawBody: Buffer,
	parsedBody: unknown,
	contentType: string | undefined,
): ParsedDelivery {
	let payload: unknown = parsedBody;
	const n8nParsedJson =
		/^application\/(.+\+)?json\b/i.test(contentType ?? '') &&
		isRecord(parsedBody) &&
		Object.keys(parsedBody).length > 0;
	if (!n8nParsedJson) {
		try {
			payload = JSON.parse(rawBody.toString('utf8'));
		} catch {
			return { ok: false, reason: 'The body is not valid JSON' };
		}
	}
	if (!isRecord(payload)) return { ok: false, reason: 'The body is not a JSON object' };
	if (typeof payload.event !== 'string' || !payload.event) {
		return { ok: false, reason: 'The body has no "event"' };
	}
	if (payload.data !== undefined && payload.data !== null && !isRecord(payload.data)) {
		return { ok: false, reason: 'The body\'s "data" is not an object' };
	}
	return { ok: true, payload: payload as Record<string, unknown> & { event: string } };
}

export type DeliveryDecision = { emit: true } | { emit: false; reason: string };

/** Whether a delivery should start the workflow, given what the user selected. */
export function decide(
	payload: Record<string, unknown> & { event: string },
	filters: DeliveryFilters,
): DeliveryDecision {
	const { event } = payload;
	const data = isRecord(payload.data) ? payload.data : {};

	if (event === 'accounts.updated' && filters.disconnectedOnly) {
		const connection = isRecord(data.resource) ? data.resource.connection : undefined;
		return isRecord(connection) && connection.status === 'error'
			? { emit: true }
			: { emit: false, reason: 'the account is not disconnected' };
	}
	if (!filters.events.includes(event)) {
		return { emit: false, reason: `event ${event} is not selected` };
	}
	const allowed =
		event === 'accounts.failed'
			? filters.errorCodes
			: event === 'direct_deposit_switches.failed'
				? filters.depositSwitchErrorCodes
				: undefined;
	if (allowed?.length) {
		const code = data.error_code;
		if (typeof code !== 'string' || !allowed.includes(code)) {
			return { emit: false, reason: `error code ${String(code)} is not selected` };
		}
	}
	return { emit: true };
}

/**
 * `event` and `name` describe the delivery itself (the event and the subscription). A data field of
 * the same name, such as the Item's name in items.updated, is kept as `data_<key>` beside them.
 */
export function itemKey(dataKey: string): string {
	return dataKey === 'event' || dataKey === 'name' ? `data_${dataKey}` : dataKey;
}

/** `{ event, name, data: {...} }` → `{ event, name, ...data }`, keeping any other top-level field. */
export function toItem(payload: Record<string, unknown> & { event: string }): ArgyleTriggerItem {
	const { event, name, data, ...rest } = payload;
	const item: ArgyleTriggerItem = { event };
	if (name !== undefined) item.name = name as string;
	for (const [key, value] of Object.entries(isRecord(data) ? data : {})) item[itemKey(key)] = value;
	for (const [key, value] of Object.entries(rest)) {
		if (!(key in item)) item[key] = value;
	}
	return item;
}
