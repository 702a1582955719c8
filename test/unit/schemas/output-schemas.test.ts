/**
 * The output schemas n8n serves to the editor: one for the trigger at each of its versions and one
 * for every operation of the Argyle node, committed as generated from the catalogue.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { RESOURCES } from '../../../nodes/Argyle/resources';
import { ALL_EVENTS } from '../../../nodes/shared/catalogue';
import { schemaViolations } from '../../../scripts/schema/conformance';
import { operationSchema, outputSchemaFiles, triggerItemSchema } from '../../../scripts/schema/outputSchemas';

const NODES = path.join(__dirname, '..', '..', '..', 'nodes');

describe('output schemas', () => {
	const files = outputSchemaFiles();

	it('are committed exactly as generated (run npm run schemas after changing the catalogue)', () => {
		for (const [file, schema] of Object.entries(files)) {
			const target = path.join(NODES, file);
			expect([file, existsSync(target)]).toEqual([file, true]);
			expect([file, JSON.parse(readFileSync(target, 'utf8'))]).toEqual([file, schema]);
		}
		const committed = readdirSync(NODES, { recursive: true, encoding: 'utf8' })
			.filter((file) => file.includes('__schema__') && file.endsWith('.json'))
			.map((file) => file.split(path.sep).join('/'));
		expect(committed.sort()).toEqual(Object.keys(files).sort());
	});

	it('cover the trigger at versions 2 and 3 and every operation of the Argyle node', () => {
		expect(Object.keys(files)).toEqual(
			expect.arrayContaining(['ArgyleTrigger/__schema__/v2.0.0.json', 'ArgyleTrigger/__schema__/v3.0.0.json']),
		);
		const operations = RESOURCES.flatMap((resource) => Object.keys(resource.operations).map((operation) => `${resource.resource}/${operation}`));
		for (const operation of operations) expect(Object.keys(files)).toContain(`Argyle/__schema__/v1.0.0/${operation}.json`);
	});

	it('describe every event the trigger can emit, and name them all', () => {
		const schema = triggerItemSchema();
		expect(schema.properties!.event.enum).toEqual(ALL_EVENTS);
		expect(schema.required).toEqual(['event', 'name']);
		// Account: Failed and Direct Deposit Switch: Failed name their codes; the legacy pay distribution event does not
		expect(schema.properties!.error_code).toMatchObject({ type: 'string' });
		// the resource of account events and of Verification: Updated, united
		expect(Object.keys(schema.properties!.resource.properties!)).toEqual(expect.arrayContaining(['connection', 'status', 'accounts_connected']));
	});

	it('tell what does not fit: an unknown field, a wrong type, a missing required field', () => {
		const schema = operationSchema('account', 'delete');
		expect(schemaViolations({ id: 'a', deleted: true }, schema)).toEqual([]);
		expect(schemaViolations({ id: 'a', deleted: 'yes', extra: 1 }, schema)).toEqual([
			'$.deleted: string where the schema says "boolean"',
			'$.extra: not in the schema',
		]);
		expect(schemaViolations({ deleted: true }, schema)).toEqual(['$.id: missing']);
		expect(schemaViolations({ event: 'x', name: 'n', resource: { connection: { status: 1 } } }, triggerItemSchema())).toContain(
			'$.resource.connection.status: integer where the schema says "string"',
		);
	});
});
