/**
 * What the editor should show, taken from the package itself (its node descriptions and codex files)
 * rather than copied into the tests, and the simulator's control call that fires an event.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { REPO_ROOT } from '../../e2e/harness/install';
import { httpRequest } from '../../e2e/harness/http';
import { Argyle } from '../../../nodes/Argyle/Argyle.node';
import { ArgyleTrigger } from '../../../nodes/ArgyleTrigger/ArgyleTrigger.node';
import { ArgyleApi } from '../../../credentials/ArgyleApi.credentials';
import type { DeliveryResult } from '../../../simulator';

export const TRIGGER_NAME = 'Argyle Trigger';

function primaryDocsUrl(codexFile: string): string {
	const codex = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, codexFile), 'utf8')) as {
		resources: { primaryDocumentation: Array<{ url: string }> };
	};
	return codex.resources.primaryDocumentation[0].url;
}

function property(description: INodeTypeDescription, name: string): INodeProperties {
	const found = description.properties.find((candidate) => candidate.name === name);
	if (!found) throw new Error(`${description.name} has no parameter ${name}`);
	return found;
}

/** n8n's node panel lists one action per operation of each resource (editor-ui generateNodeActions). */
function operationCount(description: INodeTypeDescription): number {
	const resources = (property(description, 'resource').options ?? []) as Array<{ value: string }>;
	return resources.reduce((count, resource) => {
		const operations = description.properties.find(
			(candidate) => candidate.name === 'operation' && (candidate.displayOptions?.show?.resource as string[] | undefined)?.includes(resource.value),
		);
		return count + (operations?.options?.length ?? 0);
	}, 0);
}

const triggerDescription = new ArgyleTrigger().description;
const argyleDescription = new Argyle().description;

export const TRIGGER = {
	description: triggerDescription.description,
	/** one "On …" entry per event option */
	eventCount: property(triggerDescription, 'events').options?.length ?? 0,
	docsUrl: primaryDocsUrl('nodes/ArgyleTrigger/ArgyleTrigger.node.json'),
	credentialDocsUrl: new ArgyleApi().documentationUrl,
};

export const ARGYLE = {
	description: argyleDescription.description,
	operationCount: operationCount(argyleDescription),
	docsUrl: primaryDocsUrl('nodes/Argyle/Argyle.node.json'),
};

/**
 * The URL opened must be the package's page, with at most n8n's tracking parameters after it, and no
 * `#` anchor: n8n appends "?utm_…" after the whole URL, which would land inside an anchor.
 */
export function expectDocsPage(opened: string, documented: string): void {
	const url = new URL(opened);
	expect(`${url.origin}${url.pathname}`).toBe(documented);
	expect(url.hash).toBe('');
	expect([...url.searchParams.keys()].every((key) => key.startsWith('utm_'))).toBe(true);
}

export interface SimulatorDelivery {
	event: string;
	account: string;
	user: string;
	results: DeliveryResult[];
}

/** POST /_sim/events: what `npm run dev` tells a user to run to fire an event. */
export async function fireAtSimulator(simulatorUrl: string, body: Record<string, unknown>): Promise<SimulatorDelivery> {
	const result = await httpRequest<SimulatorDelivery>('POST', `${simulatorUrl}/_sim/events`, { body });
	if (!result.ok) throw new Error(`POST /_sim/events ${JSON.stringify(body)} -> HTTP ${result.status}: ${result.text}`);
	return result.body;
}
