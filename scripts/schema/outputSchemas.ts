/**
 * Every output schema the package ships, by the path n8n resolves it from
 * (`nodes/<Node>/__schema__/v<major.minor.patch>[/<resource>/<operation>].json`), built from the
 * catalogue and the Argyle node's resource definitions. `npm run schemas` writes them; a unit test
 * fails when a committed file is stale.
 */
import { Argyle } from '../../nodes/Argyle/Argyle.node';
import { RESOURCES } from '../../nodes/Argyle/resources';
import { ArgyleTrigger } from '../../nodes/ArgyleTrigger/ArgyleTrigger.node';
import { itemKey } from '../../nodes/ArgyleTrigger/delivery';
import { ALL_EVENTS, EVENTS, type KnownEvent } from '../../nodes/shared/catalogue';
import type { Fields } from '../../nodes/shared/fields';
import { objectSchema, unite, type JsonSchema } from './jsonSchema';

/** The fields of an event's `data` under the keys its item has them (see itemKey). */
export function itemFields(event: KnownEvent): Fields {
	return Object.fromEntries(Object.entries(EVENTS[event].data).map(([key, field]) => [itemKey(key), field]));
}

/** The trigger's item: `event` and `name`, then the fields of every event's `data`, united. */
export function triggerItemSchema(): JsonSchema {
	const data = ALL_EVENTS.map((event) => objectSchema(itemFields(event))).reduce(unite);
	return {
		type: 'object',
		description: 'One Argyle webhook delivery: event and subscription name, then the fields of its data',
		properties: {
			event: { type: 'string', description: 'The Argyle event, e.g. paystubs.fully_synced', enum: [...ALL_EVENTS] },
			name: { type: 'string', description: 'The name of the subscription Argyle delivered it for' },
			...data.properties,
		},
		required: ['event', 'name', ...(data.required ?? [])],
	};
}

/** One item of an Argyle node operation. */
export function operationSchema(resource: string, operation: string): JsonSchema {
	const definition = RESOURCES.find((candidate) => candidate.resource === resource)?.operations[operation];
	if (!definition) throw new Error(`no operation ${resource}/${operation}`);
	return objectSchema(definition.output, definition.description);
}

/** n8n names version folders with three parts: 2 → v2.0.0. */
const versionDir = (version: number) => `v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}`;

const versionsOf = (version: number | number[]) => (Array.isArray(version) ? version : [version]);

/** Path under nodes/ → schema. */
export function outputSchemaFiles(): Record<string, JsonSchema> {
	const files: Record<string, JsonSchema> = {};
	for (const version of versionsOf(new ArgyleTrigger().description.version)) {
		files[`ArgyleTrigger/__schema__/${versionDir(version)}.json`] = triggerItemSchema();
	}
	for (const version of versionsOf(new Argyle().description.version)) {
		for (const resource of RESOURCES) {
			for (const operation of Object.keys(resource.operations)) {
				files[`Argyle/__schema__/${versionDir(version)}/${resource.resource}/${operation}.json`] = operationSchema(
					resource.resource,
					operation,
				);
			}
		}
	}
	return files;
}
