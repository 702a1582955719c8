// Documents the user uploads (argyle-objects.md §3.11, §6.11) and response forms (§3.12, §6.12).
import type { DataObject } from '../types';
import { fileUrl, type AccountContext } from './context';
import { millis, pick } from './util';

const UPLOADS: Array<[documentType: string, fileName: string]> = [
	['paystubs', 'most_recent_paystub.pdf'],
	['W-2', 'w2_last_year.pdf'],
	['proof-of-identity', 'drivers_license.png'],
	['proof-of-address', 'utility_bill.pdf'],
];

export type Processing = 'unauthorized' | 'idle' | 'in_progress' | 'completed' | 'failed';

export function makeUserUpload(ctx: AccountContext, id: string, processing: Processing = 'completed'): DataObject {
	const [documentType, fileName] = pick(UPLOADS);
	return {
		id,
		account: ctx.account.id,
		document_type: documentType,
		file_url: fileUrl(ctx, 'user-uploads', id),
		file_name: fileName,
		metadata: { employment: {}, ocr_data: {}, ocr_documents: [], ocr_authenticity: {}, ocr_authenticity_score: null },
		processing: { classification: processing, ocr: processing, authenticity: processing },
		created_at: millis(ctx.now),
		updated_at: millis(ctx.now),
	};
}

export function makeUserForm(ctx: AccountContext, id: string): DataObject {
	return {
		id,
		account: ctx.account.id,
		data: { income_source: pick(['Block & Fish Tackle', 'Sunrise Cleaning Co.', 'Freelance design']), payroll_provider: pick(['Payroll Corp.', 'Self', 'Gusto']) },
		created_at: millis(ctx.now),
		updated_at: millis(ctx.now),
	};
}
