import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { ARGYLE_BASE_URLS } from '../nodes/shared/environment';

export class ArgyleApi implements ICredentialType {
	name = 'argyleApi';

	displayName = 'Argyle API';

	icon: Icon = { light: 'file:../icons/argyle.svg', dark: 'file:../icons/argyle.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-argyle/n8n-nodes-argyle/blob/main/docs/credentials.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Sandbox',
					value: 'sandbox',
					description: ARGYLE_BASE_URLS.sandbox,
				},
				{
					name: 'Production',
					value: 'production',
					description: ARGYLE_BASE_URLS.production,
				},
				{
					name: 'Custom',
					value: 'custom',
					description: 'A proxy or a local Argyle simulator',
				},
			],
			default: 'sandbox',
			description:
				'API keys belong to one environment: Sandbox keys get 401 from Production and the other way round',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://argyle-proxy.example.com',
			description: 'The API root, without /v2 (requests go to {Base URL}/v2/...)',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Key ID',
			name: 'apiKeyId',
			type: 'string',
			default: '',
			required: true,
			description: 'In Argyle Console under Developer > API Keys',
		},
		{
			displayName: 'API Key Secret',
			name: 'apiKeySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Shown once, when the key is created in Argyle Console',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.apiKeyId}}',
				password: '={{$credentials.apiKeySecret}}',
			},
		},
	};

	// Tested by the nodes' argyleApiTest (nodes/shared/credentialTest.ts): the same messages on n8n 1.x and 2.x.
}
