// What a connected account holds: realistic data whose figures add up and agree with the account's
// availability, shared employment and document IDs, and nothing for accounts that never connected.
import type { ArgyleAccount, DataObject } from '..';
import { useSimulator } from './fixture';

const harness = useSimulator();

const cents = (v: unknown) => Math.round(Number(v) * 100);
const sumOf = (rows: unknown, key = 'amount') => (rows as Array<Record<string, unknown>>).reduce((t, r) => t + cents(r[key]), 0);
const DEC2 = /^-?\d+\.\d{2}$/;

function expectPaystubAddsUp(stub: DataObject): void {
	for (const key of ['gross_pay', 'net_pay', 'taxes', 'deductions', 'gross_pay_ytd', 'net_pay_ytd', 'taxes_ytd', 'deductions_ytd', 'hours', 'hours_ytd']) {
		expect(stub[key]).toMatch(DEC2);
	}
	expect(cents(stub.net_pay)).toBe(cents(stub.gross_pay) - cents(stub.taxes) - cents(stub.deductions));
	expect(sumOf(stub.tax_list)).toBe(cents(stub.taxes));
	expect(sumOf(stub.deduction_list)).toBe(cents(stub.deductions));
	const current = (stub.gross_pay_list as Array<Record<string, unknown>>).filter((l) => l.amount !== null);
	expect(sumOf(current)).toBe(cents(stub.gross_pay));
}

/** Running year-to-date: each figure is the previous one of the same year plus this period's. */
function expectYtdRuns(stubs: DataObject[]): void {
	for (let i = 1; i < stubs.length; i++) {
		const [prev, stub] = [stubs[i - 1], stubs[i]];
		const sameYear = String(prev.paystub_date).slice(0, 4) === String(stub.paystub_date).slice(0, 4);
		for (const key of ['gross_pay', 'net_pay', 'taxes', 'deductions']) {
			expect(cents(stub[`${key}_ytd`])).toBe((sameYear ? cents(prev[`${key}_ytd`]) : 0) + cents(stub[key]));
		}
	}
}

const byDate = (key: string) => (a: DataObject, b: DataObject) => String(a[key]).localeCompare(String(b[key]));

function expectAvailabilityMatches(account: ArgyleAccount, resource: 'paystubs' | 'shifts' | 'gigs', objects: DataObject[]): void {
	const key = resource === 'paystubs' ? 'paystub_date' : 'start_datetime';
	const sorted = [...objects].sort(byDate(key));
	expect(account.availability[resource]).toMatchObject({
		status: 'synced',
		available_count: objects.length,
		available_from: `${String(sorted[0][key]).slice(0, 10)}T00:00:00Z`,
		available_to: `${String(sorted[sorted.length - 1][key]).slice(0, 10)}T00:00:00Z`,
	});
}

