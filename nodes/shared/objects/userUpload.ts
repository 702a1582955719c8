/** The v2 user upload: a document the user uploaded in Link or through the API (`GET /v2/user-uploads/{id}`). */
import { anyObject, id, integer, list, nullable, object, oneOf, optional, text, timestamp, url } from '../fields';

export const USER_UPLOAD_DOCUMENT_TYPES = ['paystubs', 'W-2', '1099', 'proof-of-identity', 'proof-of-address', 'miscellaneous'] as const;

const STEP = (what: string) =>
	oneOf(`Where ${what} is`, ['unauthorized', 'idle', 'in_progress', 'completed', 'failed']);

export const USER_UPLOAD = {
	id: id('The upload'),
	account: id('The document-upload account it belongs to'),
	document_type: oneOf('The kind of document (OCR may correct it)', USER_UPLOAD_DOCUMENT_TYPES),
	file_url: url('The file; redirects to a download that needs the API key'),
	file_name: text('The original file name'),
	metadata: object('What processing found', {
		employment: nullable(anyObject('Employment data for document verification')),
		ocr_documents: list(
			'One entry per document found in the file',
			object('A document', {
				ocr_data: anyObject('What OCR read'),
				ocr_authenticity: anyObject('Authenticity checks'),
				ocr_authenticity_score: nullable(integer('Authenticity score')),
			}),
		),
		ocr_data: optional(anyObject('What OCR read (deprecated: see ocr_documents)')),
		ocr_authenticity: optional(anyObject('Authenticity checks (deprecated: see ocr_documents)')),
		ocr_authenticity_score: optional(nullable(integer('Authenticity score (deprecated: see ocr_documents)'))),
	}),
	processing: object('Processing steps', {
		classification: STEP('classification'),
		ocr: STEP('OCR'),
		authenticity: STEP('the authenticity check'),
	}),
	created_at: timestamp('When it was uploaded'),
	updated_at: timestamp('When it last changed'),
} as const;
