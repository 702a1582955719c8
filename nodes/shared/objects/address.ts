/** A postal address as Argyle returns it (identities, users, paystubs' employer address). */
import { nullable, object, text } from '../fields';

export const ADDRESS = object('A postal address', {
	line1: nullable(text('Street and number')),
	line2: nullable(text('Apartment, suite, …')),
	city: nullable(text('City')),
	state: nullable(text('State or region')),
	postal_code: nullable(text('Postal code')),
	country: nullable(text('Country (ISO 3166-1 alpha-2)')),
});
