/**
 * The smoke stage: the end-to-end suites that hold on every supported n8n line, run against the newest n8n 1.x
 * (installed once per user by tools/n8n-host.sh, on Node 22) with the same global setup and helpers as
 * jest.e2e.config.js, which runs them (and the rest) on 2.41.1. Left out: the editor test (browser.e2e.ts), which
 * drives 2.x's editor UI. Run: `npx jest -c jest.smoke.config.js` (tools/test.sh does, after the 2.41 stage).
 * @type {import('jest').Config}
 */
const e2e = require('./jest.e2e.config');

module.exports = {
	...e2e,
	testPathIgnorePatterns: ['/node_modules/', '/browser\\.e2e\\.ts$'],
	// The newest 1.123.x on the registry (npm view n8n versions); global setup starts this n8n.
	globals: { n8nVersion: '1.123.81' },
};
