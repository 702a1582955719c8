/**
 * A small language for the shape of what Argyle sends: every event's `data` and every object the
 * API returns is written once with these helpers. The TypeScript types (ObjectOf), the n8n output
 * schemas and the docs' field tables are all derived from the same descriptors, so they cannot
 * drift apart. Argyle adds fields without notice: a descriptor lists what is known, never what is
 * allowed, and every derived object type keeps an index signature.
 */

interface FieldBase {
	readonly description: string;
	/** The value may be null. */
	readonly nullable?: true;
	/** The key may be missing. */
	readonly optional?: true;
}

export type StringFormat = 'uuid' | 'date-time' | 'date' | 'uri' | 'decimal';

export type Field =
	| (FieldBase & { readonly type: 'string'; readonly format?: StringFormat; readonly enum?: readonly string[] })
	| (FieldBase & { readonly type: 'integer' | 'number' | 'boolean' })
	| (FieldBase & { readonly type: 'array'; readonly items: Field })
	| (FieldBase & { readonly type: 'object'; readonly properties?: Fields });

export interface Fields {
	readonly [name: string]: Field;
}

export const id = (description: string) => ({ type: 'string', format: 'uuid', description }) as const;
export const text = (description: string) => ({ type: 'string', description }) as const;
export const timestamp = (description: string) => ({ type: 'string', format: 'date-time', description }) as const;
export const date = (description: string) => ({ type: 'string', format: 'date', description }) as const;
export const url = (description: string) => ({ type: 'string', format: 'uri', description }) as const;
/** Argyle sends money amounts as decimal strings, e.g. "1245.50". */
export const amount = (description: string) => ({ type: 'string', format: 'decimal', description }) as const;
export const integer = (description: string) => ({ type: 'integer', description }) as const;
export const number = (description: string) => ({ type: 'number', description }) as const;
export const flag = (description: string) => ({ type: 'boolean', description }) as const;
/** Any JSON object whose keys are not fixed, e.g. `metadata`. */
export const anyObject = (description: string) => ({ type: 'object', description }) as const;

/** A string from a known set; Argyle may add values, which pass through. */
export const oneOf = <const V extends readonly string[]>(description: string, values: V) =>
	({ type: 'string', enum: values, description }) as const;

export const list = <const I extends Field>(description: string, items: I) =>
	({ type: 'array', items, description }) as const;

export const object = <const P extends Fields>(description: string, properties: P) =>
	({ type: 'object', properties, description }) as const;

export const nullable = <const F extends Field>(field: F) =>
	({ ...field, nullable: true }) as F & { readonly nullable: true };

export const optional = <const F extends Field>(field: F) =>
	({ ...field, optional: true }) as F & { readonly optional: true };

type Open<T> = T & { [key: string]: unknown };

type BaseValue<F> = F extends { type: 'string'; enum: readonly (infer V extends string)[] }
	? V | (string & {})
	: F extends { type: 'string' }
		? string
		: F extends { type: 'integer' | 'number' }
			? number
			: F extends { type: 'boolean' }
				? boolean
				: F extends { type: 'array'; items: infer I }
					? Array<ValueOf<I>>
					: F extends { type: 'object'; properties: infer P extends Fields }
						? ObjectOf<P>
						: Record<string, unknown>;

/** The TypeScript type of a value described by `F`. */
export type ValueOf<F> = BaseValue<F> | (F extends { nullable: true } ? null : never);

type RequiredKeys<P> = { [K in keyof P]: P[K] extends { optional: true } ? never : K }[keyof P];
type OptionalKeys<P> = { [K in keyof P]: P[K] extends { optional: true } ? K : never }[keyof P];

/** The TypeScript type of an object described by `P`, open to fields Argyle adds. */
export type ObjectOf<P extends Fields> = Open<
	{ -readonly [K in RequiredKeys<P>]: ValueOf<P[K]> } & { -readonly [K in OptionalKeys<P>]?: ValueOf<P[K]> }
>;
