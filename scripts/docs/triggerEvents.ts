/** docs/trigger-events.md: every family and event the Argyle Trigger offers, from the catalogue. */
import { EVENTS, FAMILIES, type FamilyName, type KnownEvent } from '../../nodes/shared/catalogue';
import type { Field } from '../../nodes/shared/fields';
import { FETCH_WITH } from './eventFetch';
import { itemFields } from '../schema/outputSchemas';
import { typeInWords } from './fieldTypes';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const CONFIG_WORDS = { include_resource: 'Include Resource', days_synced: 'Days Synced', items: 'Item IDs (required)' } as const;

function eventRows(events: KnownEvent[]): string[] {
	return events.map((event) => {
		const entry = EVENTS[event];
		const config = entry.config.map((key) => CONFIG_WORDS[key]).join(', ') || '–';
		const mark = entry.derived ? ' (derived)' : '';
		return `| ${entry.displayName}${mark} | \`${event}\` | ${cell(entry.when)} | ${config} | ${entry.versions.join(', ')} |`;
	});
}

/** Each field of the family's events once, with the events that carry it when not all do. */
function fieldRows(events: KnownEvent[]): string[] {
	const fields = new Map<string, { field: Field; events: KnownEvent[] }>();
	for (const event of events) {
		for (const [name, field] of Object.entries(itemFields(event))) {
			const seen = fields.get(name) ?? { field, events: [] };
			seen.events.push(event);
			fields.set(name, seen);
		}
	}
	return [...fields].flatMap(([name, { field, events: carriers }]) => {
		const where = carriers.length === events.length ? 'all' : carriers.map((event) => event.split('.')[1]).join(', ');
		const row = (path: string, described: Field) => `| \`${path}\` | ${typeInWords(described)} | ${where} | ${cell(described.description)} |`;
		// One level into objects: enough to find a field such as resource.connection, not a full object reference.
		const children = field.type === 'object' && field.properties ? Object.entries(field.properties) : [];
		return [row(name, field), ...children.map(([child, described]) => row(`${name}.${child}`, described))];
	});
}

function familySection(family: FamilyName): string {
	const events = (Object.keys(EVENTS) as KnownEvent[]).filter((event) => EVENTS[event].family === family);
	return [
		`## ${FAMILIES[family].label}`,
		'',
		`Events \`${family}.*\`.`,
		'',
		'| option | event | when it fires | subscription config | API |',
		'| --- | --- | --- | --- | --- |',
		...eventRows(events),
		'',
		`Fetch what an event is about: ${FETCH_WITH[family]}.`,
		'',
		'Fields of the item, besides `event` and `name`:',
		'',
		'| field | type | in events | meaning |',
		'| --- | --- | --- | --- |',
		...fieldRows(events),
		'',
	].join('\n');
}

export function triggerEventsPage(): string {
	const families = Object.keys(FAMILIES) as FamilyName[];
	return [
		'# Argyle Trigger: every event',
		'',
		'<!-- Generated from nodes/shared/catalogue.ts by `npm run docs`; edit the catalogue, not this file. -->',
		'',
		`The trigger offers every Argyle v2 webhook event: ${families.length} families, ${Object.values(EVENTS).filter((entry) => entry.versions.includes('v2')).length} events, and for the legacy V1 API the account and pay distribution events. In the node's Events list each is named "Family: Event"; type part of a name to find it.`,
		'',
		'Each delivery becomes one item: `event` (the Argyle event name) and `name` (the subscription name), then the fields of Argyle\'s `data` lifted to the top level. Fields Argyle leaves out are left out; events, fields and values this package does not know yet pass through untouched. Events marked *derived* are known only from third-party specs or by analogy; they are offered, and their description may say less.',
		'',
		'Subscription config is per subscription and shared by its events, so the trigger registers one subscription with all of it: **Include Resource** (the full object in `resource`) where Argyle honours it, **Days Synced** (default 30) when a Partially Synced event is chosen, and **Item IDs** (1 to 30, required) for the Item events, which Argyle sends only for the Items a subscription names. Changing any of it re-registers the subscription at the next activation.',
		'',
		`Contents: ${families.map((family) => `[${FAMILIES[family].label}](#${FAMILIES[family].label.toLowerCase().replace(/ /g, '-')})`).join(' · ')}`,
		'',
		...families.map(familySection),
	].join('\n');
}
