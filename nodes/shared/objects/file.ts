/**
 * The JSON of an item that carries a downloaded file in its binary data (payroll document and user
 * upload files, report PDFs): what the file is, and which binary field holds it.
 */
import { integer, nullable, optional, text } from '../fields';

export const DOWNLOADED_FILE = {
	id: text('The ID of the object the file belongs to'),
	account: optional(nullable(text('The account it came from'))),
	document_type: optional(nullable(text('The document type, e.g. W-2 or paystubs'))),
	fileName: text('The file name given to the binary data'),
	mimeType: text('The media type, e.g. application/pdf'),
	fileSize: integer('The size in bytes'),
	binaryProperty: text('The binary field that holds the file, e.g. data'),
} as const;
