/**
 * What in a value an output schema does not describe: a field the schema lacks, a value of another
 * type, or a required field that is missing. Tests use it to hold the schemas n8n shows against what
 * the simulator really delivers and answers.
 */
import type { JsonSchema } from './jsonSchema';

const typeOf = (value: unknown): string =>
	value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

function accepts(schema: JsonSchema, value: unknown): boolean {
	const types = Array.isArray(schema.type) ? schema.type : [schema.type];
	const actual = typeOf(value);
	return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

export function schemaViolations(value: unknown, schema: JsonSchema, path = '$'): string[] {
	if (!accepts(schema, value)) return [`${path}: ${typeOf(value)} where the schema says ${JSON.stringify(schema.type)}`];
	if (Array.isArray(value) && schema.items) {
		return value.flatMap((entry, index) => schemaViolations(entry, schema.items!, `${path}[${index}]`));
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value) || !schema.properties) return [];
	const record = value as Record<string, unknown>;
	const problems = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${path}.${key}: missing`);
	for (const [key, entry] of Object.entries(record)) {
		const property = schema.properties[key];
		problems.push(...(property ? schemaViolations(entry, property, `${path}.${key}`) : [`${path}.${key}: not in the schema`]));
	}
	return problems;
}
