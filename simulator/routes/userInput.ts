// DRF-style validation of the `POST /v2/users` and `PATCH /v2/users/{id}` bodies (argyle-objects.md
// §4.2): every field optional; a bad one answers a field-keyed map of messages.
import type { ArgyleUser } from '../types';
import { typeName, type ErrorBody } from './common';

export type UserInput = Partial<Omit<ArgyleUser, 'id' | 'created_at' | 'items_connected' | 'employers_connected'>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const NOT_STRING = ['Not a valid string.'];
const STRINGS = ['first_name', 'last_name', 'ssn'] as const;
const ADDRESS = ['city', 'line1', 'line2', 'state', 'country', 'postal_code'] as const;
const BIRTH: Array<[key: 'year' | 'month' | 'day', min: number, max: number]> = [
	['year', 1900, 9999],
	['month', 1, 12],
	['day', 1, 31],
];

const dictError = (v: unknown) => ({ non_field_errors: [`Invalid data. Expected a dictionary, but got ${typeName(v)}.`] });
const isDict = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function address(value: unknown): { value?: ArgyleUser['address']; errors?: unknown } {
	if (value === null) return { value: null };
	if (!isDict(value)) return { errors: dictError(value) };
	const errors: ErrorBody = {};
	const out = Object.fromEntries(ADDRESS.map((k) => [k, null])) as unknown as NonNullable<ArgyleUser['address']>;
	for (const key of ADDRESS) {
		const v = value[key];
		if (v === undefined || v === null) continue;
		if (typeof v !== 'string') errors[key] = NOT_STRING;
		else out[key] = v;
	}
	return Object.keys(errors).length ? { errors } : { value: out };
}

function birthDate(value: unknown): { value?: ArgyleUser['birth_date']; errors?: unknown } {
	if (value === null) return { value: null };
	if (!isDict(value)) return { errors: dictError(value) };
	const errors: ErrorBody = {};
	for (const [key, min, max] of BIRTH) {
		const v = value[key];
		if (v === undefined) errors[key] = ['This field is required.'];
		else if (typeof v !== 'number' || !Number.isInteger(v)) errors[key] = ['A valid integer is required.'];
		else if (v < min) errors[key] = [`Ensure this value is greater than or equal to ${min}.`];
		else if (v > max) errors[key] = [`Ensure this value is less than or equal to ${max}.`];
	}
	if (Object.keys(errors).length) return { errors };
	return { value: { year: value.year as number, month: value.month as number, day: value.day as number } };
}

function text(body: Record<string, unknown>, key: string, errors: ErrorBody, out: Record<string, unknown>, check?: [RegExp, string]) {
	const v = body[key];
	if (v === undefined) return;
	if (v !== null && typeof v !== 'string') errors[key] = NOT_STRING;
	else if (typeof v === 'string' && check && !check[0].test(v)) errors[key] = [check[1]];
	else out[key] = v;
}

/** The fields a body sets (only those it names), or the errors. */
export function validateUserInput(body: Record<string, unknown>): { ok: true; value: UserInput } | { ok: false; errors: ErrorBody } {
	const errors: ErrorBody = {};
	const out: Record<string, unknown> = {};
	for (const key of STRINGS) text(body, key, errors, out);
	text(body, 'email', errors, out, [EMAIL, 'Enter a valid email address.']);
	text(body, 'phone_number', errors, out, [E164, 'Enter a valid phone number.']);
	text(body, 'external_id', errors, out, [/^[\s\S]{0,100}$/, 'Ensure this field has no more than 100 characters.']);
	for (const [key, check] of [['address', address], ['birth_date', birthDate]] as const) {
		if (body[key] === undefined) continue;
		const result = check(body[key]);
		if (result.errors) errors[key] = result.errors;
		else out[key] = result.value;
	}
	if (body.external_metadata !== undefined) out.external_metadata = body.external_metadata;
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: out as UserInput };
}

/** PATCH: named fields replaced, external_metadata merged into the stored object (replaced when either is not one). */
export function patchUser(user: ArgyleUser, input: UserInput): void {
	const { external_metadata: metadata, ...rest } = input;
	Object.assign(user, rest);
	if (metadata === undefined) return;
	user.external_metadata = isDict(metadata) && isDict(user.external_metadata) ? { ...user.external_metadata, ...metadata } : metadata;
}
