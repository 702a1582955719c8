// Every data collection route: each declared list filter, pages over several pages, retrieve and 404,
// DRF-style 400s for bad filter values.
import type { ArgyleAccount, DataObject, DataResource } from '..';
import { DATA_SETS } from '../routes/dataSets';
import { useSimulator } from './fixture';

const harness = useSimulator();

const RESOURCE: Record<string, DataResource> = Object.fromEntries(
	DATA_SETS.map((spec) => [spec.path, spec.path.replace(/-/g, '_') as DataResource]),
);

/** The field each date filter compares, by the filter's suffix. */
const DATE_FIELDS: Record<string, string> = { start_date: 'paystub_date', available_date: 'available_date', start_datetime: 'start_datetime' };

interface World {
	a1: ArgyleAccount;
	a2: ArgyleAccount;
	b1: ArgyleAccount;
}

/** Two users: A with an employer and a gig account, B with a gig account; uploads and forms for A and B. */
async function world(): Promise<World> {
	const a1 = harness.sim.addAccount({ kind: 'employer' });
	const a2 = harness.sim.addAccount({ kind: 'gig', user: a1.user });
	const b1 = harness.sim.addAccount({ kind: 'gig' });
	for (const account of [a1, b1]) {
		await harness.sim.fireEvent('user_uploads.added', { account: account.id });
		await harness.sim.fireEvent('user_uploads.added', { account: account.id });
		await harness.sim.fireEvent('user_forms.submitted', { account: account.id });
	}
	return { a1, a2, b1 };
}

const ids = (objects: Array<{ id: string }>) => objects.map((o) => o.id);

/** A filter value that selects some objects but (for dates) not all, and the objects it should select. */
function probe(name: string, resource: DataResource, w: World): { value: string; expected: DataObject[] } {
	const all = harness.sim.objects(resource);
	if (name === 'account') {
		const account = [w.a1, w.a2].find((a) => all.some((o) => o.account === a.id)) ?? w.a1;
		return { value: account.id, expected: all.filter((o) => o.account === account.id) };
	}
	if (name === 'user') return { value: w.a1.user, expected: harness.sim.objects(resource, { user: w.a1.user }) };
	if (name === 'employment') {
		const employment = harness.sim.objects('employments', { account: w.a1.id })[0].id;
		return { value: employment, expected: all.filter((o) => o.employment === employment) };
	}
	const date = /^(from|to)_(.+)$/.exec(name);
	if (date) {
		const key = DATE_FIELDS[date[2]];
		const times = all.map((o) => String(o[key])).sort();
		const middle = times[Math.floor(times.length / 2)];
		const keep = (o: DataObject) => (date[1] === 'from' ? String(o[key]) >= middle : String(o[key]) <= middle);
		return { value: middle, expected: all.filter(keep) };
	}
	const values: Record<string, [string, (o: DataObject) => unknown]> = {
		document_type: [String(all[0]?.document_type), (o) => o.document_type],
		status_state: ['COMPLETED', (o) => (o.status as { state: string }).state],
		status_code: ['completed', (o) => (o.status as { code: string }).code],
		report_type: ['voie', (o) => (o.report as { type: string }).type],
		loan_number: ['1234', (o) => (o.loan as { number: string }).number],
	};
	const [value, get] = values[name];
	return { value, expected: all.filter((o) => get(o) === value) };
}

const BAD: Record<string, [string, string]> = {
	account: ['not-a-uuid', 'Enter a valid UUID.'],
	user: ['1234', 'Enter a valid UUID.'],
	employment: ['x', 'Enter a valid UUID.'],
	status_state: ['DONE', 'Select a valid choice. DONE is not one of the available choices.'],
	status_code: ['finished', 'Select a valid choice. finished is not one of the available choices.'],
	report_type: ['vox', 'Select a valid choice. vox is not one of the available choices.'],
};

describe('simulator: GET /v2/<data set> lists and retrieves', () => {
	describe.each(DATA_SETS.map((spec) => [spec.path, spec] as const))('/v2/%s', (path, spec) => {
		const resource = RESOURCE[path];

		it('lists everything in creation order over several pages', async () => {
			await world();
			const stored = harness.sim.objects(resource);
			expect(stored.length).toBeGreaterThan(0);
			const { results, pages } = await harness.all<DataObject>(`/v2/${path}?limit=2`);
			expect(ids(results)).toEqual(ids(stored));
			expect(pages).toBe(Math.max(1, Math.ceil(stored.length / 2)));
		});

		it.each(spec.filters.map((f) => f.name))('filters by %s', async (name) => {
			const w = await world();
			const { value, expected } = probe(name, resource, w);
			expect(expected.length).toBeGreaterThan(0);
			const { results } = await harness.all<DataObject>(`/v2/${path}?${new URLSearchParams({ [name]: value, limit: '50' })}`);
			expect(ids(results).sort()).toEqual(ids(expected).sort());
			if (/^(from|to)_/.test(name)) expect(results.length).toBeLessThan(harness.sim.objects(resource).length);
		});

		it.each(spec.filters.map((f) => f.name))('answers 400 for a bad %s', async (name) => {
			const [value, message] = BAD[name] ?? (/^(from|to)_/.test(name) ? ['last tuesday', 'Enter a valid date/time.'] : ['', '']);
			if (!value) return; // free-text filters take any value
			const res = await harness.api<Record<string, string[]>>(`/v2/${path}?${new URLSearchParams({ [name]: value })}`);
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ [name]: [message] });
		});

		it(spec.retrieve === false ? 'has no retrieve route (404)' : 'retrieves by id; unknown ids 404', async () => {
			await world();
			const [first] = harness.sim.objects(resource);
			const got = await harness.api(`/v2/${path}/${first.id}`);
			if (spec.retrieve === false) {
				expect(got.status).toBe(404);
				return;
			}
			expect(got.status).toBe(200);
			expect(got.json).toEqual(first);
			const missing = await harness.api(`/v2/${path}/0195e0a4-0000-4000-8000-00000000dead`);
			expect(missing.status).toBe(404);
			expect(missing.json).toEqual({ detail: 'Not found.' });
		});
	});

	it('date filters take dates or date-times, compare on the documented field and include their bound', async () => {
		const { a1 } = await world();
		const stubs = harness.sim.objects('paystubs', { account: a1.id });
		const day = String(stubs[5].paystub_date).slice(0, 10);
		const on = await harness.all<DataObject>(`/v2/paystubs?account=${a1.id}&from_start_date=${day}&to_start_date=${day}`);
		expect(ids(on.results)).toEqual([stubs[5].id]);
		const after = await harness.all<DataObject>(`/v2/paystubs?account=${a1.id}&from_start_date=${day}T00:00:01Z`);
		expect(ids(after.results)).toEqual(ids(stubs.slice(6)));
		const docs = await harness.all<DataObject>(`/v2/payroll-documents?account=${a1.id}&to_available_date=${day}T00:00:00%2B00:00`);
		expect(docs.results.every((d) => String(d.available_date) <= `${day}T00:00:00Z`)).toBe(true);
	});

	it('several bad filters answer one 400 naming each; an empty value filters nothing', async () => {
		await world();
		const bad = await harness.api<Record<string, string[]>>('/v2/gigs?account=nope&from_start_datetime=soon&user=');
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.json).sort()).toEqual(['account', 'from_start_datetime']);
		const empty = await harness.all('/v2/vehicles?account=&limit=200');
		expect(empty.results).toHaveLength(harness.sim.objects('vehicles').length);
	});
});
