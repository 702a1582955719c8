import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { argyleApiTest } from '../shared/credentialTest';
import { ARGYLE_SUBTITLE, argyleProperties, handlerFor } from './resources';

/** Argyle's objects are plain JSON; their index signatures are just wider than IDataObject's. */
const toJson = (output: object) => output as IDataObject;

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Marks which input item failed (n8n shows it), wrapping anything that is not a node error yet. */
function forItem(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error instanceof Error ? error : errorMessage(error), {
		itemIndex,
	});
}

export class Argyle implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Argyle',
		name: 'argyle',
		icon: { light: 'file:../../icons/argyle.svg', dark: 'file:../../icons/argyle.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: ARGYLE_SUBTITLE,
		description:
			'Get Argyle payroll data (paystubs, identities, documents, gigs, verifications, …) and manage accounts, users and webhook subscriptions',
		defaults: { name: 'Argyle' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'argyleApi', required: true, testedBy: 'argyleApiTest' }],
		properties: argyleProperties,
	};

	methods = { credentialTest: { argyleApiTest } };

	/**
	 * One call per input item, so a list of accounts is deleted in one run. Every output item
	 * is paired to the input item it came from (Get Many: one output item per result).
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const run = handlerFor(this, resource, operation);
		const returnData: INodeExecutionData[] = [];

		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const result = await run(this, itemIndex);
				const outputs = Array.isArray(result)
					? result.map((output) => ({ json: toJson(output), pairedItem: { item: itemIndex } }))
					: result.items.map((output) => ({ ...output, pairedItem: { item: itemIndex } }));
				returnData.push(...outputs);
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
					continue;
				}
				throw forItem(this.getNode(), error, itemIndex);
			}
		}
		return [returnData];
	}
}
