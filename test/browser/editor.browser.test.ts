/**
 * The n8n 2.41.1 editor as a new user meets the package, in a real browser, against the simulator:
 * the node panel, the trigger's parameters, the credential and its test, "Listen for test event", the
 * action node, the Docs links, and the example workflow imported from its file and published twice.
 * Steps run in order on one workflow editor; each saves a screenshot (artifacts/browser/<run>/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { installPaths, REPO_ROOT } from '../e2e/harness/install';
import { waitUntil } from '../e2e/support/argyle-e2e';
import { EVENTS } from '../../nodes/shared/catalogue';
import { ITEMS_EVENTS } from '../../nodes/ArgyleTrigger/settings';
import { CredentialModal } from './support/credential-modal';
import { useEditorSuite } from './support/editor-suite';
import { NodePanel } from './support/node-panel';
import { Ndv } from './support/ndv';
import { WorkflowEditor } from './support/workflow-editor';
import { ARGYLE, expectDocsPage, fireAtSimulator, TRIGGER, TRIGGER_NAME } from './support/package-facts';

const suite = useEditorSuite();
const STEP_TIMEOUT_MS = 120_000;
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'delete-failed-accounts.json');
const ACTION_NODE = 'Get many paystubs';

let editor: WorkflowEditor;
let panel: NodePanel;
let ndv: Ndv;
let credential: CredentialModal;

beforeAll(() => {
	editor = new WorkflowEditor(suite.page, suite.n8n.baseUrl);
	panel = new NodePanel(suite.page);
	ndv = new Ndv(suite.page);
	credential = new CredentialModal(suite.page);
});

suite.step('the packed package is installed like n8n installs it, n8n-workflow comes from n8n', async () => {
	expect(suite.installed.files).toEqual(expect.arrayContaining(['package.json', 'dist/nodes/Argyle/Argyle.node.js', 'dist/nodes/ArgyleTrigger/ArgyleTrigger.node.js']));
	expect(suite.installed.files.some((file) => /^(nodes|credentials|test|simulator)\//.test(file))).toBe(false);
	expect(fs.existsSync(path.join(suite.installed.dir, 'node_modules', 'n8n-workflow'))).toBe(false);
	expect(suite.n8nWorkflow.path.startsWith(installPaths().n8nDir + path.sep)).toBe(true);
	console.log(`[browser] ${suite.installed.name}@${suite.installed.version} from ${path.basename(suite.installed.tarball)}; n8n-workflow ${suite.n8nWorkflow.version} from ${suite.n8nWorkflow.path}`);
	await editor.openNew();
});

suite.step('node panel: "Argyle" finds one card for both nodes, described as both', async () => {
	await panel.openForFirstStep();
	await panel.search('Argyle');
	expect(await panel.cardNames()).toEqual(['Argyle']);
	// problem 5: n8n shows the trigger's description on the merged card, also when adding an action
	const description = await panel.cardDescription('Argyle');
	expect(description).toBe(TRIGGER.description);
	expect(description).toMatch(/webhook events.*payroll data.*manages accounts/);
	await suite.artifacts.readmeImage(panel.root, 'node-panel', 260);

	const details = await panel.openCard('Argyle', 'Get many paystubs');
	expect(details.sections).toEqual([`Triggers (${TRIGGER.eventCount})`, `Actions (${ARGYLE.operationCount})`]);
	expect(details.entries).toEqual(expect.arrayContaining(['On Account: Failed', 'On Paystubs: Fully Synced', 'On User Upload: OCR Authenticity', 'Get many paystubs', 'Delete an account']));
	await panel.root.getByText(TRIGGER.description, { exact: true }).waitFor();
});

suite.step('trigger: events chosen by typing; only the options that apply are offered', async () => {
	await panel.addEntry('On Account: Failed');
	expect(await ndv.chosen('events')).toEqual(['Account: Failed']);
	expect(await ndv.visibleParameters()).toEqual(['apiVersion', 'events']);
	expect(await ndv.addableOptions()).toEqual(['Account: Failed Error Codes', 'Include Resource', 'Subscription Name']);

	expect(await ndv.addByTyping('events', 'fully synced', 'Paystubs: Fully Synced')).toEqual(['Gigs: Fully Synced', 'Paystubs: Fully Synced', 'Shifts: Fully Synced', 'User: Fully Synced']);
	expect(await ndv.addByTyping('events', 'deposit switch', 'Direct Deposit Switch: Failed')).toEqual(['Direct Deposit Switch: Completed', 'Direct Deposit Switch: Failed']);
	expect(await ndv.addableOptions()).toEqual(['Account: Failed Error Codes', 'Direct Deposit Switch: Failed Error Codes', 'Include Resource', 'Subscription Name']);
	await ndv.addByTyping('events', 'partially synced', 'Paystubs: Partially Synced');
	expect(await ndv.addableOptions()).toContain('Days Synced');
	await ndv.addOption('Days Synced');
	await ndv.input('daysSynced').waitFor();

	// Item IDs appear only with an Item event, and go again with it
	const itemEvent = EVENTS[ITEMS_EVENTS[0] as keyof typeof EVENTS].displayName;
	await ndv.addByTyping('events', itemEvent, itemEvent);
	await ndv.input('itemIds').waitFor();
	await ndv.removeChosen('events', itemEvent);
	await ndv.input('itemIds').waitFor({ state: 'detached' });
	expect(await ndv.chosen('events')).toEqual(['Account: Failed', 'Paystubs: Fully Synced', 'Direct Deposit Switch: Failed', 'Paystubs: Partially Synced']);
}, STEP_TIMEOUT_MS);

suite.step('trigger: switching API Version to V1 and back keeps the chosen events', async () => {
	const chosen = await ndv.chosen('events');
	await ndv.choose('apiVersion', 'V1 (Legacy)');
	expect(await ndv.shownOption('apiVersion')).toBe('V1 (Legacy)');
	expect(await ndv.chosen('events')).toEqual(chosen);
	await ndv.choose('apiVersion', 'V2');
	expect(await ndv.shownOption('apiVersion')).toBe('V2');
	expect(await ndv.chosen('events')).toEqual(chosen);
	await suite.artifacts.readmeImage(ndv.root, 'trigger-parameters');
});

suite.step('credential: the simulator passes the test; a wrong secret and an unreachable Base URL get the package\'s messages', async () => {
	const { sim } = suite;
	await credential.openNew(ndv.root);
	await credential.fill({ environment: 'Custom', baseUrl: sim.baseUrl, apiKeyId: sim.apiKeyId, apiKeySecret: sim.apiKeySecret });
	expect(await credential.saveAndTest()).toEqual({ status: 'OK', message: 'Connection successful' });
	expect(await credential.waitForSuccess()).toBe('closed');
	await ndv.root.getByTestId('credential-edit-button').waitFor();

	expect((await credential.openChosen(ndv.root)).status).toBe('OK');
	await credential.fill({ apiKeySecret: 'not-the-secret' });
	expect((await credential.saveAndTest()).message).toMatch(/^Argyle rejected the API key \(401/);
	await credential.shownError(/^Argyle rejected the API key \(401/);

	await credential.fill({ baseUrl: 'http://127.0.0.1:9' });
	expect((await credential.saveAndTest()).message).toMatch(/^Could not reach Argyle at http:\/\/127\.0\.0\.1:9: the connection was refused/);
	await credential.shownError(/^Could not reach Argyle at http:\/\/127\.0\.0\.1:9/);

	await credential.fill({ baseUrl: sim.baseUrl, apiKeySecret: sim.apiKeySecret });
	expect((await credential.saveAndTest()).status).toBe('OK');
	expect(await credential.waitForSuccess()).toBe('banner');
	await credential.close();
}, STEP_TIMEOUT_MS);

suite.step('canvas: the trigger\'s subtitle names the chosen events', async () => {
	await ndv.close();
	expect(await editor.nodeLines(TRIGGER_NAME)).toEqual(expect.arrayContaining([TRIGGER_NAME, 'Account: Failed + 3 more']));
});

suite.step('Listen for test event: an event fired at the simulator shows in the output panel', async () => {
	await editor.openNode(TRIGGER_NAME);
	await ndv.listenForTestEvent();
	await waitUntil(() => suite.sim.webhooks('v2').some((subscription) => subscription.url.includes('/webhook-test/')), 'the test subscription at the simulator');
	const delivery = await fireAtSimulator(suite.sim.baseUrl, { event: 'direct_deposit_switches.failed' });
	expect(delivery.results.map((result) => result.status)).toEqual([200]);
	const output = await ndv.waitForOutput('direct_deposit_switches.failed');
	await output.getByText('1 item').first().waitFor();
	await output.getByText(delivery.account).first().waitFor();
	await suite.artifacts.readmeImage(ndv.root, 'test-event-output');
}, STEP_TIMEOUT_MS);

suite.step('Argyle node: added after the trigger from the same card; its subtitle reads in words', async () => {
	await ndv.close();
	await panel.openAfter(editor.node(TRIGGER_NAME));
	await panel.search('Argyle');
	expect(await panel.cardDescription('Argyle')).toBe(TRIGGER.description);
	const details = await panel.openCard('Argyle', 'On Account: Failed');
	expect(details.sections[0]).toBe(`Actions (${ARGYLE.operationCount})`);
	await panel.addEntry(ACTION_NODE);
	expect([await ndv.shownOption('resource'), await ndv.shownOption('operation')]).toEqual(['Paystub', 'Get Many']);
	await ndv.close();
	expect(await editor.nodeLines(ACTION_NODE)).toEqual(expect.arrayContaining([ACTION_NODE, 'Get Many Paystubs']));
});

suite.step('Docs: both nodes and the credential open the package\'s docs pages, with no # anchor', async () => {
	const triggerPanel = await editor.openNode(TRIGGER_NAME);
	expectDocsPage(await triggerPanel.openedDocsUrl(), TRIGGER.docsUrl);
	await credential.openChosen(ndv.root);
	expectDocsPage(await credential.openedDocsUrl(), TRIGGER.credentialDocsUrl);
	await credential.close();
	await ndv.close();
	const actionPanel = await editor.openNode(ACTION_NODE);
	expectDocsPage(await actionPanel.openedDocsUrl(), ARGYLE.docsUrl);
	await ndv.close();
});

suite.step('example: imported from its file twice, each published with a fresh webhook id, runs on accounts.failed', async () => {
	const file = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as { nodes: Array<{ type: string; name: string; webhookId?: string }> };
	const trigger = file.nodes.find((node) => node.type === 'n8n-nodes-argyle.argyleTrigger')!;
	expect(trigger.webhookId).toBeUndefined();
	const argyleNodes = file.nodes.filter((node) => node.type.startsWith('n8n-nodes-argyle.')).map((node) => node.name);

	const webhookIds: string[] = [];
	for (let copy = 1; copy <= 2; copy++) {
		await editor.openNew();
		await editor.importFromFile(EXAMPLE, trigger.name);
		for (const name of argyleNodes) {
			await (await editor.openNode(name)).chooseCredential('Argyle account');
			await ndv.close();
		}
		if (copy === 1) await suite.artifacts.readmeImage(suite.page.getByTestId('canvas-wrapper'), 'example-workflow');
		await editor.save();
		const published = await editor.publish();
		expect({ copy, status: published.status, body: published.body }).toEqual(expect.objectContaining({ copy, status: 200 }));
		const saved = await suite.n8n.getWorkflow(await editor.workflowId());
		webhookIds.push(saved.nodes.find((node) => node.name === trigger.name)!.webhookId!);
	}
	expect(new Set(webhookIds).size).toBe(2);
	for (const id of webhookIds) expect(suite.sim.webhooks('v2').filter((subscription) => subscription.url.includes(id))).toHaveLength(1);

	const account = suite.sim.addAccount();
	const delivery = await fireAtSimulator(suite.sim.baseUrl, { event: 'accounts.failed', account: account.id, error_code: 'unsupported_auth_type' });
	expect(delivery.results.map((result) => result.status)).toEqual([200, 200]);
	const listed = await editor.executions(1);
	expect(listed[0]).toMatch(/Succeeded/);
	await waitUntil(() => suite.sim.account(account.id) === undefined, 'the example workflow to delete the failed account');
}, STEP_TIMEOUT_MS);
