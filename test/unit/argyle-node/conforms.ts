/** Holds an operation's output items against the output schema n8n shows for it. */
import type { INodeExecutionData } from 'n8n-workflow';

import type { Fields } from '../../../nodes/shared/fields';
import { schemaViolations } from '../../../scripts/schema/conformance';
import { objectSchema } from '../../../scripts/schema/jsonSchema';
import { operationSchema } from '../../../scripts/schema/outputSchemas';

/** Every item's json fits the schema of `resource/operation` (or of the given fields). */
export function expectSchemaFits(output: INodeExecutionData[], of: [resource: string, operation: string] | Fields) {
	const schema = Array.isArray(of) ? operationSchema(of[0], of[1]) : objectSchema(of);
	expect(output.flatMap((item) => schemaViolations(item.json, schema))).toEqual([]);
}
