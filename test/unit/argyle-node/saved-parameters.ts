/**
 * What a saved workflow relies on: for each resource and operation, every parameter n8n resolves
 * (with its default), for option lists the values offered, and for collections the option names. Recorded from 0.1.0 into
 * test/fixtures/argyle-node-0.1.0-parameters.json; later versions must keep all of it.
 */
import { NodeHelpers, type INode, type INodeParameters, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

export interface SavedParameters {
	/** `resource:operation` → parameters with defaults, as n8n resolves them for a new node. */
	defaults: Record<string, INodeParameters>;
	/** `resource:operation:parameter path` → the option values offered (`path.*`: a collection's option names). */
	optionValues: Record<string, string[]>;
}

function optionValues(properties: INodeProperties[], prefix: string, into: Record<string, string[]>) {
	for (const property of properties) {
		const options = property.options as Array<{ value?: unknown; name?: string; options?: unknown }> | undefined;
		if (!options) continue;
		if (property.type === 'options' || property.type === 'multiOptions') {
			const key = `${prefix}${property.name}`;
			into[key] = [...new Set([...(into[key] ?? []), ...options.map((o) => String(o.value))])].sort();
		} else if (property.type === 'collection') {
			const key = `${prefix}${property.name}.*`;
			into[key] = [...new Set([...(into[key] ?? []), ...(options as unknown as INodeProperties[]).map((o) => o.name)])].sort();
			optionValues(options as unknown as INodeProperties[], `${prefix}${property.name}.`, into);
		}
	}
}

export function savedParameters(description: INodeTypeDescription, typeVersion: number): SavedParameters {
	const result: SavedParameters = { defaults: {}, optionValues: {} };
	const resources = description.properties.find((p) => p.name === 'resource')!.options as Array<{ value: string }>;
	for (const { value: resource } of resources) {
		const operations = description.properties.filter(
			(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
		);
		for (const operationProperty of operations) {
			for (const { value: operation } of operationProperty.options as Array<{ value: string }>) {
				const node = { typeVersion, parameters: { resource, operation } } as unknown as INode;
				const parameters = { resource, operation };
				const resolved = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? {};
				result.defaults[`${resource}:${operation}`] = resolved;
				const visible = description.properties.filter((p) =>
					NodeHelpers.displayParameter(parameters, p, node, description),
				);
				optionValues(visible, `${resource}:${operation}:`, result.optionValues);
			}
		}
	}
	return result;
}
