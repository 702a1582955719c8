// Cursor pagination like Argyle's v2 lists: `{next, previous, results}`, absolute URLs, opaque `cursor`.
import type { ListPage } from './types';

export interface Sequenced<T> {
	seq: number;
	value: T;
}

export class InvalidCursorError extends Error {
	constructor() {
		super('Invalid cursor');
	}
}

interface Cursor {
	reverse: boolean;
	position: number;
}

export function encodeCursor(c: Cursor): string {
	return Buffer.from(`r=${c.reverse ? 1 : 0}&p=${c.position}`, 'utf8').toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
	const text = Buffer.from(raw, 'base64url').toString('utf8');
	const m = /^r=([01])&p=(\d{1,15})$/.exec(text);
	if (!m) throw new InvalidCursorError();
	return { reverse: m[1] === '1', position: Number(m[2]) };
}

/** Argyle/DRF behaviour: a missing or unparsable `limit` uses the default, a too-large one is clamped. */
export function resolveLimit(raw: string | undefined, defaultSize: number, maxSize: number): number {
	const n = raw === undefined ? NaN : Number(raw);
	if (!Number.isInteger(n) || n < 1) return Math.min(defaultSize, maxSize);
	return Math.min(n, maxSize);
}

/**
 * `items` must be in creation (seq) order. A forward cursor `p` means "items after seq p";
 * a reverse cursor `p` means "items before seq p" (used by `previous`).
 */
export function paginate<T>(
	items: Array<Sequenced<T>>,
	limit: number,
	rawCursor: string | undefined,
	pageUrl: (cursor: string) => string,
): ListPage<T> {
	let page: Array<Sequenced<T>>;
	let hasBefore: boolean;
	let hasAfter: boolean;
	const cursor = rawCursor === undefined || rawCursor === '' ? undefined : decodeCursor(rawCursor);
	if (!cursor) {
		page = items.slice(0, limit);
		hasBefore = false;
		hasAfter = items.length > limit;
	} else if (!cursor.reverse) {
		const start = items.findIndex((i) => i.seq > cursor.position);
		const from = start === -1 ? items.length : start;
		page = items.slice(from, from + limit);
		hasBefore = from > 0;
		hasAfter = from + limit < items.length;
	} else {
		const endIdx = items.findIndex((i) => i.seq >= cursor.position);
		const end = endIdx === -1 ? items.length : endIdx;
		const from = Math.max(0, end - limit);
		page = items.slice(from, end);
		hasBefore = from > 0;
		hasAfter = end < items.length;
	}
	const firstSeq = page.length ? page[0].seq : cursor ? cursor.position + (cursor.reverse ? 0 : 1) : 0;
	const lastSeq = page.length ? page[page.length - 1].seq : cursor ? cursor.position - (cursor.reverse ? 1 : 0) : 0;
	return {
		next: hasAfter ? pageUrl(encodeCursor({ reverse: false, position: lastSeq })) : null,
		previous: hasBefore ? pageUrl(encodeCursor({ reverse: true, position: firstSeq })) : null,
		results: page.map((i) => i.value),
	};
}
