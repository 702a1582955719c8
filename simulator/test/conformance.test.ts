// Every object the simulator answers conforms to the product's descriptor of it, where one exists
// (descriptors.ts lists them): the fields n8n's output schemas show are the fields Argyle sends.
import type { DataObject } from '..';
import { ANSWERED_PATHS, AWAITING, DESCRIPTORS, descriptorViolations } from './descriptors';
import { useSimulator } from './fixture';

const harness = useSimulator();

/** Accounts of both kinds, one that never connected, users with and without PII, events that add objects. */
async function varietyOfObjects(): Promise<void> {
	const employer = harness.sim.addAccount({ kind: 'employer' });
	const gig = harness.sim.addAccount({ kind: 'gig', user: employer.user });
	harness.sim.addAccount({ connection: { status: 'error' } });
	harness.sim.addAccount({ ongoing_refresh: { status: 'disabled' } });
	harness.sim.addAccount({ kind: 'gig', direct_deposit_switch: { status: 'error', error_code: 'confirmation_timeout' } });
	await harness.api('/v2/users', { method: 'POST', body: {} });
	const created = await harness.api<{ id: string }>('/v2/users', { method: 'POST', body: { first_name: 'Sarah', birth_date: { year: 1980, month: 1, day: 2 } } });
	await harness.api(`/v2/users/${created.json.id}`, { method: 'PATCH', body: { external_metadata: { a: 1 } } });
	for (const event of ['user_uploads.added', 'user_forms.submitted', 'deposit_destinations.added', 'vehicles.added', 'payroll_documents.ocr_failed']) {
		await harness.sim.fireEvent(event, { account: gig.id });
	}
	await harness.api(`/v2/reports/voe`, { method: 'POST', body: { user: employer.user } });
	await harness.api(`/v2/accounts/${gig.id}/periodic-scan`, { method: 'POST' });
	await harness.sim.idle();
}

describe('simulator: answered objects conform to the product descriptors', () => {
	it.each(Object.keys(DESCRIPTORS))('/v2/%s (list and retrieve)', async (path) => {
		await varietyOfObjects();
		const { results } = await harness.all<DataObject>(`/v2/${path}?limit=200`);
		expect(results.length).toBeGreaterThan(0);
		for (const object of results) {
			expect([object.id, descriptorViolations(path, object)]).toEqual([object.id, []]);
			if (!DESCRIPTORS[path].retrieve) continue;
			const one = await harness.api(`/v2/${path}/${object.id}`);
			expect([object.id, descriptorViolations(path, one.json, 'retrieve')]).toEqual([object.id, []]);
		}
	});

	it('knows every answered path, with or without a descriptor', () => {
		expect([...Object.keys(DESCRIPTORS), ...AWAITING].sort()).toEqual([...ANSWERED_PATHS].sort());
		expect(() => descriptorViolations('no-such-path', {})).toThrow(/add it to DESCRIPTORS/);
		expect(() => descriptorViolations('employments', {}, 'retrieve')).toThrow(/no retrieve descriptor/);
	});

	for (const path of AWAITING) it.todo(`/v2/${path}: no product descriptor yet (add it to simulator/test/descriptors.ts)`);
});
