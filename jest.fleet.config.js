/**
 * The package in n8n's queue mode (test/fleet): Postgres, Redis, n8n main, two workers and a webhook processor,
 * started once by global setup and shared by the suites, which run in band.
 * Run: `npm run build && npx jest -c jest.fleet.config.js` (tools/test.sh does, after the end-to-end suites).
 * @type {import('jest').Config}
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/fleet'],
	testMatch: ['**/*.fleet.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	globalSetup: '<rootDir>/test/fleet/global-setup.ts',
	globalTeardown: '<rootDir>/test/fleet/global-teardown.ts',
	maxWorkers: 1,
	testTimeout: 120000,
};