describe('simulator: data seeded for connected accounts', () => {
	it('an employer account: identity, employment, 26 biweekly paystubs that add up, their PDFs, a W-2, one ACH destination, shifts', () => {
		const account = harness.sim.addAccount({ kind: 'employer' });
		const of = (resource: Parameters<typeof harness.sim.objects>[0]) => harness.sim.objects(resource, { account: account.id });
		const [employment] = of('employments');
		expect(of('employments')).toHaveLength(1);
		expect(employment).toMatchObject({ account: account.id, user: account.user, employer: account.employers[0], origin: 'retrieved' });
		const [identity] = of('identities');
		expect(of('identities')).toHaveLength(1);
		expect(identity).toMatchObject({ employment: employment.id, employer: account.employers[0], birth_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

		const stubs = of('paystubs').sort(byDate('paystub_date'));
		expect(stubs).toHaveLength(26);
		stubs.forEach(expectPaystubAddsUp);
		expectYtdRuns(stubs);
		const gaps = stubs.slice(1).map((s, i) => (Date.parse(String(s.paystub_date)) - Date.parse(String(stubs[i].paystub_date))) / 86_400_000);
		expect(new Set(gaps)).toEqual(new Set([14]));
		expect(Date.now() - Date.parse(String(stubs[0].paystub_date))).toBeLessThan(366 * 86_400_000);

		const documents = of('payroll_documents');
		for (const stub of stubs) {
			const doc = documents.find((d) => d.id === stub.payroll_document);
			expect(doc).toMatchObject({ document_type: 'payout-statement', employment: employment.id, available_date: stub.paystub_date });
		}
		expect(documents.filter((d) => d.document_type === 'W-2')).toHaveLength(1);
		expect(identity.picture_url).toBe(documents.find((d) => d.document_type === 'profile-picture')!.file_url);
		const [destination] = of('deposit_destinations');
		expect(of('deposit_destinations')).toHaveLength(1);
		expect(destination).toMatchObject({ destination_type: 'ach_deposit_account', status: 'active', allocation_value: '100' });
		expect((stubs[0].destinations as Array<{ reference: string }>)[0].reference.slice(-4)).toBe(
			(destination.ach_deposit_account as { account_number: string }).account_number.slice(-4),
		);

		expect(of('shifts').length).toBeGreaterThanOrEqual(24);
		expect(of('gigs')).toEqual([]);
		expect(of('vehicles')).toEqual([]);
		expectAvailabilityMatches(account, 'paystubs', stubs);
		expectAvailabilityMatches(account, 'shifts', of('shifts'));
		expect(account.availability.gigs).toBeNull();
		expect(account.availability.identities).toEqual({ status: 'synced', updated_at: expect.any(String) });
	});

	it('a gig account: gigs whose income adds up, a vehicle and ratings, weekly payouts, a 1099', () => {
		const account = harness.sim.addAccount({ kind: 'gig' });
		const of = (resource: Parameters<typeof harness.sim.objects>[0]) => harness.sim.objects(resource, { account: account.id });
		const gigs = of('gigs');
		expect(gigs.length).toBeGreaterThanOrEqual(24);
		for (const gig of gigs) {
			const income = gig.income as Record<string, string>;
			expect(cents(income.total)).toBe(cents(income.pay) + cents(income.tips) + cents(income.bonus) + cents(income.other));
			if (gig.status === 'cancelled') expect(gig).toMatchObject({ end_datetime: null, duration: null, start_location: null });
		}
		expect(of('vehicles')).toHaveLength(1);
		expect(typeof of('vehicles')[0].year).toBe('number');
		expect(of('ratings')).toHaveLength(1);
		expect(of('shifts')).toEqual([]);
		const stubs = of('paystubs').sort(byDate('paystub_date'));
		stubs.forEach(expectPaystubAddsUp);
		expectYtdRuns(stubs);
		expect(Date.parse(String(stubs[1].paystub_date)) - Date.parse(String(stubs[0].paystub_date))).toBe(7 * 86_400_000);
		expect(of('payroll_documents').filter((d) => d.document_type === '1099')).toHaveLength(1);
		expectAvailabilityMatches(account, 'gigs', gigs);
		expect(account.availability.shifts).toBeNull();
		expect(account.availability.vehicles).toMatchObject({ status: 'synced' });
	});

	it('the account names a catalogue Item of its kind; an unknown employer gets an Item of its own', async () => {
		const gig = harness.sim.addAccount({ kind: 'gig' });
		const item = await harness.api<{ kind: string; name: string }>(`/v2/items/${gig.item}`);
		expect(item.json).toMatchObject({ kind: 'gig', name: gig.employers[0] });
		const acme = harness.sim.addAccount({ employers: ['Acme Corp'] });
		const acmeItem = await harness.api<{ name: string; kind: string }>(`/v2/items/${acme.item}`);
		expect(acmeItem.json).toMatchObject({ name: 'Acme Corp', kind: 'employer' });
		expect(harness.sim.objects('identities', { account: acme.id })[0].employer).toBe('Acme Corp');
	});

	it("a user's first connected account brings one completed verification with a generated report", () => {
		const account = harness.sim.addAccount();
		harness.sim.addAccount({ user: account.user });
		const [verification, ...more] = harness.sim.objects('verifications', { user: account.user });
		expect(more).toEqual([]);
		expect(verification).toMatchObject({ user: account.user, status: { state: 'COMPLETED', code: 'completed' } });
		const [report] = harness.sim.objects('reports', { user: account.user });
		expect(verification.report).toEqual({ id: report.id, type: 'voie', file_url: report.file_url, json_url: report.json_url });
		expect(report.status).toBe('generated');
	});

	it('accounts that never connected hold no data; deleting an account or its user removes what it held', async () => {
		const failed = harness.sim.addAccount({ connection: { status: 'error' } });
		expect(harness.sim.objects('paystubs', { account: failed.id })).toEqual([]);
		expect(Object.values(failed.availability).every((a) => a === null)).toBe(true);

		const account = harness.sim.addAccount();
		expect(harness.sim.objects('paystubs', { account: account.id })).toHaveLength(26);
		expect((await harness.api(`/v2/accounts/${account.id}`, { method: 'DELETE' })).status).toBe(204);
		for (const resource of ['paystubs', 'identities', 'payroll_documents', 'shifts', 'employments'] as const) {
			expect(harness.sim.objects(resource, { account: account.id })).toEqual([]);
		}
		const other = harness.sim.addAccount();
		expect((await harness.api(`/v2/users/${other.user}`, { method: 'DELETE' })).status).toBe(204);
		expect(harness.sim.objects('verifications', { user: other.user })).toEqual([]);
		expect(harness.sim.objects('reports', { user: other.user })).toEqual([]);
	});

	it('seeded users carry every personal field, birth_date as {year, month, day}', () => {
		const user = harness.sim.addUser();
		expect(user.birth_date).toEqual({ year: expect.any(Number), month: expect.any(Number), day: expect.any(Number) });
		expect(user.address).toEqual({ city: expect.any(String), line1: expect.any(String), line2: null, state: expect.any(String), country: 'US', postal_code: expect.any(String) });
		expect(user.phone_number).toMatch(/^\+1\d{10}$/);
	});
});
