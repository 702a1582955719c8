// `GET /v2/items` (the catalogue, with q's matching_score) and `GET /v2/items/{id}` (with features).
import { sendJson } from '../http';
import { itemWithFeatures, type ArgyleItem } from '../resources/items';
import { inOrder, notFound, sendPage, UUID_RE, v2, type Handler, type Route } from './common';
import { applyFilters, choice, field, type Filter } from './filters';

const KINDS = ['employer', 'gig', 'platform', 'benefits'];
const STATUSES = ['healthy', 'issues', 'unavailable'];
const MAPPING = ['verified', 'mapped', 'unmapped'];

const ids: Filter<ArgyleItem> = {
	name: 'id',
	parse: (values) => {
		const wanted = values.flatMap((v) => v.split(',')).filter(Boolean);
		return { test: (item) => wanted.includes(item.id) };
	},
};

const filterSet: Filter<ArgyleItem> = {
	name: 'filter_set',
	// Item filters are not simulated: a well-formed ID filters nothing.
	parse: ([value]) => (UUID_RE.test(value) ? { test: () => true } : { errors: ['Enter a valid UUID.'] }),
};

const FILTERS: Array<Filter<ArgyleItem>> = [
	ids,
	choice('kind', KINDS, field('kind')),
	choice('status', STATUSES, field('status'), true),
	choice('mapping_status', MAPPING, field('mapping_status'), true),
	filterSet,
];

/**
 * How well an Item's name matches `q` (case-insensitive), 0 to 1: 1 for the exact name, then
 * names starting with it, names containing it, names sharing its words; 0 for no match.
 */
export function matchingScore(name: string, q: string): number {
	const n = name.toLowerCase();
	const t = q.toLowerCase().trim();
	if (!t) return 0;
	if (n === t) return 1;
	const ratio = t.length / n.length;
	if (n.startsWith(t)) return 0.6 + 0.35 * ratio;
	if (n.includes(t)) return 0.3 + 0.3 * ratio;
	const words = t.split(/\s+/);
	const shared = words.filter((w) => n.split(/[^a-z0-9']+/).includes(w)).length;
	return shared ? (0.25 * shared) / words.length : 0;
}

const itemList: Handler = (host, req, res) => {
	const query = req.url.searchParams;
	const result = applyFilters(FILTERS, query, host.store);
	const min = query.get('min_matching_score');
	const badMin = min && Number.isNaN(Number(min)) ? { min_matching_score: ['Enter a number.'] } : undefined;
	if ('errors' in result || badMin) return sendJson(res, 400, { ...('errors' in result ? result.errors : {}), ...badMin });
	const q = query.get('q');
	const items = host.store.items.values().filter(result.test);
	if (!q) return sendPage(host, req, res, inOrder(items.map((item) => ({ ...item, matching_score: null }))));
	const scored = items
		.map((item) => ({ item, score: Math.round(matchingScore(item.name, q) * 100) / 100 }))
		.filter(({ score }) => score >= Math.max(0.01, min ? Number(min) : 0))
		.sort((a, b) => b.score - a.score);
	sendPage(host, req, res, inOrder(scored.map(({ item, score }) => ({ ...item, matching_score: score.toFixed(2) }))));
};

const itemGet: Handler = (host, _req, res, [id]) => {
	const item = host.store.items.get(id);
	if (!item) return notFound(res);
	sendJson(res, 200, itemWithFeatures(item));
};

export const ITEM_ROUTES: Route[] = [
	{ pattern: v2('items'), methods: { GET: itemList } },
	{ pattern: v2('items/{}'), methods: { GET: itemGet } },
];
