/**
 * Item 5: Argyle API calls per lifecycle step, from the simulator's call log. The lifecycle
 * workflows use a simulator of their own, so that every call in its log is theirs.
 *
 * The steps are spread over the run: activation, deliveries and an event change right after the
 * first boot (outbox); then every restart the other sections make, with the workflow active; at the
 * end a restart in sync mode, a second workflow activated in sync mode, and both deactivated.
 */
import type { ActivationMode, WorkflowData } from '../../test/e2e/harness/n8n';
import { callsDuring, summariseCalls, type CallSummary } from '../lib/calls';
import type { LiveBench, RestartRecord } from '../lib/context';
import { createSimulatorCredential } from '../lib/n8n-bench';
import { workflowA } from '../lib/workflows';

export interface LifecycleStep {
	step: string;
	mode: ActivationMode;
	/** calls at the lifecycle workflow's own simulator (nothing else uses it) */
	calls: CallSummary;
	/** what the ingestion workflow A's simulator saw in the same step, where it applies */
	ingestWorkflowCalls?: CallSummary;
	note?: string;
}

/** The lifecycle's second half, run once the other sections are done. */
export interface LifecycleEnd {
	finish(): Promise<void>;
}

const CREDENTIAL_NAME = 'Argyle simulator (bench lifecycle)';

async function createLifecycleWorkflow(live: LiveBench): Promise<WorkflowData> {
	const credential = await createSimulatorCredential(live.ctx.n8n, live.lifecycleSim, CREDENTIAL_NAME);
	const json = workflowA(credential, 'd1000000-0000-4000-8000-0000000000d1');
	json.name = 'Bench lifecycle: Argyle Trigger';
	json.nodes[0].webhookId = 'e1e1e1e1-0000-4000-8000-0000000000e1';
	(json.nodes[0].parameters as { events: string[] }).events = ['accounts.failed'];
	return await live.ctx.n8n.createWorkflow(json);
}

async function firstActivation(live: LiveBench, workflow: WorkflowData): Promise<LifecycleStep> {
	const n8n = live.ctx.n8n;
	const { value, calls } = await callsDuring(live.lifecycleSim, async () => {
		const activation = await n8n.activate(workflow.id);
		const published = await n8n.waitPublished(workflow.id);
		return `activate HTTP ${activation.status}, publication ${published.status}`;
	});
	return { step: 'first activation', mode: 'outbox', calls: summariseCalls(calls), note: value };
}

async function deliveries(live: LiveBench, workflow: WorkflowData): Promise<LifecycleStep> {
	const sim = live.lifecycleSim;
	const account = sim.addAccount();
	const { calls } = await callsDuring(
		sim,
		async () => {
			for (let i = 0; i < 3; i++) await sim.fireAccountEvent('accounts.failed', account.id);
			await live.ctx.n8n.waitForExecutions(workflow.id, 3, 30_000);
		},
		1_000,
	);
	const statuses = sim.deliveries.slice(-3).map((delivery) => delivery.status).join(',');
	return { step: 'per delivery (3 signed deliveries from the simulator)', mode: 'outbox', calls: summariseCalls(calls), note: `delivery answers ${statuses}` };
}

async function eventChange(live: LiveBench, workflow: WorkflowData): Promise<LifecycleStep> {
	const n8n = live.ctx.n8n;
	const { value, calls } = await callsDuring(live.lifecycleSim, async () => {
		const current = await n8n.getWorkflow(workflow.id);
		const nodes = current.nodes.map((node) =>
			node.type === 'n8n-nodes-argyle.argyleTrigger' ? { ...node, parameters: { ...node.parameters, events: ['accounts.failed', 'accounts.connected'] } } : node,
		);
		const saved = await n8n.updateWorkflow(workflow.id, { name: current.name, nodes, connections: current.connections });
		const republish = await n8n.activate(workflow.id, { versionId: saved.versionId });
		await n8n.waitPublished(workflow.id);
		return republish.status;
	});
	const events = live.lifecycleSim.webhooks('v2').map((subscription) => subscription.events.join('+'));
	return { step: 'event change (save + publish)', mode: 'outbox', calls: summariseCalls(calls), note: `publish HTTP ${value}; subscriptions now: ${events.join(', ')}` };
}

function restartStep(restart: RestartRecord): LifecycleStep {
	return {
		step: `restart with the workflow active (${restart.activation})`,
		mode: restart.activation,
		calls: summariseCalls(restart.lifecycleCalls),
		ingestWorkflowCalls: summariseCalls(restart.ingestCalls),
		note: restart.label,
	};
}

/** In sync mode, after the sync restart: a second workflow's first activation, then both deactivated. */
async function syncSteps(live: LiveBench, first: WorkflowData): Promise<LifecycleStep[]> {
	const { n8n } = live.ctx;
	const credentialId = (first.nodes[0].credentials as Record<string, { id: string }>).argyleApi.id;
	const json = workflowA({ id: credentialId, name: CREDENTIAL_NAME }, 'd2000000-0000-4000-8000-0000000000d2');
	json.name = 'Bench lifecycle 2: Argyle Trigger';
	json.nodes[0].webhookId = 'e2e2e2e2-0000-4000-8000-0000000000e2';
	const second = await n8n.createWorkflow(json);
	const activation = await callsDuring(live.lifecycleSim, () => n8n.activate(second.id), 1_000);
	const steps: LifecycleStep[] = [{ step: 'first activation', mode: 'sync', calls: summariseCalls(activation.calls), note: `activate HTTP ${activation.value.status}` }];
	for (const [label, id] of [
		['deactivation', first.id],
		['deactivation (the workflow activated in sync mode)', second.id],
	] as const) {
		const deactivation = await callsDuring(live.lifecycleSim, () => n8n.deactivate(id), 1_000);
		steps.push({ step: label, mode: 'sync', calls: summariseCalls(deactivation.calls), note: `deactivate HTTP ${deactivation.value.status}` });
	}
	steps.push({ step: 'left at Argyle after both deactivations', mode: 'sync', calls: summariseCalls([]), note: `${live.lifecycleSim.webhooks().length} subscription(s)` });
	return steps;
}

export async function startLifecycle(live: LiveBench): Promise<LifecycleEnd> {
	if (!live.config.lifecycle) return { finish: async () => undefined };
	const workflow = await createLifecycleWorkflow(live);
	const outbox = [await firstActivation(live, workflow), await deliveries(live, workflow), await eventChange(live, workflow)];
	return {
		finish: async () => {
			await live.restart('defaults, sync activation (lifecycle)', 'defaults', { activation: 'sync' });
			const restarts = live.restarts.map(restartStep);
			const ingestActivation: LifecycleStep[] = live.ingestActivationCalls
				? [{ step: 'first activation (ingestion workflow A)', mode: 'outbox', calls: summariseCalls(live.ingestActivationCalls) }]
				: [];
			live.results.lifecycle = [...outbox, ...ingestActivation, ...restarts, ...(await syncSteps(live, workflow))];
		},
	};
}
