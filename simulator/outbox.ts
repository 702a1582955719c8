// Outgoing webhooks: signs and POSTs each delivery, keeps the delivery log, and tracks everything in
// flight (also work started after an API response) so idle() and stop() can wait for it.
import type { ServerResponse } from 'node:http';

import { envelope, postJson, sign, SIGNATURE_HEADER } from './delivery';
import { isoNow } from './fixtures';
import type { DeliveryResult, WebhookSubscription } from './types';

const MAX_KEPT_DELIVERIES = 5_000;

export class Outbox {
	/** Every delivery attempt, oldest first (the last 5000). */
	readonly deliveries: DeliveryResult[] = [];
	private readonly pending = new Set<Promise<unknown>>();
	private readonly aborter = new AbortController();

	constructor(
		private readonly timeoutMs: number,
		private readonly log?: (line: string) => void,
	) {}

	/** POSTs `{"event","name","data"}` with the subscription's signature; never rejects (failures are status 0). */
	async send(sub: WebhookSubscription, event: string, data: Record<string, unknown>): Promise<DeliveryResult> {
		const body = envelope(event, sub.name, data);
		const signature = sub.secret ? sign(body, sub.secret) : null;
		sub.last_sent_at = isoNow();
		const at = Date.now();
		const r = await postJson(sub.url, body, signature ? { [SIGNATURE_HEADER]: signature } : {}, this.timeoutMs, this.aborter.signal);
		const result: DeliveryResult = {
			subscriptionId: sub.id,
			url: sub.url,
			event,
			status: r.status,
			responseBody: r.responseBody,
			body,
			signature,
			...(r.error !== undefined ? { error: r.error } : {}),
			at,
		};
		this.deliveries.push(result);
		if (this.deliveries.length > MAX_KEPT_DELIVERIES) this.deliveries.splice(0, this.deliveries.length - MAX_KEPT_DELIVERIES);
		this.log?.(`deliver ${event} -> ${sub.url} ${r.status}${r.error ? ` (${r.error})` : ''}`);
		return result;
	}

	track<T>(p: Promise<T>): Promise<T> {
		this.pending.add(p);
		const forget = (): void => {
			this.pending.delete(p);
		};
		p.then(forget, forget);
		return p;
	}

	/** Runs `work` once the response has been sent (Argyle sends webhooks after answering). */
	afterResponse(res: ServerResponse, work: () => Promise<unknown>): void {
		let started = false;
		const run = (): void => {
			if (started) return;
			started = true;
			// Keep it tracked for idle() even though nobody awaits it; never let it reject unhandled.
			this.track(
				Promise.resolve()
					.then(work)
					.catch((e: unknown) => this.log?.(`after-response work failed: ${String(e)}`)),
			);
		};
		if (res.writableFinished) setImmediate(run);
		else {
			res.once('finish', () => setImmediate(run));
			res.once('close', () => setImmediate(run));
		}
	}

	/** Resolves when everything started so far has settled. */
	async idle(): Promise<void> {
		while (this.pending.size) await Promise.allSettled([...this.pending]);
	}

	/** Aborts deliveries in flight and waits for them. */
	async close(): Promise<void> {
		this.aborter.abort();
		await Promise.allSettled([...this.pending]);
	}
}
