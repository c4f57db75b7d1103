/**
 * End-to-end suites against a real n8n 2.41.1 (installed once per user by tools/n8n-host.sh) with this package
 * installed from its tarball, the PagerDuty sandbox, and headless Chromium for the editor test.
 * Run: `npx jest -c jest.e2e.config.js` (tools/test.sh does, after the unit and engine suites).
 * One n8n for all suites: they run in band and share it through .e2e/e2e-state.json.
 * @type {import('jest').Config}
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
	maxWorkers: 1,
	testTimeout: 60000,
};
