/**
 * `npm run dev`: try the package with no Argyle account. Builds the package (npm script),
 * starts the Argyle simulator and a local n8n 2.41.1 with the package loaded, creates a
 * credential for the simulator, imports and activates the example workflows, and prints
 * where to log in and how to fire events. Ctrl-C stops everything.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

import { N8nInstance, OWNER } from '../test/e2e/harness/n8n';
import { isListening } from '../test/e2e/harness/ports';
import { REPO_ROOT } from '../test/e2e/harness/install';
import { eventsForVersion } from '../nodes/shared/catalogue';
import { ArgyleSimulator } from '../simulator';
import { asImportedByTheEditor, simulatorCredentialData } from '../test/e2e/support/argyle-e2e';

const N8N_PORT = Number(process.env.N8N_DEV_PORT ?? 5678);
const SIM_PORT = Number(process.env.ARGYLE_SIM_PORT ?? 5699);

async function main() {
	const simPortFree = !(await isListening(SIM_PORT));
	const simulator = await ArgyleSimulator.start({
		port: simPortFree ? SIM_PORT : 0,
		apiKeyId: 'dev-key-id',
		apiKeySecret: 'dev-key-secret-not-for-production',
		log: (line) => process.stdout.write(`[simulator] ${line}\n`),
	});
	const user = simulator.addUser({ external_id: 'demo-user-1' });
	const accounts = [
		simulator.addAccount({ user: user.id }),
		simulator.addAccount({ user: user.id }),
	];

	const n8n = new N8nInstance({ activation: 'outbox' });
	if (!(await isListening(N8N_PORT)) && !(await isListening(N8N_PORT + 1))) {
		n8n.port = N8N_PORT;
		n8n.brokerPort = N8N_PORT + 1;
		n8n.baseUrl = `http://127.0.0.1:${N8N_PORT}`;
	}
	const shutdown = async () => {
		process.stdout.write('\nStopping n8n and the simulator…\n');
		await n8n.dispose().catch(() => undefined);
		await simulator.stop().catch(() => undefined);
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown());
	process.on('SIGTERM', () => void shutdown());

	await n8n.start();
	const credential = await n8n.createCredential('argyleApi', 'Argyle simulator', simulatorCredentialData(simulator));
	const withCredential = (workflow: { nodes: Array<Record<string, unknown>> }) => {
		for (const node of workflow.nodes) {
			if (String(node.type).startsWith('n8n-nodes-argyle.')) {
				node.credentials = { argyleApi: { id: credential.id, name: credential.name } };
			}
		}
		return workflow;
	};

	const demo = withCredential({
		name: 'Argyle events (demo)',
		nodes: [
			{
				id: 'c5f2a0b4-5e1a-4c41-9d0e-3b7f0b2d9a01',
				name: 'Argyle Trigger',
				type: 'n8n-nodes-argyle.argyleTrigger',
				typeVersion: 3,
				position: [0, 0],
				webhookId: '6f1d8a52-1f4e-4c7b-a3c6-0c1f2e3d4b5a',
				parameters: {
					events: eventsForVersion('v2'),
					itemIds: accounts.map((account) => account.item).join(', '),
					options: { includeResource: true },
				},
			},
			{
				id: 'c5f2a0b4-5e1a-4c41-9d0e-3b7f0b2d9a02',
				name: 'Every event',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [260, 0],
				parameters: {},
			},
		],
		connections: { 'Argyle Trigger': { main: [[{ node: 'Every event', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	} as { nodes: Array<Record<string, unknown>> });

	const workflows = [demo];
	const examplePath = path.join(REPO_ROOT, 'examples', 'delete-failed-accounts.json');
	if (existsSync(examplePath)) {
		workflows.push(withCredential(asImportedByTheEditor(JSON.parse(readFileSync(examplePath, 'utf8')))));
	}
	for (const workflow of workflows) {
		const created = await n8n.createWorkflow(workflow as never);
		await n8n.activate(created.id);
		await n8n.waitPublished(created.id);
	}

	const sim = simulator.baseUrl;
	const fire = (body: object) =>
		`curl -s -X POST ${sim}/_sim/events -H 'content-type: application/json' -d '${JSON.stringify(body)}'`;
	process.stdout.write(
		[
			'',
			'n8n-nodes-argyle is running against the local Argyle simulator.',
			'',
			`  n8n editor:   ${n8n.baseUrl}   (log in as ${OWNER.email} / ${OWNER.password})`,
			`  n8n log:      ${n8n.logFile}`,
			`  n8n version:  ${n8n.version}; workflows: ${workflows.map((w) => `"${(w as never as { name: string }).name}"`).join(', ')} (active)`,
			`  simulator:    ${sim}   (state: ${sim}/_sim/state)`,
			`  accounts:     ${accounts.map((a) => a.id).join(', ')}`,
			'',
			'Fire any Argyle event (the demo workflow subscribes to every v2 event; see Executions in the editor):',
			`  ${fire({ event: 'paystubs.fully_synced', account: accounts[0].id })}`,
			`  ${fire({ event: 'direct_deposit_switches.failed', account: accounts[0].id })}`,
			`  ${fire({ event: 'accounts.failed', account: accounts[1].id, error_code: 'unsupported_auth_type' })}`,
			`  ${fire({ event: 'accounts.failed', error_code: 'invalid_mfa' })}   (seeds a new account)`,
			`  every event name, with the name the trigger shows:  curl -s ${sim}/_sim/events`,
			'',
			'The third one makes the example workflow delete that account; the simulator then sends accounts.removed.',
			`Any event works the same way: {"event": "<name>", "account": "<account id>", "data": {<fields to set>}}.`,
			'Press Ctrl-C to stop.',
			'',
		].join('\n'),
	);
}

main().catch((error: unknown) => {
	process.stderr.write(`npm run dev failed: ${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
