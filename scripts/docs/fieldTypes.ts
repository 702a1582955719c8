/** A field descriptor in the words of a docs table: "timestamp or null", "list of ID", "one of a, b". */
import type { Field, StringFormat } from '../../nodes/shared/fields';

const FORMATS: Record<StringFormat, string> = {
	uuid: 'ID',
	'date-time': 'timestamp',
	date: 'date',
	uri: 'URL',
	decimal: 'amount (decimal string)',
};

function baseWords(field: Field): string {
	switch (field.type) {
		case 'string':
			if (field.enum) return `one of ${field.enum.slice(0, 6).join(', ')}${field.enum.length > 6 ? ', …' : ''}`;
			return field.format ? FORMATS[field.format] : 'text';
		case 'array':
			return `list of ${typeInWords(field.items)}`;
		case 'object':
			return field.properties ? 'object' : 'object (any keys)';
		case 'boolean':
			return 'true/false';
		case 'integer':
			return 'whole number';
		default:
			return 'number';
	}
}

export function typeInWords(field: Field): string {
	return `${baseWords(field)}${field.nullable ? ' or null' : ''}${field.optional ? ', optional' : ''}`;
}
