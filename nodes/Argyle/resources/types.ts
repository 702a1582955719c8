/**
 * How a resource of the Argyle node is declared: its operations, each with the option n8n lists, the
 * parameters it shows, what it does for one input item and what one output item holds. index.ts
 * turns the declarations into the node's parameters, its subtitle, its handlers and (through
 * scripts/schema) its output schemas, so one file per resource holds everything about it.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Fields } from '../../shared/fields';

/** What an operation returns for one input item: JSON objects, or n8n items (e.g. with binary data). */
export type OperationResult = object[] | { items: INodeExecutionData[] };

export type OperationHandler = (ctx: IExecuteFunctions, itemIndex: number) => Promise<OperationResult>;

export interface OperationDefinition {
	/** The option name, e.g. "Get Many". */
	readonly name: string;
	/** n8n's action text, e.g. "Get many paystubs". */
	readonly action: string;
	readonly description: string;
	/** The subtitle in words; default "<name> <resource>", for Get Many "Get Many <plural>". */
	readonly subtitle?: string;
	/** The operation's parameters; index.ts shows them only for this resource and operation. */
	readonly fields?: readonly INodeProperties[];
	readonly run: OperationHandler;
	/** The fields of one output item (the output schema and the docs are built from it). */
	readonly output: Fields;
}

export interface ResourceDefinition {
	/** The Resource parameter's value, e.g. "paystub" (saved in workflows: never renamed). */
	readonly resource: string;
	/** The option name, e.g. "Paystub". */
	readonly name: string;
	/** e.g. "Paystubs", for "Get Many Paystubs". */
	readonly plural: string;
	readonly defaultOperation: string;
	readonly operations: Readonly<Record<string, OperationDefinition>>;
}
