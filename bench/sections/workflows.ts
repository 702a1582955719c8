/**
 * The ingestion workflows, created and published once on the first boot (n8n keeps them active
 * across restarts), and every body signed with each workflow's secret.
 */
import type { WorkflowInput } from '../../test/e2e/harness/n8n';
import { callsDuring } from '../lib/calls';
import type { BenchWorkflow, DeliveryKey, LiveBench } from '../lib/context';
import { DIY_SECRET, webhookUrl, workflowA, workflowA0, workflowA0c, workflowB, workflowC, type WorkflowKey } from '../lib/workflows';

const CREATION_ORDER: WorkflowKey[] = ['A', 'A0', 'A0c', 'B', 'C'];

/** A always (the profile measures it); the patched section compares A with A0 and C. */
function wantedWorkflows(live: LiveBench): Set<WorkflowKey> {
	const wanted = new Set<WorkflowKey>([...live.config.workflows, 'A']);
	if (live.config.patched) {
		wanted.add('A0');
		wanted.add('C');
	}
	return wanted;
}

async function activate(live: LiveBench, key: WorkflowKey, definition: WorkflowInput): Promise<BenchWorkflow> {
	const { n8n } = live.ctx;
	const saved = await n8n.createWorkflow(definition);
	const activated = await n8n.activate(saved.id);
	if (activated.status !== 200) throw new Error(`activating ${key} failed: ${activated.status} ${JSON.stringify(activated.body)}`);
	const published = await n8n.waitPublished(saved.id);
	if (published.status !== 'published') throw new Error(`${key} not published: ${JSON.stringify(published)}`);
	return { key, id: saved.id, url: webhookUrl(n8n.baseUrl, key), signatures: { small: '', large: '', xl: '' }, expectedExecutions: 0 };
}

/** A's secret is derived by the trigger and registered at Argyle: the simulator holds it. */
function subscriptionOfA(live: LiveBench): { id: string; events: string[]; secret: string } {
	const url = live.ctx.workflows.A!.url;
	const subscription = live.ctx.sim.webhooks('v2').find((candidate) => candidate.url === url);
	if (!subscription?.secret) throw new Error(`the simulator holds no subscription with a secret for ${url}`);
	return { id: subscription.id, events: subscription.events, secret: subscription.secret };
}

export async function activateWorkflows(live: LiveBench): Promise<void> {
	const { ctx, credential } = live;
	const definitions: Record<WorkflowKey, () => WorkflowInput> = {
		A: () => workflowA(credential),
		A0: workflowA0,
		A0c: () => workflowA0c(credential),
		B: workflowB,
		C: workflowC,
	};
	const wanted = wantedWorkflows(live);
	const { calls } = await callsDuring(
		ctx.sim,
		async () => {
			for (const key of CREATION_ORDER) if (wanted.has(key)) ctx.workflows[key] = await activate(live, key, definitions[key]());
		},
		1_000,
	);
	live.ingestActivationCalls = calls;
	const subscription = subscriptionOfA(live);
	for (const workflow of Object.values(ctx.workflows)) {
		const secret = workflow!.key === 'A' ? subscription.secret : DIY_SECRET;
		for (const body of Object.keys(ctx.bodies) as DeliveryKey[]) workflow!.signatures[body] = ctx.sim.sign(ctx.bodies[body], secret);
	}
	ctx.log(`workflows active: ${Object.keys(ctx.workflows).join(', ')}; A's subscription ${subscription.id} (events ${subscription.events.join(', ')})`);
}
