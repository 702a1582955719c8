/**
 * examples/fully-synced-paystub-summary.json: User: Fully Synced → Paystub: Get Many (the user's
 * last 90 days) → Aggregate → Set. Its Argyle nodes must be this package's, at current versions,
 * with parameters the nodes really have; the end-to-end suite runs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Argyle } from '../../../nodes/Argyle/Argyle.node';
import { ArgyleTrigger } from '../../../nodes/ArgyleTrigger/ArgyleTrigger.node';

interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	webhookId?: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string | null; name: string }>;
}

const example = JSON.parse(readFileSync(join(__dirname, '../../../examples/fully-synced-paystub-summary.json'), 'utf8')) as {
	nodes: ExampleNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
};
const byType = (type: string) => example.nodes.filter((node) => node.type === type);

describe('example workflow: paystub summary when a user is fully synced', () => {
	const [trigger] = byType('n8n-nodes-argyle.argyleTrigger');
	const [paystubs] = byType('n8n-nodes-argyle.argyle');

	it('starts on User: Fully Synced at the current trigger version, with no webhook ID of its own', () => {
		expect(trigger.parameters).toEqual({ events: ['users.fully_synced'], options: {} });
		expect(trigger.typeVersion).toBe(new ArgyleTrigger().description.defaultVersion);
		expect(trigger.webhookId).toBeUndefined();
	});

	it("lists the user's paystubs of the last 90 days, with parameters Paystub: Get Many really has", () => {
		expect(paystubs.typeVersion).toBe(new Argyle().description.version);
		expect(paystubs.parameters).toMatchObject({ resource: 'paystub', operation: 'getAll', returnAll: true });
		expect(paystubs.parameters.filters).toEqual({ user: '={{ $json.user }}', fromStartDate: '={{ $now.minus({ days: 90 }).toISO() }}' });
		const visible = new Argyle().description.properties.filter(
			(property) =>
				(property.displayOptions?.show?.resource as string[] | undefined)?.includes('paystub') &&
				(property.displayOptions?.show?.operation as string[] | undefined)?.includes('getAll'),
		);
		const filterNames = (visible.find((property) => property.name === 'filters')?.options as Array<{ name: string }>).map((o) => o.name);
		expect(filterNames).toEqual(expect.arrayContaining(Object.keys(paystubs.parameters.filters as object)));
	});

	it('refers to the credential by name only and chains trigger → paystubs → aggregate → summary', () => {
		for (const node of [trigger, paystubs]) expect(node.credentials).toEqual({ argyleApi: { id: null, name: 'Argyle API' } });
		const next = (name: string) => example.connections[name]?.main[0].map((target) => target.node);
		expect(next(trigger.name)).toEqual([paystubs.name]);
		expect(next(paystubs.name)).toEqual(['All paystubs in one item']);
		expect(next('All paystubs in one item')).toEqual(['Summary']);
	});
});
