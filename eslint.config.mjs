// n8n's community-node rules, configured the way n8n's verification scanner runs them:
// `@n8n/eslint-plugin-community-nodes` recommended everywhere it applies, plus the legacy
// `eslint-plugin-n8n-nodes-base` sets per file kind. `npm run lint` passes --no-inline-config,
// so `eslint-disable` comments cannot hide a finding. Tests are not linted by these rules.
import tseslint from 'typescript-eslint';
import n8nCommunityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const legacyRules = (set) => n8nNodesBase.configs[set].rules;

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', 'bench/**', '.cache/**'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
		plugins: { '@typescript-eslint': tseslint.plugin },
		rules: { 'no-console': 'error' },
	},
	{
		files: ['package.json'],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: legacyRules('community'),
	},
	{ ...n8nCommunityNodes.configs.recommended, files: ['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts'] },
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: legacyRules('credentials'),
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: legacyRules('nodes'),
	},
];
