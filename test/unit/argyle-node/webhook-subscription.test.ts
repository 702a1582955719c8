import { argyleApi, runArgyle, runArgyleExpectingError, useNock } from './harness';
import { subscription } from './fixtures';

useNock();

describe('Webhook Subscription: Get Many', () => {
	it('says whether a subscription has a signing secret without showing it', async () => {
		argyleApi()
			.get('/v2/webhooks')
			.query({ limit: '50' })
			.reply(200, { next: null, results: [subscription('w-1', { secret: null }), subscription('w-2', { secret: '' })] });
		const { output } = await runArgyle({ resource: 'webhookSubscription', operation: 'getAll' });
		expect(output.map((item) => [item.json.id, item.json.has_secret, 'secret' in item.json])).toEqual([
			['w-1', false, false],
			['w-2', false, false],
		]);
	});

	it('Return All follows next over three pages and outputs subscriptions without their secrets, without logging', async () => {
		const pages = [
			[subscription('w-1'), subscription('w-2')],
			[subscription('w-3')],
			[subscription('w-4', { events: '*', config: null })],
		];
		argyleApi()
			.get('/v2/webhooks')
			.query({ limit: '200' })
			.reply(200, {
				next: 'https://api.argyle.com/v2/webhooks?limit=200&cursor=bb',
				previous: null,
				results: pages[0],
			});
		argyleApi()
			.get('/v2/webhooks')
			.query({ limit: '200', cursor: 'bb' })
			.reply(200, { next: 'https://api.argyle.com/v2/webhooks?limit=200&cursor=cc', results: pages[1] });
		argyleApi()
			.get('/v2/webhooks')
			.query({ limit: '200', cursor: 'cc' })
			.reply(200, { next: null, results: pages[2] });

		const { output, ctx } = await runArgyle({
			resource: 'webhookSubscription',
			operation: 'getAll',
			returnAll: true,
		});

		expect(output).toEqual(
			pages.flat().map(({ secret, ...json }) => ({ json: { ...json, has_secret: true }, pairedItem: { item: 0 } })),
		);
		// Execution data is stored unencrypted: signing secrets never reach it, nor the log.
		expect(JSON.stringify(output)).not.toContain('whsec-');
		expect(ctx.logs).toEqual([]);
	});

	it('Limit stops after enough subscriptions', async () => {
		argyleApi()
			.get('/v2/webhooks')
			.query({ limit: '2' })
			.reply(200, {
				next: 'https://api.argyle.com/v2/webhooks?limit=2&cursor=bb',
				results: [subscription('w-1'), subscription('w-2')],
			});

		const { output } = await runArgyle({ resource: 'webhookSubscription', operation: 'getAll', limit: 2 });

		expect(output.map((item) => item.json.id)).toEqual(['w-1', 'w-2']);
	});

	it('fails clearly when the list is not an Argyle page', async () => {
		argyleApi().get('/v2/webhooks').query({ limit: '50' }).reply(200, { data: [] });

		const error = await runArgyleExpectingError({
			resource: 'webhookSubscription',
			operation: 'getAll',
			limit: 50,
		});

		expect(error.message).toBe(
			'Argyle returned an unexpected answer while trying to list webhook subscriptions',
		);
	});
});

describe('Webhook Subscription: Delete', () => {
	it('deletes the subscription', async () => {
		argyleApi().delete('/v2/webhooks/w-1').reply(204);

		const { output } = await runArgyle({
			resource: 'webhookSubscription',
			operation: 'delete',
			webhookSubscriptionId: 'w-1',
		});

		expect(output).toEqual([{ json: { id: 'w-1', deleted: true }, pairedItem: { item: 0 } }]);
	});

	it('with Ignore Already Deleted, 404 and 410 mean already gone', async () => {
		argyleApi().delete('/v2/webhooks/w-1').reply(404, { detail: 'Not found.' });
		argyleApi().delete('/v2/webhooks/w-2').reply(410);
		const items = [{ json: { id: 'w-1' } }, { json: { id: 'w-2' } }];

		const { output } = await runArgyle(
			{
				resource: 'webhookSubscription',
				operation: 'delete',
				webhookSubscriptionId: (itemIndex: number) => items[itemIndex].json.id,
				options: { ignoreAlreadyDeleted: true },
			},
			{ items },
		);

		expect(output).toEqual([
			{ json: { id: 'w-1', deleted: false, alreadyDeleted: true }, pairedItem: { item: 0 } },
			{ json: { id: 'w-2', deleted: false, alreadyDeleted: true }, pairedItem: { item: 1 } },
		]);
	});

	it('without the option, 404 is an error naming the subscription', async () => {
		argyleApi().delete('/v2/webhooks/w-9').reply(404);

		const error = await runArgyleExpectingError({
			resource: 'webhookSubscription',
			operation: 'delete',
			webhookSubscriptionId: 'w-9',
		});

		expect(error.message).toBe(
			'Argyle found nothing (404) while trying to delete webhook subscription w-9',
		);
		expect(error.description).toContain('Ignore Already Deleted');
	});
});
