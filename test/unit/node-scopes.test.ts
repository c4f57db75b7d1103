import { resources } from '../../nodes/PagerDuty/actions';
import nodeScopes from '../../nodes/shared/nodeScopes.generated.json';
import scopeTable from '../../nodes/shared/scopes.generated.json';
// The derivation the tool runs on the bundled registry, run here on the TypeScript one.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deriveNodeScopes } = require('../../tools/derive-scopes.js') as {
	deriveNodeScopes(resources: unknown, table: unknown): unknown;
};

describe('nodeScopes.generated.json (tools/derive-scopes.js)', () => {
	it("equals what the registry's declared endpoints and the scope table imply (run npm run scopes)", () => {
		expect(deriveNodeScopes(resources, scopeTable)).toEqual(nodeScopes);
	});

	it('covers every REST operation, and the presets are the union of their scopes', () => {
		const rest = nodeScopes.operations.filter((operation) => operation.api === 'rest');
		expect(rest.length).toBeGreaterThan(60);
		const all = [...new Set(rest.flatMap((operation) => operation.scopes ?? []))];
		expect([...nodeScopes.presets.readWrite].sort()).toEqual(all.sort());
		expect(nodeScopes.presets.readOnly.every((scope) => scope.endsWith('.read'))).toBe(true);
		expect(nodeScopes.presets.readWrite).toEqual(
			expect.arrayContaining(nodeScopes.presets.readOnly),
		);
	});
});
