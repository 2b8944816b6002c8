import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import jsoncParser from 'jsonc-eslint-parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

// Both of n8n's rule sets run on the shipped sources; tests, the sandbox and scripts get a
// relaxed TypeScript config because they are never published and may use Node APIs freely.
const shipped = ['nodes/**/*.ts', 'credentials/**/*.ts'];
const nodesBase = { 'n8n-nodes-base': n8nNodesBase };

// The same rules n8n's own starter switches off (https://github.com/n8n-io/n8n-nodes-starter, eslint config).
const n8nOwnExceptions = {
	'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
	'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
	'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
	'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
	'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
};

export default tseslint.config(
	{ ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', 'gulpfile.js', 'jest.config.js'] },
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
		},
	},
	{
		files: ['test/**/*.ts', 'scripts/**/*.ts', 'sandbox/**/*.ts'],
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
	{
		files: shipped,
		...n8nCommunityNodesPlugin.configs.recommended,
	},
	{
		// Shipped code names its types; an `any` needs a disable comment with its reason.
		files: shipped,
		rules: { '@typescript-eslint/no-explicit-any': 'error' },
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { ...nodesBase, ...n8nCommunityNodesPlugin.configs.recommended.plugins },
		rules: {
			...n8nNodesBase.configs.community.rules,
			...Object.fromEntries(
				Object.entries(n8nCommunityNodesPlugin.configs.recommended.rules).filter(([name]) =>
					/package|peer|dependencies|overrides|lifecycle|homepage|author|files-array|n8n-object|registration|dead-files|placeholders/.test(
						name,
					),
				),
			),
		},
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: nodesBase,
		rules: { ...n8nNodesBase.configs.credentials.rules, ...n8nOwnExceptions },
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: nodesBase,
		rules: { ...n8nNodesBase.configs.nodes.rules, ...n8nOwnExceptions },
	},
);
