/** A webhook subscription as the Argyle node outputs it: Argyle's object without the signing secret. */
import { anyObject, flag, id, list, nullable, text, timestamp, url } from '../fields';

export const WEBHOOK_SUBSCRIPTION = {
	id: id('The subscription'),
	name: text('Its name, echoed in every delivery'),
	events: list('The events it receives', text('An event, e.g. accounts.failed, or * for all')),
	config: nullable(anyObject('Its config: include_resource, days_synced, items')),
	url: url('Where Argyle delivers'),
	created_at: timestamp('When it was created'),
	updated_at: timestamp('When it last changed'),
	last_sent_at: nullable(timestamp('When Argyle last delivered to it')),
	has_secret: flag('Whether it has a signing secret (the secret itself is left out of execution data)'),
} as const;
