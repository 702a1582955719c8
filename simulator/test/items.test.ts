// GET /v2/items (the catalogue, q with matching_score, kind/status/mapping_status/id filters) and
// GET /v2/items/{id} (the retrieve shape with features).
import { useSimulator } from './fixture';

const harness = useSimulator();

interface Item {
	id: string;
	name: string;
	kind: string;
	status: string;
	mapping_status: string;
	matching_score: string | null;
	features?: Record<string, unknown>;
}

describe('simulator: /v2/items', () => {
	it('lists about 30 realistic Items in pages, matching_score null without q, no features', async () => {
		const { results, pages } = await harness.all<Item>('/v2/items?limit=10');
		expect(results.length).toBeGreaterThanOrEqual(30);
		expect(pages).toBe(Math.ceil(results.length / 10));
		expect(new Set(results.map((i) => i.kind))).toEqual(new Set(['employer', 'gig', 'platform', 'benefits']));
		for (const item of results) {
			expect(item.id).toMatch(/^item_\d{9}$/);
			expect(Object.keys(item).sort()).toEqual(
				['id', 'is_grouping', 'kind', 'known_limitations', 'logo_url', 'mapping_status', 'matching_score', 'name', 'status', 'status_details'],
			);
			expect(item.matching_score).toBeNull();
		}
	});

	it('q matches names case-insensitively, best first, with a dec2 matching_score; min_matching_score cuts', async () => {
		const { results } = await harness.all<Item>('/v2/items?q=uber');
		expect(results.map((i) => i.name)).toEqual(expect.arrayContaining(['Uber Driver', 'Uber Eats']));
		expect(results.every((i) => /uber/i.test(i.name) && /^\d\.\d{2}$/.test(i.matching_score!))).toBe(true);
		const exact = await harness.all<Item>('/v2/items?q=WHOLE%20FOODS');
		expect(exact.results[0]).toMatchObject({ name: 'Whole Foods', matching_score: '1.00' });
		const scores = (await harness.all<Item>('/v2/items?q=a')).results.map((i) => Number(i.matching_score));
		expect(scores).toEqual([...scores].sort((x, y) => y - x));
		const strict = await harness.all<Item>('/v2/items?q=uber&min_matching_score=0.9');
		expect(strict.results.every((i) => Number(i.matching_score) >= 0.9)).toBe(true);
		expect((await harness.all('/v2/items?q=zzzz-no-such-employer')).results).toEqual([]);
	});

	it('filters by kind, status and mapping_status (several values) and id lists; 400 for unknown values', async () => {
		const gigs = await harness.all<Item>('/v2/items?kind=gig&limit=200');
		expect(gigs.results.length).toBeGreaterThan(3);
		expect(gigs.results.every((i) => i.kind === 'gig')).toBe(true);
		const open = await harness.all<Item>('/v2/items?status=healthy,issues&limit=200');
		expect(open.results.some((i) => i.status === 'issues')).toBe(true);
		expect(open.results.every((i) => i.status !== 'unavailable')).toBe(true);
		const repeated = await harness.all<Item>('/v2/items?mapping_status=mapped&mapping_status=unmapped');
		expect(repeated.results.length).toBeGreaterThan(0);
		expect(repeated.results.every((i) => i.mapping_status !== 'verified')).toBe(true);
		const byId = await harness.all<Item>('/v2/items?id=item_000041078,item_000026933');
		expect(byId.results.map((i) => i.name).sort()).toEqual(['Uber Driver', 'Whole Foods']);
		const twice = await harness.all<Item>('/v2/items?id=item_000041078&id=item_000026933');
		expect(twice.results).toHaveLength(2);
		const bad = await harness.api<Record<string, string[]>>('/v2/items?kind=bank&status=fine&min_matching_score=high&filter_set=x');
		expect(bad.status).toBe(400);
		expect(bad.json).toEqual({
			kind: ['Select a valid choice. bank is not one of the available choices.'],
			status: ['Select a valid choice. fine is not one of the available choices.'],
			filter_set: ['Enter a valid UUID.'],
			min_matching_score: ['Enter a number.'],
		});
	});

	it('includes the Items of seeded accounts, also those the catalogue lacked', async () => {
		const account = harness.sim.addAccount({ employers: ['Bullseye'] });
		const found = await harness.all<Item>('/v2/items?q=bullseye');
		expect(found.results).toEqual([expect.objectContaining({ id: account.item, name: 'Bullseye', matching_score: '1.00' })]);
	});

	it('GET /v2/items/{id}: the retrieve shape with features, no matching_score; 404 for unknown', async () => {
		const res = await harness.api<Item>('/v2/items/item_000041078');
		expect(res.status).toBe(200);
		expect(res.json).not.toHaveProperty('matching_score');
		expect(res.json.features).toMatchObject({
			data_retrieval: { refresh_frequency: expect.stringMatching(/^\d+h$/) },
			field_coverage: { gigs: expect.any(Object), paystubs: { paystub_period: { start_date: { supported: true } } } },
			direct_deposit_switch: { deposit_account: { types: ['ach_deposit_account'] } },
		});
		const missing = await harness.api('/v2/items/item_999999999');
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({ detail: 'Not found.' });
	});
});
