import { createHmac } from 'node:crypto';

import {
	deriveWebhookSecret,
	signBody,
	verifySignature,
} from '../../../nodes/ArgyleTrigger/signature';

const body = Buffer.from('{"event":"accounts.failed","name":"n8n","data":{"account":"a1"}}');
const secret = 'a'.repeat(64);

describe('webhook secret derivation', () => {
	it('is a 64-hex HMAC-SHA256 of the API key secret over workflow, node and URL', () => {
		const derived = deriveWebhookSecret('key-secret', 'wf1', 'node1', 'https://n8n.example.com/webhook/x/webhook');
		expect(derived).toMatch(/^[0-9a-f]{64}$/);
		const expected = createHmac('sha256', 'key-secret')
			.update('n8n-nodes-argyle webhook secret v1\nwf1\nnode1\nhttps://n8n.example.com/webhook/x/webhook')
			.digest('hex');
		expect(derived).toBe(expected);
		expect(derived).not.toContain('key-secret');
	});

	it('differs for the test URL, another workflow, another node and a rotated key', () => {
		const base = deriveWebhookSecret('k', 'wf', 'n', 'https://h/webhook/id/webhook');
		expect(deriveWebhookSecret('k', 'wf', 'n', 'https://h/webhook-test/id/webhook')).not.toBe(base);
		expect(deriveWebhookSecret('k', 'wf2', 'n', 'https://h/webhook/id/webhook')).not.toBe(base);
		expect(deriveWebhookSecret('k', 'wf', 'n2', 'https://h/webhook/id/webhook')).not.toBe(base);
		expect(deriveWebhookSecret('k2', 'wf', 'n', 'https://h/webhook/id/webhook')).not.toBe(base);
		expect(deriveWebhookSecret('k', 'wf', 'n', 'https://h/webhook/id/webhook')).toBe(base);
	});
});

describe('signature verification', () => {
	const good = createHmac('sha512', secret).update(body).digest('hex');

	it('signs as lowercase hex HMAC-SHA512 of the raw bytes', () => {
		expect(signBody(body, secret)).toBe(good);
		expect(signBody(body.toString('utf8'), secret)).toBe(good);
	});

	it('accepts the exact signature', () => {
		expect(verifySignature(body, good, secret)).toBe(true);
	});

	it.each([
		['missing header', undefined],
		['empty header', ''],
		['uppercase hex', good.toUpperCase()],
		['sha512= prefix', `sha512=${good}`],
		['surrounding whitespace', ` ${good}`],
		['truncated', good.slice(0, 127)],
		['SHA-256 of the body', createHmac('sha256', secret).update(body).digest('hex')],
		['another secret', createHmac('sha512', 'b'.repeat(64)).update(body).digest('hex')],
		['header given twice', [good, good]],
		['one flipped digit', (good[0] === '0' ? '1' : '0') + good.slice(1)],
	])('rejects %s', (_label, header) => {
		expect(verifySignature(body, header, secret)).toBe(false);
	});

	it('rejects a body changed after signing, and a missing body', () => {
		const changed = Buffer.from(body.toString().replace('a1', 'a2'));
		expect(verifySignature(changed, good, secret)).toBe(false);
		expect(verifySignature(undefined, good, secret)).toBe(false);
	});

	it('is sensitive to whitespace: re-serialised JSON does not verify', () => {
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
		expect(verifySignature(reserialised, good, secret)).toBe(false);
	});
});
