/** The trigger under test in the lifecycle tests: its URLs, identity, derived secret and Argyle's answers. */
import nock from 'nock';
import type { NodeApiError } from 'n8n-workflow';

import { deriveWebhookSecret } from '../../../nodes/ArgyleTrigger/signature';
import { API_BASE, hookContext, TEST_CREDENTIALS, type ContextOptions } from '../helpers/context';
import { page, subscription } from '../helpers/argyle';

export const URL_PROD = 'https://n8n.example.com/webhook/wh-1/webhook';
export const URL_TEST = 'https://n8n.example.com/webhook-test/wh-1/webhook';
export const WORKFLOW = { id: 'wf-1', name: 'Payroll alerts', active: true };
export const NODE = { id: 'node-1', name: 'Argyle Trigger' };
export const SECRET = deriveWebhookSecret(TEST_CREDENTIALS.apiKeySecret, WORKFLOW.id, NODE.id, URL_PROD);
export const AUTH = { user: TEST_CREDENTIALS.apiKeyId, pass: TEST_CREDENTIALS.apiKeySecret };

export function trigger(overrides: ContextOptions = {}) {
	return hookContext({
		parameters: { events: ['accounts.failed', 'accounts.connected'], options: {} },
		webhookUrl: URL_PROD,
		workflow: WORKFLOW,
		node: NODE,
		...overrides,
	});
}

/** The subscription this trigger would create, as Argyle would list it. */
export function ours(overrides: Parameters<typeof subscription>[0] = {}) {
	return subscription({
		name: 'n8n: Payroll alerts',
		url: URL_PROD,
		events: ['accounts.connected', 'accounts.failed'],
		secret: SECRET,
		config: {},
		...overrides,
	});
}

export const api = () => nock(API_BASE).matchHeader('accept', /json/);

/** Expects exactly this create body (our URL and derived secret added) and answers with subscription `id`. */
export const expectCreate = (body: Record<string, unknown>, id: string) =>
	api().post('/v2/webhooks', { url: URL_PROD, secret: SECRET, ...body }).reply(200, ours({ id }));

/** Argyle's answer to the trigger's first list call (`GET /v2/webhooks?limit=200`). */
export const listing = (subscriptions: ReturnType<typeof subscription>[], next?: string) =>
	api().get('/v2/webhooks').query({ limit: 200 }).reply(200, page(subscriptions, next));

export function secretsIn(error: unknown): boolean {
	const e = error as NodeApiError;
	const text = [e.message, e.description, JSON.stringify(e)].join(' ');
	return text.includes(TEST_CREDENTIALS.apiKeySecret) || text.includes(SECRET);
}

