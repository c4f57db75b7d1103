/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	// Sets N8N_USER_FOLDER (and a quiet log level) before any test file imports n8n-core.
	setupFiles: ['<rootDir>/test/setup.ts'],
	// Removes that folder after each test file.
	setupFilesAfterEnv: ['<rootDir>/test/setup-after-env.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	testTimeout: 30000,
};
