/** A payroll report (VOE/VOIE; `GET /v2/reports/{id}`, and what `POST /v2/reports/{type}` answers). */
import { anyObject, id, list, nullable, object, oneOf, optional, text, timestamp, url } from '../fields';

export const REPORT_TYPES = ['voe', 'voie', 'voe-mortgage', 'voie-mortgage'] as const;

export const REPORT = {
	id: id('The report (also the "Reference #" on the PDF)'),
	user: id('The Argyle user it is about'),
	type: oneOf('The report type', REPORT_TYPES),
	status: oneOf(
		'waiting_for_sync (data still syncing), generating, generated (ready to download) or failed (generate it again)',
		['waiting_for_sync', 'generating', 'generated', 'failed'],
	),
	created_at: timestamp('When it was requested'),
	file_url: nullable(url('The PDF (needs the API key; use Download)')),
	json_url: nullable(url('The report as JSON (needs the API key; use Download with Format JSON)')),
	last_synced_at: nullable(timestamp('When the accounts it uses were last scanned ("Data as of" on the PDF)')),
	accounts: list(
		'The accounts it uses',
		object('An account', {
			id: id('The account'),
			item: text('Its Item, e.g. item_000000001'),
			last_synced_at: nullable(timestamp('When it was last scanned')),
		}),
	),
	metadata: anyObject('What was passed as metadata when it was generated'),
	external_id: nullable(text("The user's external ID, if any")),
	reference_id: optional(id('Deprecated: the same as id')),
	generated_at: optional(timestamp('Deprecated: when it was requested')),
} as const;
