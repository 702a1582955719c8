import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { ARGYLE_BASE_URLS } from '../nodes/shared/environment';

export class ArgyleApi implements ICredentialType {
	name = 'argyleApi';

	displayName = 'Argyle API';

	icon: Icon = { light: 'file:../icons/argyle.svg', dark: 'file:../icons/argyle.dark.svg' };

	documentationUrl = 'https://docs.argyle.com/api-guide/overview';

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

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ $credentials.environment === "custom" ? String($credentials.baseUrl).replace(/\\/+$/, "") : $credentials.environment === "production" ? "${ARGYLE_BASE_URLS.production}" : "${ARGYLE_BASE_URLS.sandbox}" }}`,
			url: '/v2/users',
			qs: { limit: 1 },
			method: 'GET',
		},
		// n8n shows only the HTTP status text for a failed test; these say what to fix instead.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Argyle rejected the API key (401: "Invalid username/password." or "Invalid environment."). Check the API key ID and secret, and that Environment matches the key: Sandbox keys only work with Sandbox, Production keys with Production.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Argyle accepted the API key but refused access (403). Check the key\'s permissions in Argyle Console.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Argyle API at this address (404 for /v2/users). With the Custom environment, set Base URL to the API root without /v2.',
				},
			},
		],
	};
}
