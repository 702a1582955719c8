/**
 * Webhook signing. Argyle signs each delivery with the subscription's secret:
 * `X-Argyle-Signature` = lowercase hex HMAC-SHA512 of the raw body bytes.
 *
 * The secret is not random and not stored: it is derived from the API key secret (kept
 * encrypted in the n8n credential) and the trigger's identity, so n8n's unencrypted static
 * data never holds it, test and production URLs get different secrets, and rotating the API
 * key rotates every webhook secret on the next activation.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const DERIVATION_LABEL = 'n8n-nodes-argyle webhook secret v1';

export function deriveWebhookSecret(
	apiKeySecret: string,
	workflowId: string,
	nodeId: string,
	webhookUrl: string,
): string {
	return createHmac('sha256', apiKeySecret)
		.update([DERIVATION_LABEL, workflowId, nodeId, webhookUrl].join('\n'))
		.digest('hex');
}

export function signBody(body: Buffer | string, secret: string): string {
	return createHmac('sha512', secret).update(body).digest('hex');
}

const SIGNATURE_FORMAT = /^[0-9a-f]{128}$/;

/** Whether a header can be a signature at all: lowercase hex of 64 bytes, nothing else. */
export function isSignatureShaped(header: unknown): header is string {
	return typeof header === 'string' && SIGNATURE_FORMAT.test(header);
}

/** Constant-time check of a delivery's signature header against the raw body. */
export function verifySignature(
	rawBody: Buffer | undefined,
	header: unknown,
	secret: string,
): boolean {
	if (!rawBody || !isSignatureShaped(header)) return false;
	const expected = Buffer.from(signBody(rawBody, secret), 'utf8');
	const received = Buffer.from(header, 'utf8');
	return expected.length === received.length && timingSafeEqual(expected, received);
}
