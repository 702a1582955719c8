// n8n's community-node rules exactly as n8n's verification scanner applies them
// (@n8n/scan-community-package 0.32.0, scanner.mjs `buildScanConfig`): the community-nodes
// `recommended` set on every file, plus `eslint-plugin-n8n-nodes-base`'s community, credentials
// and nodes sets with the scanner's own off-overrides. `npm run lint` passes --no-inline-config,
// as the scanner does (allowInlineConfig: false), so `eslint-disable` comments cannot hide a
// finding. Tests, the simulator, scripts and benchmarks are outside what the scanner reads.
import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import n8nCommunityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

export default defineConfig(
	{ ignores: ['node_modules/**', 'test/**', 'simulator/**', 'scripts/**', 'bench/**', '.cache/**', 'coverage/**'] },
	n8nCommunityNodes.configs.recommended,
	{ rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
	{
		files: ['**/credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['**/nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{ files: ['**/*.json'], languageOptions: { parser: tsParser } },
	{ files: ['**/*.ts'], languageOptions: { parser: tsParser } },
);
