/** Builders for Argyle objects and signed deliveries used across unit tests. */
import { createHmac } from 'node:crypto';

import type { WebhookSubscription } from '../../../nodes/shared/types';

export function signature(body: string | Buffer, secret: string): string {
	return createHmac('sha512', secret).update(body).digest('hex');
}

let counter = 0;

export function subscription(overrides: Partial<WebhookSubscription> = {}): WebhookSubscription {
	counter += 1;
	return {
		id: `sub-${counter}`,
		name: 'other tool',
		events: ['accounts.connected'],
		url: 'https://elsewhere.example.com/hook',
		secret: 'someone-elses-secret',
		config: {},
		created_at: '2026-11-01T10:00:00Z',
		updated_at: '2026-11-01T10:00:00Z',
		last_sent_at: null,
		...overrides,
	};
}

export function page<T>(results: T[], next: string | null = null) {
	return { next, previous: null, results };
}
