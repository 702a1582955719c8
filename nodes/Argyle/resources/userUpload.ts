/** User uploads: documents users uploaded in Link or through the API, with their OCR results (`/v2/user-uploads`). */
import { USER_UPLOAD, USER_UPLOAD_DOCUMENT_TYPES } from '../../shared/objects/userUpload';
import { getManyOperation, getOperation, type DataSet } from './common';
import { userUploadDownload } from './downloads';
import { accountAndUser, choiceFilter, choices } from './filters';
import type { ResourceDefinition } from './types';

const USER_UPLOADS: DataSet = { path: 'user-uploads', label: 'User Upload', one: 'user upload', many: 'user uploads' };

const DOCUMENT_TYPE_NAMES: Record<(typeof USER_UPLOAD_DOCUMENT_TYPES)[number], string> = {
	'1099': '1099',
	miscellaneous: 'Miscellaneous',
	paystubs: 'Paystubs',
	'proof-of-address': 'Proof of Address',
	'proof-of-identity': 'Proof of Identity',
	'W-2': 'W-2',
};

export const userUpload: ResourceDefinition = {
	resource: 'userUpload',
	name: 'User Upload',
	plural: 'User Uploads',
	defaultOperation: 'get',
	operations: {
		get: getOperation(USER_UPLOADS, {
			idParameter: 'userUploadId',
			idDescription: 'The ID of the upload, e.g. the "user_upload" field of an Argyle Trigger item (User Upload events)',
			description: 'Retrieve one uploaded document: its type, file name, file URL and processing (OCR, authenticity) results',
			output: USER_UPLOAD,
		}),
		getAll: getManyOperation(USER_UPLOADS, {
			description: 'List uploaded documents, optionally only those of one account or user, or of one document type',
			filters: [
				...accountAndUser('uploads'),
				choiceFilter(
					{ displayName: 'Document Type', name: 'documentType', description: 'Only uploads of this document type' },
					'document_type',
					choices(USER_UPLOAD_DOCUMENT_TYPES, DOCUMENT_TYPE_NAMES),
				),
			],
			output: USER_UPLOAD,
		}),
		downloadFile: userUploadDownload,
	},
};
