/**
 * The workflows of the ingestion bench, all ending in No Operation:
 *   A  Argyle Trigger (typeVersion 2, custom-environment credential on the simulator, events
 *      accounts.failed + accounts.updated selected: signature verified, events filtered)
 *   A0 the baseline's minimal signature-verifying community trigger (bench/fixtures/minimal-trigger,
 *      typeVersion 2, fixed secret, no credential): what "our features cost nothing" is measured against
 *   A0c (opt-in: --workflows A,A0,A0c,...) A0 with the Argyle credential declared and attached but never
 *      read: A0c - A0 is what n8n spends per request on a start node that has a credential
 *   B  the do-it-yourself chain of the baseline (Webhook raw body -> Code HMAC-SHA512 -> Switch on
 *      event), /work/shared/n8n-webhook-baseline/wf-B-diy-chain.json with its second Switch rule
 *      routing accounts.updated instead of accounts.connected, so that both bench bodies reach No Operation
 *   C  the baseline's bare Webhook node (wf-C-bare-webhook.json), unchanged
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { WorkflowInput, WorkflowNode } from '../../test/e2e/harness/n8n';

export type WorkflowKey = 'A' | 'A0' | 'A0c' | 'B' | 'C';
export const ALL_WORKFLOWS: WorkflowKey[] = ['A', 'A0', 'B', 'C'];

export const BASELINE_DIR = process.env.ARGYLE_BENCH_BASELINE_DIR ?? '/work/shared/n8n-webhook-baseline';
export const MINIMAL_PACKAGE_DIR = path.resolve(__dirname, '..', 'fixtures', 'minimal-trigger');
/** the Code node's secret in wf-B-diy-chain.json, also used by A0 */
export const DIY_SECRET = 'diy-bench-secret-0123456789abcdef';
export const SELECTED_EVENTS = ['accounts.failed', 'accounts.updated'];

export const WEBHOOK_IDS: Record<WorkflowKey, string> = {
	A: 'a2a2a2a2-0000-4000-8000-0000000000a2',
	A0: 'a0a0a0a0-0000-4000-8000-0000000000a0',
	A0c: 'a0c0a0c0-0000-4000-8000-0000000000c0',
	B: 'b1b1b1b1-0000-4000-8000-0000000000b1',
	C: 'c1c1c1c1-0000-4000-8000-0000000000c1',
};

export const DESCRIPTIONS: Record<WorkflowKey, string> = {
	A: 'Argyle Trigger v2 (credential, signature, event filter) -> No Operation',
	A0: 'minimal signature-verifying trigger v2 (baseline) -> No Operation',
	A0c: 'the minimal trigger with an (unread) credential attached -> No Operation',
	B: 'Webhook (raw body) -> Code (HMAC-SHA512) -> Switch -> No Operation',
	C: 'bare Webhook -> No Operation',
};

const noOp = (id: string): WorkflowNode => ({
	id,
	name: 'No Operation',
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [220, 0],
	parameters: {},
});

const toNoOp = (from: string) => ({ [from]: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] } });

export function workflowA(credential: { id: string; name: string }, nodeId = 'a2000000-0000-4000-8000-00000000a201'): WorkflowInput {
	return {
		name: 'Bench A: Argyle Trigger',
		nodes: [
			{
				id: nodeId,
				name: 'Argyle Trigger',
				type: 'n8n-nodes-argyle.argyleTrigger',
				typeVersion: 2,
				position: [0, 0],
				webhookId: WEBHOOK_IDS.A,
				parameters: { apiVersion: 'v2', events: [...SELECTED_EVENTS], options: {} },
				credentials: { argyleApi: { id: credential.id, name: credential.name } },
			},
			noOp('a2000000-0000-4000-8000-00000000a202'),
		],
		connections: toNoOp('Argyle Trigger'),
		settings: { executionOrder: 'v1' },
	};
}

export function workflowA0(): WorkflowInput {
	return {
		name: 'Bench A0: minimal signature-verifying trigger',
		nodes: [
			{
				id: 'a0000000-0000-4000-8000-00000000a0a1',
				name: 'Minimal Sig Trigger',
				type: 'n8n-nodes-argyle-bench-minimal.minimalSigTrigger',
				typeVersion: 2,
				position: [0, 0],
				webhookId: WEBHOOK_IDS.A0,
				parameters: {},
			},
			noOp('a0000000-0000-4000-8000-00000000a0a2'),
		],
		connections: toNoOp('Minimal Sig Trigger'),
		settings: { executionOrder: 'v1' },
	};
}

export function workflowA0c(credential: { id: string; name: string }): WorkflowInput {
	return {
		name: 'Bench A0c: minimal trigger with a credential',
		nodes: [
			{
				id: 'a0c00000-0000-4000-8000-00000000a0c1',
				name: 'Minimal Sig Trigger With Credential',
				type: 'n8n-nodes-argyle-bench-minimal.minimalSigTriggerWithCredential',
				typeVersion: 2,
				position: [0, 0],
				webhookId: WEBHOOK_IDS.A0c,
				parameters: {},
				credentials: { argyleApi: { id: credential.id, name: credential.name } },
			},
			noOp('a0c00000-0000-4000-8000-00000000a0c2'),
		],
		connections: toNoOp('Minimal Sig Trigger With Credential'),
		settings: { executionOrder: 'v1' },
	};
}

function readBaseline(file: string): WorkflowInput {
	return JSON.parse(fs.readFileSync(path.join(BASELINE_DIR, file), 'utf8')) as WorkflowInput;
}

interface SwitchRule {
	conditions: { conditions: Array<{ rightValue: string }> };
	outputKey: string;
}

export function workflowB(): WorkflowInput {
	const workflow = readBaseline('wf-B-diy-chain.json');
	const code = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.code');
	if (!code || !String(code.parameters.jsCode).includes(DIY_SECRET)) {
		throw new Error(`wf-B-diy-chain.json: expected a Code node with the secret ${DIY_SECRET}`);
	}
	const switchNode = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.switch');
	const rules = (switchNode?.parameters.rules as { values?: SwitchRule[] } | undefined)?.values;
	if (!rules || rules.length < 2) throw new Error('wf-B-diy-chain.json: expected a Switch with two rules');
	rules[1].conditions.conditions[0].rightValue = 'accounts.updated';
	rules[1].outputKey = 'accounts.updated';
	workflow.name = 'Bench B: Webhook + Code HMAC + Switch';
	return workflow;
}

export function workflowC(): WorkflowInput {
	const workflow = readBaseline('wf-C-bare-webhook.json');
	workflow.name = 'Bench C: bare Webhook';
	return workflow;
}

/** The production URL of each workflow on an n8n with this base URL. */
export function webhookUrl(baseUrl: string, key: WorkflowKey): string {
	switch (key) {
		case 'A':
		case 'A0':
		case 'A0c':
			return `${baseUrl}/webhook/${WEBHOOK_IDS[key]}/webhook`;
		case 'B':
			return `${baseUrl}/webhook/diy-bench-b`;
		case 'C':
			return `${baseUrl}/webhook/diy-bench-c`;
	}
}
