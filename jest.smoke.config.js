/**
 * The smoke stage: the end-to-end suites that hold on every supported n8n line, run against the newest n8n 1.x
 * (installed once per user by tools/n8n-host.sh, on Node 22) with the same global setup and helpers as
 * jest.e2e.config.js, which runs them (and the rest) on 2.41.1. A list, not "all but": a new suite runs on 2.41 only
 * until it is added here. Not here: the editor tests (2.x's editor UI) and the AI Agent test (its Agent node version
 * 3.1 does not exist in 1.123, and 1.x fails the workflow on a tool error instead of handing it to the model). Run: `npx jest -c jest.smoke.config.js` (tools/test.sh does, after the 2.41 stage).
 * @type {import('jest').Config}
 */
const e2e = require('./jest.e2e.config');

module.exports = {
	...e2e,
	testMatch: [
		'registration',
		'operations',
		'oauth',
		'errors-regions',
		'events-trigger',
		'cancellation',
		'mcp-server',
	].map((suite) => `**/test/e2e/${suite}.e2e.ts`),
	// The newest 1.123.x on the registry (npm view n8n versions); global setup starts this n8n.
	globals: { n8nVersion: '1.123.81' },
};
