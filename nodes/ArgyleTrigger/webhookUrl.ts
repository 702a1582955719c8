/**
 * Argyle delivers from the public internet, so in the Sandbox and Production environments a
 * webhook URL it cannot reach would register fine and then silently never fire. Refuse it up
 * front instead, and say how to fix n8n's WEBHOOK_URL.
 */
/** 4 or 6 for an IP literal as URL normalises it (brackets removed), 0 for a host name. */
function ipVersion(host: string): 0 | 4 | 6 {
	if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return 4;
	return host.includes(':') ? 6 : 0;
}

function isPrivateIPv4(host: string): boolean {
	const [a, b] = host.split('.').map(Number);
	return (
		a === 10 ||
		a === 127 ||
		a === 0 ||
		(a === 100 && b >= 64 && b <= 127) ||
		(a === 169 && b === 254) ||
		(a === 172 && b >= 16 && b <= 31) ||
		(a === 192 && b === 168)
	);
}

function isPrivateIPv6(host: string): boolean {
	const address = host.toLowerCase();
	if (address === '::1' || address === '::') return true;
	// IPv4-mapped (::ffff:a.b.c.d), which URL normalises to hex: ::ffff:c0a8:1
	const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
	if (mapped) {
		const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
		return isPrivateIPv4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
	}
	return /^(fc|fd|fe8|fe9|fea|feb)/.test(address);
}

/** Why Argyle could not deliver to this URL, or undefined when it looks publicly reachable. */
export function unreachableReason(webhookUrl: string): string | undefined {
	let url: URL;
	try {
		url = new URL(webhookUrl);
	} catch {
		return 'it is not a valid URL';
	}
	if (url.protocol !== 'https:') return 'it is not HTTPS';
	const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
	const version = ipVersion(host);
	if (version === 4 && isPrivateIPv4(host)) return `${host} is a private or loopback address`;
	if (version === 6 && isPrivateIPv6(host)) return `${host} is a private or loopback address`;
	if (version === 0) {
		if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is this machine`;
		if (/\.(local|internal|lan|home|corp|intranet)$/.test(host) || !host.includes('.')) {
			return `${host} is a local network name`;
		}
	}
	return undefined;
}
