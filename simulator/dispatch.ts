// Which subscriptions get an event, and what each receives: `data`, plus `data.resource` (the
// account, or the verification) for events that take include_resource when the subscription lists
// the event explicitly with it.
import { subscriptionMatch } from './delivery';
import { resourceFor, supportsResource } from './events';
import type { Outbox } from './outbox';
import type { Store } from './store';
import type { DeliverOptions, DeliveryResult, WebhookSubscription } from './types';

function payloadFor(store: Store, sub: WebhookSubscription, event: string, data: Record<string, unknown>): Record<string, unknown> {
	const payload: Record<string, unknown> = { ...data };
	const { explicit } = subscriptionMatch(sub, event, data);
	if (explicit && sub.config.include_resource === true && supportsResource(event) && !('resource' in data)) {
		const resource = resourceFor(store, event, data);
		if (resource) payload.resource = resource;
	}
	return payload;
}

export function deliverEvent(
	store: Store,
	outbox: Outbox,
	event: string,
	data: Record<string, unknown>,
	opts: DeliverOptions = {},
): Promise<DeliveryResult[]> {
	const subs = [...store.webhooks.v2.values(), ...store.webhooks.v1.values()].filter(
		(s) => (!opts.only || s.id === opts.only) && subscriptionMatch(s, event, data).matches,
	);
	return outbox.track(Promise.all(subs.map((s) => outbox.send(s, event, payloadFor(store, s, event, data)))));
}
