/**
 * Downloading the files behind Argyle objects into n8n binary data: the shared parameter and item
 * building (also used by Report: Download), and the Download File operations of payroll documents
 * and user uploads. The HTTP side, with the rule that the API key only goes to Argyle's own host,
 * is nodes/shared/download.ts.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadArgyleFile } from '../../shared/download';
import { DOWNLOADED_FILE } from '../../shared/objects/file';
import { getOne, idPath, requiredId } from '../requests';
import { idField } from './common';
import type { OperationDefinition } from './types';

export const binaryPropertyField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the file in',
};

/** What the item's JSON says about the object the file belongs to (see DOWNLOADED_FILE). */
export type FileFacts = IDataObject & { id: string };

const EXTENSIONS: Readonly<Record<string, string>> = {
	'application/pdf': 'pdf',
	'application/json': 'json',
	'application/zip': 'zip',
	'application/xml': 'xml',
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/gif': 'gif',
	'image/webp': 'webp',
	'image/heic': 'heic',
	'image/tiff': 'tiff',
	'image/bmp': 'bmp',
	'image/svg+xml': 'svg',
	'text/plain': 'txt',
	'text/csv': 'csv',
	'text/html': 'html',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** The usual file extension of a media type; "bin" when it is unknown. */
export function extensionFor(mimeType: string | undefined): string {
	if (!mimeType) return 'bin';
	if (Object.hasOwn(EXTENSIONS, mimeType)) return EXTENSIONS[mimeType];
	const subtype = mimeType.split('/')[1] ?? '';
	return /^[a-z0-9]{1,8}$/.test(subtype) ? subtype : 'bin';
}

/** A file name without path separators or control characters (n8n takes "a/b.pdf" as a folder). */
export function safeFileName(name: string): string {
	const cleaned = name.replace(/[/\\]/g, '-').replace(/[\u0000-\u001f\u007f]/g, '').trim();
	return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : 'file';
}

function binaryPropertyName(ctx: IExecuteFunctions, itemIndex: number): string {
	const name = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (!name) {
		throw new NodeOperationError(ctx.getNode(), 'No binary field name given', {
			itemIndex,
			description: 'Set "Put Output File in Field", e.g. to data.',
		});
	}
	return name;
}

/** The URL of the object's file, or an error saying the object has none (yet). */
export function fileUrlOf(ctx: IExecuteFunctions, value: unknown, what: string, itemIndex: number): string {
	if (typeof value === 'string' && value.trim()) return value;
	throw new NodeOperationError(ctx.getNode(), `Argyle has no file for ${what}`, {
		itemIndex,
		description: 'Its file_url is empty. Check the ID, or try again once Argyle has the file.',
	});
}

/**
 * Downloads `fileUrl` into one item: the bytes in the chosen binary field, what they are in json.
 * `mimeType` overrides the type the file answer gives (e.g. a report PDF is always application/pdf).
 */
export async function fileItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: { fileUrl: string; action: string; facts: FileFacts; fileName: (mimeType: string) => string; mimeType?: string },
): Promise<INodeExecutionData> {
	const property = binaryPropertyName(ctx, itemIndex);
	const file = await downloadArgyleFile(ctx, request.fileUrl, request.action);
	const mimeType = request.mimeType ?? file.mimeType ?? 'application/octet-stream';
	const fileName = safeFileName(request.fileName(mimeType));
	const binary = await ctx.helpers.prepareBinaryData(file.body, fileName, mimeType);
	const json: IDataObject = {
		...request.facts,
		fileName,
		mimeType,
		fileSize: file.body.length,
		binaryProperty: property,
	};
	return { json, binary: { [property]: binary } };
}

/** The fields of a payroll document or user upload a download uses. */
interface ArgyleFileObject {
	account?: string | null;
	document_type?: string | null;
	file_url?: string | null;
	file_name?: string | null;
}

const factsOf = (id: string, object: ArgyleFileObject): FileFacts => ({
	id,
	account: object.account ?? null,
	document_type: object.document_type ?? null,
});

/** Download File of an object whose `file_url` holds one file: read the object, then fetch its file. */
function fileDownload(spec: {
	path: string;
	what: string;
	idParameter: string;
	idLabel: string;
	trigger: string;
	description: string;
	fileName: (object: ArgyleFileObject, id: string, mimeType: string | undefined) => string;
}): OperationDefinition {
	return {
		name: 'Download File',
		action: `Download a ${spec.what} file`,
		description: spec.description,
		subtitle: `Download ${spec.idLabel} File`,
		fields: [
			idField(spec.idParameter, `${spec.idLabel} ID`, `The ID of the ${spec.what}, e.g. the "${spec.trigger}" field of an Argyle Trigger item`),
			binaryPropertyField,
		],
		output: DOWNLOADED_FILE,
		async run(ctx, itemIndex) {
			const id = requiredId(ctx, spec.idParameter, spec.idLabel, itemIndex);
			const object = await getOne<ArgyleFileObject>(ctx, idPath(spec.path, id), `get ${spec.what} ${id}`);
			const item = await fileItem(ctx, itemIndex, {
				fileUrl: fileUrlOf(ctx, object.file_url, `${spec.what} ${id}`, itemIndex),
				action: `download ${spec.what} ${id}`,
				facts: factsOf(id, object),
				fileName: (mimeType) => spec.fileName(object, id, mimeType),
			});
			return { items: [item] };
		},
	};
}

export const payrollDocumentDownload = fileDownload({
	path: 'payroll-documents',
	what: 'payroll document',
	idParameter: 'payrollDocumentId',
	idLabel: 'Payroll Document',
	trigger: 'payroll_document',
	description: 'Download the file of a payroll document (e.g. a W-2 or a paystub PDF) into a binary field',
	fileName: (document, id, mimeType) => `${document.document_type || 'payroll-document'}-${id}.${extensionFor(mimeType)}`,
});

export const userUploadDownload = fileDownload({
	path: 'user-uploads',
	what: 'user upload',
	idParameter: 'userUploadId',
	idLabel: 'User Upload',
	trigger: 'user_upload',
	description: 'Download the file a user uploaded (e.g. a paystub or a W-2) into a binary field, under its original name',
	fileName: (upload, id, mimeType) => upload.file_name || `user-upload-${id}.${extensionFor(mimeType)}`,
});
