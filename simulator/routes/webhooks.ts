// `/v2/webhooks` and `/v1/webhooks`: list (cursor pages), create (DRF-style 400s), get, delete.
import { sendEmpty, sendJson } from '../http';
import type { ApiVersion } from '../types';
import { validateWebhook } from '../validation';
import { BAD, notFound, requireJson, sendPage, type Handler, type Route } from './common';

const webhookList: Handler = (host, req, res, [version]) =>
	sendPage(host, req, res, host.store.webhooks[version as ApiVersion].entries());

const webhookCreate: Handler = (host, req, res, [version]) => {
	const body = requireJson(req, res);
	if (body === BAD) return;
	const result = validateWebhook(version as ApiVersion, body ?? {});
	if (!result.ok) return sendJson(res, 400, result.errors);
	sendJson(res, 200, host.createWebhook(version as ApiVersion, result.value));
};

const webhookGet: Handler = (host, _req, res, [version, id]) => {
	const sub = host.store.webhooks[version as ApiVersion].get(id);
	if (!sub) return notFound(res);
	sendJson(res, 200, sub);
};

const webhookDelete: Handler = (host, _req, res, [version, id]) => {
	if (!host.store.webhooks[version as ApiVersion].delete(id)) return notFound(res);
	sendEmpty(res, 204);
};

export const WEBHOOK_ROUTES: Route[] = [
	{ pattern: /^\/(v1|v2)\/webhooks\/?$/, methods: { GET: webhookList, POST: webhookCreate } },
	{ pattern: /^\/(v1|v2)\/webhooks\/([^/]+)\/?$/, methods: { GET: webhookGet, DELETE: webhookDelete } },
];
