/**
 * The catalogue's field descriptors as JSON Schema, the form n8n reads output schemas in
 * (`__schema__/v<version>[/<resource>/<operation>].json`). Only what n8n's own schemas use:
 * type (with "null" for nullable fields), properties, items, required, description, enum, format.
 * No additionalProperties: Argyle adds fields, and they pass through.
 */
import type { Field, Fields } from '../../nodes/shared/fields';

export interface JsonSchema {
	type: string | string[];
	description?: string;
	format?: string;
	enum?: string[];
	properties?: Record<string, JsonSchema>;
	required?: string[];
	items?: JsonSchema;
}

export function fieldSchema(field: Field): JsonSchema {
	const schema: JsonSchema = { type: field.nullable ? [field.type, 'null'] : field.type, description: field.description };
	if (field.type === 'string') {
		// "decimal" is ours (amounts as strings), not a JSON Schema format.
		if (field.format && field.format !== 'decimal') schema.format = field.format;
		if (field.enum) schema.enum = [...field.enum];
	}
	if (field.type === 'array') schema.items = fieldSchema(field.items);
	if (field.type === 'object' && field.properties) {
		const { properties, required } = objectSchema(field.properties);
		Object.assign(schema, { properties }, required ? { required } : {});
	}
	return schema;
}

export function objectSchema(fields: Fields, description?: string): JsonSchema {
	const properties = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, fieldSchema(field)]));
	const required = Object.entries(fields)
		.filter(([, field]) => !field.optional)
		.map(([name]) => name);
	return { type: 'object', ...(description ? { description } : {}), properties, ...(required.length ? { required } : {}) };
}

const typesOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type : [schema.type]);

/**
 * One schema for values that may take either shape, e.g. the `resource` of an account event and of
 * Verification: Updated: types, enum values and object properties are united; a key is required
 * only where both shapes require it.
 */
export function unite(a: JsonSchema, b: JsonSchema): JsonSchema {
	const types = [...new Set([...typesOf(a), ...typesOf(b)])];
	const united: JsonSchema = { type: types.length === 1 ? types[0] : types, description: a.description };
	if (a.format && a.format === b.format) united.format = a.format;
	if (a.enum && b.enum) united.enum = [...new Set([...a.enum, ...b.enum])];
	if (a.items || b.items) united.items = a.items && b.items ? unite(a.items, b.items) : (a.items ?? b.items);
	if (a.properties || b.properties) {
		const properties: Record<string, JsonSchema> = { ...a.properties };
		for (const [name, schema] of Object.entries(b.properties ?? {})) {
			properties[name] = properties[name] ? unite(properties[name], schema) : schema;
		}
		united.properties = properties;
		const required = (a.required ?? []).filter((name) => (b.required ?? []).includes(name));
		if (a.properties && b.properties && required.length) united.required = required;
	}
	return united;
}
