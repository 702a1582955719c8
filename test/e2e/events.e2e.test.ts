/**
 * Every Argyle v2 webhook event in a real n8n (issue 12): one Argyle Trigger subscribed to all of
 * them gets one signed delivery of each from the simulator, and each gives exactly one execution
 * whose item is what was sent; Item IDs and Days Synced reach Argyle in the subscription's config;
 * changing the config re-registers; n8n serves the output schemas at the URLs the editor asks for.
 *
 * Run: npm run build && npx jest --selectProjects e2e -- test/e2e/events.e2e.test.ts
 */
import { toItem } from '../../nodes/ArgyleTrigger/delivery';
import { RESOURCES } from '../../nodes/Argyle/resources';
import { eventsForVersion } from '../../nodes/shared/catalogue';
import { schemaViolations } from '../../scripts/schema/conformance';
import { triggerItemSchema } from '../../scripts/schema/outputSchemas';
import { N8N_VERSION } from './harness/install';
import { TRIGGER_DEFAULT_VERSION, triggerItem, useArgyleE2e } from './support/argyle-e2e';

const V2_EVENTS = eventsForVersion('v2');

describe(`every Argyle v2 event in a real n8n ${N8N_VERSION}`, () => {
	const suite = useArgyleE2e({ activation: 'sync', label: 'events' });
	const { n8n } = suite;

	test(`one trigger subscribed to all ${V2_EVENTS.length} v2 events runs exactly one execution per signed delivery, its item as sent`, async () => {
		const scenario = 'all events';
		const account = suite.sim.addAccount();
		const items = `${account.item}, item_000000042`;
		const workflow = await suite.e2e.createTriggerWorkflow('E2E every event', {
			typeVersion: TRIGGER_DEFAULT_VERSION,
			events: [...V2_EVENTS],
			itemIds: items,
			options: { daysSynced: 60, includeResource: true },
		});
		await suite.e2e.activateOk(workflow);
		const subscription = suite.e2e.onlySubscription(workflow.url);
		suite.e2e.say(scenario, `subscribed: ${subscription.events.length} events, config ${JSON.stringify(subscription.config)}`);
		expect([...subscription.events].sort()).toEqual([...V2_EVENTS].sort());
		expect(subscription.config).toEqual({
			include_resource: true,
			days_synced: 60,
			items: [account.item, 'item_000000042'].sort(),
		});

		const sent: Array<Record<string, unknown>> = [];
		// accounts.removed takes the account out of the simulator's store: it goes last.
		const order = [...V2_EVENTS.filter((event) => event !== 'accounts.removed'), 'accounts.removed'];
		for (const event of order) {
			const results = await suite.sim.fireEvent(event, { account: account.id });
			expect([event, results.map((result) => result.status)]).toEqual([event, [200]]);
			sent.push(toItem(JSON.parse(results[0].body)));
		}
		const executions = await suite.e2e.expectExecutions(workflow.id, V2_EVENTS.length, 120_000);
		const received = executions.map((execution) => {
			expect(execution.status).toBe('success');
			return triggerItem(execution)!;
		});
		const byEvent = (list: Array<Record<string, unknown>>) =>
			[...list].sort((a, b) => String(a.event).localeCompare(String(b.event)));
		expect(byEvent(received)).toEqual(byEvent(sent));
		const schema = triggerItemSchema();
		for (const item of received) expect([item.event, schemaViolations(item, schema)]).toEqual([item.event, []]);
		suite.e2e.say(scenario, `${received.length} executions, each item equal to its delivery and described by the output schema`);
	});

	test('Item IDs and Days Synced are one config; changing it re-registers the subscription, unchanged it is kept', async () => {
		const scenario = 'config';
		const workflow = await suite.e2e.createTriggerWorkflow('E2E config', {
			typeVersion: TRIGGER_DEFAULT_VERSION,
			events: ['items.updated', 'paystubs.partially_synced'],
			itemIds: 'item_000000001',
		});
		await suite.e2e.activateOk(workflow);
		const first = suite.e2e.onlySubscription(workflow.url);
		expect(first.config).toEqual({ days_synced: 30, items: ['item_000000001'] });

		await suite.e2e.saveAndPublish(workflow, {
			typeVersion: TRIGGER_DEFAULT_VERSION,
			events: ['items.updated', 'paystubs.partially_synced'],
			itemIds: 'item_000000002, item_000000001',
			options: { daysSynced: 90 },
		});
		const second = suite.e2e.onlySubscription(workflow.url);
		expect(second.id).not.toBe(first.id);
		expect(second.config).toEqual({ days_synced: 90, items: ['item_000000001', 'item_000000002'] });

		suite.sim.clearCalls();
		const mark = n8n.logMark();
		await n8n.restart();
		// the REST API answers before ActiveWorkflowManager.init() ran the trigger's checkExists (both
		// lines); without this wait, the cleanup's deactivation can race init and leave a subscription
		await n8n.waitForLog('Editor is now accessible', 60_000, mark);
		await suite.sim.idle();
		expect(suite.e2e.onlySubscription(workflow.url).id).toBe(second.id);
		expect(suite.e2e.calls('POST')).toHaveLength(0);
		suite.e2e.say(scenario, `items + days_synced in one subscription; a change re-registered it (${first.id} -> ${second.id}); a restart kept it`);
	});

	test('activation fails with what to enter when the Item IDs are missing, malformed or too many, and leaves no subscription', async () => {
		// n8n 2.x itself refuses to publish a required parameter left empty; 1.x does not check, and the
		// trigger's own check answers
		const missing = await suite.e2e.createTriggerWorkflow('E2E no items', { typeVersion: TRIGGER_DEFAULT_VERSION, events: ['items.removed'], itemIds: '' });
		const result = await n8n.activate(missing.id);
		expect(result.status).toBe(400);
		expect(result.message).toContain(n8n.line.checksParametersOnActivation ? 'Missing or invalid required parameters: itemIds' : 'Item events need the Item IDs to watch');
		const malformed = await suite.e2e.createTriggerWorkflow('E2E bad items', {
			typeVersion: TRIGGER_DEFAULT_VERSION,
			events: ['items.removed'],
			itemIds: 'Walmart',
		});
		expect((await n8n.activate(malformed.id)).message).toContain('Not an Item ID: Walmart');
		const tooMany = await suite.e2e.createTriggerWorkflow('E2E 31 items', {
			typeVersion: TRIGGER_DEFAULT_VERSION,
			events: ['items.removed'],
			itemIds: Array.from({ length: 31 }, (_, index) => `item_${index}`).join(','),
		});
		expect((await n8n.activate(tooMany.id)).message).toContain('at most 30 Items');
		expect(suite.sim.webhooks()).toHaveLength(0);
	});

	test('n8n serves an output schema for the trigger and for every operation of the Argyle node', async () => {
		const paths = [
			'/schemas/n8n-nodes-argyle.argyleTrigger/2.0.0.json',
			'/schemas/n8n-nodes-argyle.argyleTrigger/3.0.0.json',
			...RESOURCES.flatMap((resource) =>
				Object.keys(resource.operations).map((operation) => `/schemas/n8n-nodes-argyle.argyle/1.0.0/${resource.resource}/${operation}.json`),
			),
		];
		for (const path of paths) {
			const answer = await n8n.rest.get<{ type?: string; properties?: object }>(path);
			expect([path, answer.status, answer.body?.type]).toEqual([path, 200, 'object']);
		}
		suite.e2e.say('schemas', `${paths.length} schemas served with HTTP 200`);
	});
});
