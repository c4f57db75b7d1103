// ESLint (eslintrc mode: run with ESLINT_USE_FLAT_CONFIG=false, as `npm run lint` does).
// n8n's community rules (@n8n/eslint-plugin-community-nodes, the verification scanner's set) and
// eslint-plugin-n8n-nodes-base's community/credentials/nodes sets run on the files the scanner reads:
// package.json, credentials/** and nodes/**. Tests and tools get the TypeScript rules.
const communityPlugin = require('@n8n/eslint-plugin-community-nodes');

const communityRules = (communityPlugin.default ?? communityPlugin).configs.recommended.rules;

module.exports = {
	root: true,
	env: { es2022: true, node: true },
	parser: '@typescript-eslint/parser',
	parserOptions: {
		sourceType: 'module',
		extraFileExtensions: ['.json'],
	},
	ignorePatterns: [
		'dist/**',
		'node_modules/**',
		'coverage/**',
		'.e2e/**',
		// The pinned install of n8n's own linter (tools/lint-n8n.sh), not a package of this repository.
		'tools/n8n-lint/**',
		'*.js',
		'!tools/**/*.js',
	],
	overrides: [
		{
			files: ['package.json'],
			plugins: ['@n8n/community-nodes', 'n8n-nodes-base'],
			extends: ['plugin:n8n-nodes-base/community'],
			rules: { ...communityRules },
		},
		{
			files: ['**/*.ts'],
			plugins: ['@typescript-eslint', 'import-x'],
			extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended'],
			rules: {
				'no-console': 'error',
				// One import order everywhere (`npm run format` applies it): Node built-ins and packages,
				// then this repository's modules, alphabetical within each group.
				'import-x/order': [
					'error',
					{
						groups: [['builtin', 'external'], 'internal', ['parent', 'sibling', 'index']],
						'newlines-between': 'always',
						alphabetize: { order: 'asc', caseInsensitive: true },
					},
				],
				'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			},
		},
		{
			files: ['credentials/**/*.ts', 'nodes/**/*.ts'],
			plugins: ['@n8n/community-nodes'],
			rules: {
				...communityRules,
				// axios is a devDependency (tests, tools): the community rule exempts devDependencies,
				// so this keeps it out of code that runs inside n8n, where it is not installed.
				'no-restricted-imports': ['error', { paths: ['axios'] }],
			},
		},
		{
			files: ['credentials/**/*.ts'],
			extends: ['plugin:n8n-nodes-base/credentials'],
			rules: {
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			},
		},
		{
			files: ['nodes/**/*.ts'],
			extends: ['plugin:n8n-nodes-base/nodes'],
			rules: {
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
		{
			files: ['tools/**/*.js'],
			parser: 'espree',
			parserOptions: { ecmaVersion: 2022, sourceType: 'script' },
			extends: ['eslint:recommended'],
		},
	],
};
