/**
 * Every resource of the Argyle node, and what the node is made of them: the Resource selector,
 * each resource's Operation selector and fields (shown only for their resource and operation),
 * the subtitle in words and the handler of each operation.
 */
import type { IDisplayOptions, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { account } from './account';
import { depositDestination } from './depositDestination';
import { employment } from './employment';
import { gig } from './gig';
import { identity } from './identity';
import { item } from './item';
import { payrollDocument } from './payrollDocument';
import { paystub } from './paystub';
import { rating } from './rating';
import { report } from './report';
import { shift } from './shift';
import type { OperationDefinition, OperationHandler, ResourceDefinition } from './types';
import { user } from './user';
import { userForm } from './userForm';
import { userToken } from './userToken';
import { userUpload } from './userUpload';
import { vehicle } from './vehicle';
import { verification } from './verification';
import { webhookSubscription } from './webhookSubscription';

/** In the order the Resource list shows them (n8n wants option lists sorted by name). */
export const RESOURCES: readonly ResourceDefinition[] = [
	account,
	depositDestination,
	employment,
	gig,
	identity,
	item,
	payrollDocument,
	paystub,
	rating,
	report,
	shift,
	user,
	userForm,
	userToken,
	userUpload,
	vehicle,
	verification,
	webhookSubscription,
];

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Adds "only for this resource and operation" to a field's own display conditions. */
function shownFor(field: INodeProperties, resource: string, operation: string): INodeProperties {
	const own: IDisplayOptions = field.displayOptions ?? {};
	return { ...field, displayOptions: { ...own, show: { ...own.show, resource: [resource], operation: [operation] } } };
}

function operationProperty(resource: ResourceDefinition): INodeProperties {
	const { defaultOperation } = resource;
	const options = Object.entries(resource.operations)
		.map(([value, operation]) => ({ name: operation.name, value, action: operation.action, description: operation.description }))
		.sort(byName);
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.resource] } },
		options,
		default: defaultOperation,
	};
}

export const argyleProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map(({ name, resource }) => ({ name, value: resource })).sort(byName),
		default: 'account',
	},
	...RESOURCES.flatMap((resource) => [
		operationProperty(resource),
		...Object.entries(resource.operations).flatMap(([value, operation]) =>
			(operation.fields ?? []).map((field) => shownFor(field, resource.resource, value)),
		),
	]),
];

function subtitleOf(resource: ResourceDefinition, value: string, operation: OperationDefinition): string {
	if (operation.subtitle) return operation.subtitle;
	return value === 'getAll' ? `Get Many ${resource.plural}` : `${operation.name} ${resource.name}`;
}

const subtitles = Object.fromEntries(
	RESOURCES.flatMap((resource) =>
		Object.entries(resource.operations).map(([value, operation]) => [
			`${resource.resource}:${value}`,
			subtitleOf(resource, value, operation),
		]),
	),
);

/** e.g. "Get Many Paystubs": n8n evaluates it in the editor only. */
export const ARGYLE_SUBTITLE = `={{ ${JSON.stringify(subtitles)}[$parameter["resource"] + ":" + $parameter["operation"]] ?? "" }}`;

/** The handler of a resource and operation; unknown pairs are a configuration error. */
export function handlerFor(ctx: IExecuteFunctions, resource: string, operation: string): OperationHandler {
	// hasOwn, not `in`: "constructor" or "toString" must not pass for an operation.
	const definition = RESOURCES.find((candidate) => candidate.resource === resource);
	if (!definition || !Object.hasOwn(definition.operations, operation)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not supported for the resource "${resource}"`,
			{ description: 'Pick the resource and operation again in the node.' },
		);
	}
	return definition.operations[operation].run;
}
