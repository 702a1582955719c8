import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { argyleApiTest } from '../shared/credentialTest';
import { decide, parseDelivery, toItem } from './delivery';
import { TRIGGER_SUBTITLE, triggerProperties } from './description';
import { verifiesWithDerivedSecret } from './deliverySecret';
import { readFilters } from './settings';
import { isSignatureShaped, verifySignature } from './signature';
import { recordedSecret } from './recordedSecret';
import {
	checkExists,
	create,
	deleteSubscription,
	readState,
} from './subscription';

type RawRequest = ReturnType<IWebhookFunctions['getRequestObject']> & {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
};

export class ArgyleTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Argyle Trigger',
		name: 'argyleTrigger',
		icon: { light: 'file:../../icons/argyle.svg', dark: 'file:../../icons/argyle.dark.svg' },
		group: ['trigger'],
		// typeVersion 1 makes n8n evaluate `$parameter["options"]["binaryData"]` on every request
		// (webhook-helpers parseRequestBody), which costs an expression isolate per delivery.
		// Version 3 only changes when "Account Disconnected Only" is shown (see description.ts).
		version: [2, 3],
		defaultVersion: 3,
		subtitle: TRIGGER_SUBTITLE,
		// n8n's node panel merges "Argyle Trigger" into the "Argyle" card and gives that card the
		// TRIGGER's description, whether the user adds a trigger or an action (editor-ui
		// generateMergedNodesAndActions: mergedNode.description = trigger.description). So this text
		// describes both nodes.
		description:
			'Starts workflows on Argyle webhook events; gets paystubs, identities, documents and other payroll data; manages accounts and users',
		defaults: { name: 'Argyle Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'argyleApi', required: true, testedBy: 'argyleApiTest' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	methods = { credentialTest: { argyleApiTest } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as RawRequest;
		const response = this.getResponseObject();
		const reply = (status: number, message: string): IWebhookResponseData => {
			response.status(status).json({ message });
			return { noWebhookResponse: true };
		};

		// Requests that cannot be signed are refused before any credential is read.
		const signature = request.headers['x-argyle-signature'];
		if (!isSignatureShaped(signature)) return reply(401, 'Missing or invalid X-Argyle-Signature');

		if (request.rawBody === undefined && typeof request.readRawBody === 'function') {
			try {
				await request.readRawBody();
			} catch {
				// Multipart, a Content-Encoding that does not decode, an inflated size over n8n's limit:
				// bytes nobody can have signed. Refuse them like any unverifiable request.
				return reply(401, 'Missing or invalid X-Argyle-Signature');
			}
		}
		const rawBody = request.rawBody;
		const stored = readState(this);
		if (!(await verifiesWithDerivedSecret(this, stored, rawBody, signature))) {
			// After an API key rotation Argyle still signs with the secret registered at activation.
			const recorded = stored && rawBody ? await recordedSecret(this, stored) : undefined;
			if (!recorded || !verifySignature(rawBody, signature, recorded)) {
				return reply(401, 'Missing or invalid X-Argyle-Signature');
			}
		}

		const parsed = parseDelivery(rawBody as Buffer, request.body, request.headers['content-type']);
		if (!parsed.ok) return reply(400, parsed.reason);

		const decision = decide(parsed.payload, readFilters(this));
		if (!decision.emit) return reply(200, `Ignored: ${decision.reason}`);

		return { workflowData: [[{ json: toItem(parsed.payload) as IDataObject }]] };
	}
}
