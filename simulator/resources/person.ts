// A made-up person: the PII of a seeded user and the identity of each of its accounts.
import { randomInt } from 'node:crypto';

import type { ArgyleUser, BirthDate, UserAddress } from '../types';
import { between, digits, pick } from './util';

export interface Person {
	first_name: string;
	last_name: string;
	email: string;
	phone_number: string;
	ssn: string;
	address: UserAddress;
	birth_date: BirthDate;
}

const FIRST = ['Bob', 'Sarah', 'Maria', 'James', 'Priya', 'Chen', 'Fatima', 'Lucas', 'Aisha', 'Diego', 'Emily', 'Kwame'];
const LAST = ['Jones', 'Longfield', 'Garcia', 'Nguyen', 'Patel', 'Kim', 'Okafor', 'Silva', 'Johnson', 'Müller', 'Rossi', 'Cohen'];
const STREETS = ['Victoria Plaza', 'North W St', 'Maple Ave', 'Oak St', 'Lakeview Dr', 'Elm St', 'Park Blvd', 'Cedar Ln'];
const PLACES: Array<[city: string, state: string, postal: string]> = [
	['New York', 'NY', '10014'],
	['Chicago', 'IL', '60614'],
	['Austin', 'TX', '78704'],
	['Seattle', 'WA', '98109'],
	['Atlanta', 'GA', '30308'],
	['Denver', 'CO', '80205'],
	['Springfield', 'IL', '62701'],
];

export function makePerson(): Person {
	const first = pick(FIRST);
	const last = pick(LAST);
	const [city, state, postal] = pick(PLACES);
	return {
		first_name: first,
		last_name: last,
		email: `${first}.${last}${randomInt(1000)}@example.com`.toLowerCase().replace('ü', 'u'),
		phone_number: `+1${pick(['212', '312', '512', '206', '404', '720'])}555${digits(4)}`,
		ssn: `${between(100, 665)}-${digits(2)}-${digits(4)}`,
		address: { city, line1: `${between(10, 9999)} ${pick(STREETS)}`, line2: null, state, country: 'US', postal_code: postal },
		birth_date: { year: between(1960, 2002), month: between(1, 12), day: between(1, 28) },
	};
}

/** The user's own PII where it has some, made-up values for the rest (identities always have them). */
export function personOf(user: ArgyleUser): Person {
	const made = makePerson();
	return {
		first_name: user.first_name ?? made.first_name,
		last_name: user.last_name ?? made.last_name,
		email: user.email ?? made.email,
		phone_number: user.phone_number ?? made.phone_number,
		ssn: user.ssn ?? made.ssn,
		address: user.address ? { ...made.address, ...user.address } : made.address,
		birth_date: user.birth_date ?? made.birth_date,
	};
}

export const isoBirthDate = ({ year, month, day }: BirthDate): string =>
	`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
