/**
 * The personal data a user can be created or updated with (`POST /v2/users`, `PATCH
 * /v2/users/{id}`): the same optional fields for both, and how they become the request body. Only
 * fields that are set are sent.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { jsonObjectParameter } from '../writes';

const addressFields: INodeProperties[] = [
	{ displayName: 'Line 1', name: 'line1', type: 'string', default: '', placeholder: '852 North W St' },
	{ displayName: 'Line 2', name: 'line2', type: 'string', default: '', placeholder: 'Apt 221' },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'State', name: 'state', type: 'string', default: '', placeholder: 'NY' },
	{ displayName: 'Postal Code', name: 'postal_code', type: 'string', default: '' },
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'US',
		description: 'Two-letter country code (ISO 3166-1 alpha-2)',
	},
];

/** The collection's options, sorted by name as n8n wants them. */
export function userDataOptions(metadataDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Address',
			name: 'address',
			type: 'fixedCollection',
			default: {},
			placeholder: 'Add Address',
			options: [{ displayName: 'Address', name: 'value', values: addressFields }],
		},
		{
			displayName: 'Birth Date',
			name: 'birthDate',
			type: 'dateTime',
			default: '',
			description: 'Date of birth; only the date counts (sent as year, month and day)',
		},
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description: 'Your ID for the user, up to 100 characters (Get Many can filter on it; Argyle does not require it to be unique)',
		},
		{ displayName: 'External Metadata', name: 'externalMetadata', type: 'json', default: '{}', description: metadataDescription },
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: '+12125555555',
			description: 'In E.164 form: + and country code, then the number (spaces, dashes and brackets are removed)',
		},
		{ displayName: 'SSN', name: 'ssn', type: 'string', typeOptions: { password: true }, default: '', description: 'Social Security number' },
	];
}

export interface UserDataParameters {
	address?: { value?: Record<string, unknown> };
	birthDate?: unknown;
	email?: string;
	externalId?: string;
	externalMetadata?: unknown;
	firstName?: string;
	lastName?: string;
	phoneNumber?: string;
	ssn?: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** The date part of an n8n date ("1980-10-30T00:00:00", a Luxon DateTime or a Date), as Argyle's {year, month, day}. */
export function birthDateOf(value: unknown): { year: number; month: number; day: number } | undefined {
	let iso: string | undefined;
	if (typeof value === 'string') iso = value.trim();
	else if (value instanceof Date && !Number.isNaN(value.getTime())) iso = value.toISOString();
	else if (value && typeof (value as { toISODate?: unknown }).toISODate === 'function') {
		iso = String((value as { toISODate: () => string }).toISODate());
	}
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
	if (!match) return undefined;
	const [year, month, day] = match.slice(1).map(Number);
	if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
	return { year, month, day };
}

function invalid(ctx: IExecuteFunctions, itemIndex: number, message: string, description: string): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

function addressOf(value: UserDataParameters['address']): IDataObject | undefined {
	const given = Object.entries(value?.value ?? {})
		.map(([key, part]) => [key, text(part)] as const)
		.filter(([, part]) => part !== '');
	return given.length ? Object.fromEntries(given) : undefined;
}

/** The request body for the fields that are set; wrong values are refused before calling Argyle. */
export function userDataBody(ctx: IExecuteFunctions, itemIndex: number, fields: UserDataParameters): IDataObject {
	const body: IDataObject = {};
	const plain = { first_name: fields.firstName, last_name: fields.lastName, email: fields.email, ssn: fields.ssn };
	for (const [key, value] of Object.entries(plain)) if (text(value)) body[key] = text(value);
	const phone = text(fields.phoneNumber).replace(/[\s().-]/g, '');
	if (phone) {
		if (!/^\+[1-9]\d{6,14}$/.test(phone)) {
			invalid(ctx, itemIndex, `Phone Number "${phone}" is not in E.164 form`, 'Write it with + and the country code, e.g. +12125555555.');
		}
		body.phone_number = phone;
	}
	const externalId = text(fields.externalId);
	if (externalId.length > 100) {
		invalid(ctx, itemIndex, `External ID is ${externalId.length} characters long`, 'Argyle takes at most 100 characters.');
	}
	if (externalId) body.external_id = externalId;
	const address = addressOf(fields.address);
	if (address) body.address = address;
	if (fields.birthDate !== undefined && fields.birthDate !== '' && fields.birthDate !== null) {
		const birthDate = birthDateOf(fields.birthDate);
		if (!birthDate) invalid(ctx, itemIndex, 'Birth Date is not a date', 'Pick a date, or use an expression that gives e.g. 1980-10-30.');
		body.birth_date = birthDate;
	}
	const metadata = jsonObjectParameter(ctx, fields.externalMetadata, 'External Metadata', itemIndex);
	if (metadata && Object.keys(metadata).length) body.external_metadata = metadata;
	return body;
}
