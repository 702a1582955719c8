// Builders for the families whose events name one stored object: `.added` creates it, `.updated`
// changes one, `.removed` takes one out of the store (fetching it then answers 404, as it would at
// Argyle), OCR events change the processing state of a document or upload.
import type { NamedResource } from '../data/dataset';
import type { DataObject } from '../types';
import type { Builder, EventContext } from './context';

type Action = (ctx: EventContext, resource: NamedResource) => DataObject;

const touch = (changes: (o: DataObject) => Record<string, unknown>): Action => (ctx, resource) => {
	const object = ctx.dataset.ensure(resource, ctx.account);
	return ctx.dataset.touch(ctx.account, object, changes(object));
};

const ACTIONS: Record<string, Action> = {
	added: (ctx, resource) => ctx.dataset.create(resource, ctx.account),
	submitted: (ctx, resource) => ctx.dataset.create(resource, ctx.account),
	updated: touch(() => ({})),
	removed: (ctx, resource) => ctx.dataset.removeOne(resource, ctx.account),
};

/** OCR results: on the account's tax form (payroll documents) or an upload's processing state. */
const OCR: Record<string, Record<string, Action>> = {
	payroll_documents: {
		ocr_completed: (ctx) => {
			const form = ctx.dataset.store.objectsOf('payroll_documents', ctx.account.id).find((d) => (d.ocr_data as { form_type?: string }).form_type);
			return form ? ctx.dataset.touch(ctx.account, form) : ctx.dataset.create('payroll_documents', ctx.account);
		},
		ocr_failed: (ctx) => {
			const doc = ctx.dataset.create('payroll_documents', ctx.account);
			return ctx.dataset.touch(ctx.account, doc, { document_type: 'other', ocr_data: { error: 'unrecognized_document_type' } });
		},
	},
	user_uploads: {
		ocr_completed: touch((o) => ({ processing: { ...(o.processing as object), ocr: 'completed' } })),
		ocr_failed: touch((o) => ({ processing: { ...(o.processing as object), ocr: 'failed' } })),
		ocr_authenticity: touch((o) => ({
			processing: { ...(o.processing as object), authenticity: 'completed' },
			metadata: { ...(o.metadata as object), ocr_authenticity_score: 92 },
		})),
	},
};

/** Builders for `events` of a family that names objects of `resource` by `idKey`. */
export function naming(resource: NamedResource, idKey: string, events: string[]): Record<string, Builder> {
	return Object.fromEntries(
		events.map((event) => {
			const action = OCR[resource]?.[event] ?? (resource === 'identities' && event === 'added' ? touch(() => ({})) : ACTIONS[event]);
			return [event, (ctx: EventContext) => ({ account: ctx.account.id, user: ctx.user.id, [idKey]: action(ctx, resource).id })];
		}),
	);
}
