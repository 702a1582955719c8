/** docs/argyle-node.md: every resource and operation of the Argyle node, and what to fetch after each event. */
import { RESOURCES } from '../../nodes/Argyle/resources';
import type { INodeProperties } from 'n8n-workflow';
import { FAMILIES, type FamilyName } from '../../nodes/shared/catalogue';
import { FETCH_WITH } from './eventFetch';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The parameters an operation shows, in words: "Account ID; Filters: Item, User ID". */
function parametersOf(fields: readonly INodeProperties[] = []): string {
	return fields
		.filter((field) => field.type !== 'notice')
		.map((field) =>
			field.type === 'collection' && Array.isArray(field.options)
				? `${field.displayName}: ${(field.options as INodeProperties[]).map((option) => option.displayName).join(', ')}`
				: field.displayName,
		)
		.join('; ');
}

function resourceRows(): string[] {
	return RESOURCES.flatMap((resource) =>
		Object.entries(resource.operations).map(
			([value, operation]) =>
				`| ${resource.name} | ${operation.name} (\`${resource.resource}\` / \`${value}\`) | ${cell(operation.description)} | ${cell(parametersOf(operation.fields)) || '–'} |`,
		),
	);
}

export function argyleNodePage(): string {
	const families = Object.keys(FAMILIES) as FamilyName[];
	return [
		'# Argyle node: every resource and operation',
		'',
		'<!-- Generated from nodes/Argyle/resources by `npm run docs`; edit the resources, not this file. -->',
		'',
		'The Argyle node calls the Argyle v2 API with the [Argyle API credential](credentials.md). It runs once per input item (pairing kept), follows `next` for Return All, turns Argyle\'s errors into messages that say what to fix, continues per item with Continue On Fail, and can be used as a tool by n8n\'s AI agents. `account` and `user` filters take the IDs straight from Argyle Trigger items (for example `{{ $json.account }}`); date filters accept any date n8n gives and send ISO 8601 (a date without a time zone counts as UTC, as Argyle dates its data).',
		'',
		'Downloads (Payroll Document and User Upload: Download File, Report: Download) put the file into a binary property with its file name and MIME type. The credential is sent only to the Argyle host: when the file URL redirects to a storage host, that request carries no credential.',
		'',
		'| resource | operation (values) | what it does | parameters |',
		'| --- | --- | --- | --- |',
		...resourceRows(),
		'',
		'## After an event: fetching what it is about',
		'',
		'| trigger events | fetch with |',
		'| --- | --- |',
		...families.map((family) => `| ${FAMILIES[family].label} (\`${family}.*\`) | ${FETCH_WITH[family]} |`),
		'',
		'The example [`examples/fully-synced-paystub-summary.json`](../examples/fully-synced-paystub-summary.json) does this for User: Fully Synced: it lists the user\'s newest paystubs and shapes a summary.',
		'',
	].join('\n');
}
