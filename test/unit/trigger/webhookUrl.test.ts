import { unreachableReason } from '../../../nodes/ArgyleTrigger/webhookUrl';

describe('webhook URL reachability', () => {
	it.each([
		'https://n8n.example.com/webhook/abc/webhook',
		'https://automation.acme.io:8443/webhook/abc/webhook',
		'https://8.8.8.8/webhook/abc/webhook',
		'https://[2001:4860:4860::8888]/webhook/abc/webhook',
		'https://172.32.0.1/webhook/abc/webhook',
	])('accepts the public HTTPS URL %s', (url) => {
		expect(unreachableReason(url)).toBeUndefined();
	});

	it.each([
		['http://n8n.example.com/webhook/abc/webhook', 'not HTTPS'],
		['https://localhost:5678/webhook/abc/webhook', 'this machine'],
		['https://n8n.localhost/webhook/abc/webhook', 'this machine'],
		['https://127.0.0.1/webhook/abc/webhook', 'private or loopback'],
		['https://10.1.2.3/webhook/abc/webhook', 'private or loopback'],
		['https://172.16.0.5/webhook/abc/webhook', 'private or loopback'],
		['https://192.168.1.10/webhook/abc/webhook', 'private or loopback'],
		['https://169.254.169.254/webhook/abc/webhook', 'private or loopback'],
		['https://100.64.0.1/webhook/abc/webhook', 'private or loopback'],
		['https://0.0.0.0/webhook/abc/webhook', 'private or loopback'],
		['https://[::1]/webhook/abc/webhook', 'private or loopback'],
		['https://[fd00::1]/webhook/abc/webhook', 'private or loopback'],
		['https://[fe80::1]/webhook/abc/webhook', 'private or loopback'],
		['https://[::ffff:192.168.0.1]/webhook/abc/webhook', 'private or loopback'],
		['https://n8n.local/webhook/abc/webhook', 'local network name'],
		['https://n8n.internal/webhook/abc/webhook', 'local network name'],
		['https://n8n/webhook/abc/webhook', 'local network name'],
		['not a url', 'not a valid URL'],
	])('refuses %s (%s)', (url, reason) => {
		expect(unreachableReason(url)).toContain(reason);
	});

	it('refuses an out-of-range dotted quad, which is no valid URL', () => {
		expect(unreachableReason('https://999.1.1.1/webhook')).toContain('not a valid URL');
	});
});
