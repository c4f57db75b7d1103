/** n8n loaded the package from its tarball as a community package, beside its own PagerDuty node. */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import { N8nClient } from '../../dev/n8n/n8n-client';
import { n8nHostDir, PACKAGE_NAME } from '../../dev/n8n/paths';
import { clientFor, E2eState, readState } from '../../dev/n8n/state';
import {
	API_CREDENTIAL_TYPE,
	EVENTS_CREDENTIAL_TYPE,
	NODE_TYPE,
	OAUTH_CREDENTIAL_TYPE,
	TRIGGER_NODE_TYPE,
} from '../../dev/n8n/workflows';
import { nodeActions } from '../../nodes/PagerDuty/actions/nodes';
import { searchAliases } from '../../nodes/PagerDuty/actions/registry';

interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	credentials?: Array<{ name: string }>;
	codex?: { alias?: string[] };
}

interface CredentialTypeDescription {
	name: string;
	displayName: string;
	extends?: string[];
	properties: Array<{ name: string; type: string; default: unknown }>;
	authenticate?: unknown;
	test?: unknown;
}

let state: E2eState;
let client: N8nClient;
let nodeTypes: NodeTypeDescription[];
let credentialTypes: CredentialTypeDescription[];

beforeAll(async () => {
	state = readState();
	client = clientFor(state);
	nodeTypes = await client.types<NodeTypeDescription[]>('nodes');
	credentialTypes = await client.types<CredentialTypeDescription[]>('credentials');
});

const credentialType = (name: string): CredentialTypeDescription | undefined =>
	credentialTypes.find((type) => type.name === name);

/** The built-in credential class from the n8n-nodes-base that this n8n ships. */
async function builtInCredential(
	file: string,
): Promise<{ name: string; displayName: string; properties: unknown[] }> {
	const base = require.resolve('n8n-nodes-base/package.json', {
		paths: [join(n8nHostDir(state.n8nVersion), 'node_modules', 'n8n')],
	});
	const exported = (await import(join(base, '..', 'dist', 'credentials', file))) as Record<
		string,
		new () => { name: string; displayName: string; properties: unknown[] }
	>;
	const Class = Object.values(exported)[0];
	return new Class();
}

describe('package installed like n8n community installer does', () => {
	it('is unpacked from the npm tarball into <user folder>/.n8n/nodes/node_modules, without its own node_modules', () => {
		const dir = join(state.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
			name: string;
		};
		expect(manifest.name).toBe(PACKAGE_NAME);
		expect(existsSync(join(dir, 'dist', 'nodes', 'PagerDuty', 'PagerDuty.node.js'))).toBe(true);
		// n8n-workflow and zod must come from n8n itself.
		expect(existsSync(join(dir, 'node_modules'))).toBe(false);
		expect(existsSync(join(dir, 'nodes'))).toBe(false);
	});

	it('registers node type n8n-nodes-pagerduty.pagerDuty next to the built-in n8n-nodes-base.pagerDuty', () => {
		const ours = nodeTypes.find((type) => type.name === NODE_TYPE);
		const builtIn = nodeTypes.find((type) => type.name === 'n8n-nodes-base.pagerDuty');
		expect(ours).toBeDefined();
		expect(builtIn).toBeDefined();
		expect(ours?.displayName).toBe('PagerDuty');
		expect(ours?.credentials?.map((credential) => credential.name)).toEqual(
			expect.arrayContaining([API_CREDENTIAL_TYPE, OAUTH_CREDENTIAL_TYPE]),
		);
		expect(builtIn?.credentials?.map((credential) => credential.name).sort()).toEqual([
			'pagerDutyApi',
			'pagerDutyOAuth2Api',
		]);
	});

	it('registers n8n-nodes-pagerduty.pagerDutyEvents with the Events credential only', () => {
		const events = nodeTypes.find((type) => type.name === `${PACKAGE_NAME}.pagerDutyEvents`);
		expect(events?.displayName).toBe('PagerDuty Events');
		expect(events?.credentials?.map((credential) => credential.name)).toEqual([
			EVENTS_CREDENTIAL_TYPE,
		]);
		const ours = nodeTypes.find((type) => type.name === NODE_TYPE);
		expect(ours?.credentials?.map((credential) => credential.name)).not.toContain(
			EVENTS_CREDENTIAL_TYPE,
		);
	});

	it("gives n8n's node search the aliases the registry derives (written into the codex by the build)", () => {
		for (const [name, actions] of Object.entries(nodeActions)) {
			const registered = nodeTypes.find((type) => type.name === `${PACKAGE_NAME}.${name}`);
			expect([name, registered?.codex?.alias]).toEqual([name, searchAliases(actions)]);
		}
	});

	it('registers the trigger, and the node as an AI tool (usableAsTool → <type>Tool)', () => {
		const trigger = nodeTypes.find((type) => type.name === TRIGGER_NODE_TYPE);
		expect(trigger?.displayName).toBe('PagerDuty Trigger');
		expect(trigger?.credentials?.map((credential) => credential.name)).toEqual(
			expect.arrayContaining([API_CREDENTIAL_TYPE, OAUTH_CREDENTIAL_TYPE]),
		);
		const tool = nodeTypes.find((type) => type.name === `${NODE_TYPE}Tool`);
		expect(tool?.credentials?.map((credential) => credential.name)).toEqual(
			expect.arrayContaining([API_CREDENTIAL_TYPE, OAUTH_CREDENTIAL_TYPE]),
		);
		expect(tool?.credentials?.map((credential) => credential.name)).not.toContain(
			EVENTS_CREDENTIAL_TYPE,
		);
	});

	it('registers the three credential types of the package', () => {
		const api = credentialType(API_CREDENTIAL_TYPE);
		expect(api?.displayName).toBe('PagerDuty Community Token API');
		expect(api?.properties.map((property) => property.name)).toEqual(
			expect.arrayContaining(['apiToken', 'region', 'baseUrl', 'defaultFromEmail']),
		);
		expect(api?.authenticate).toBeDefined();
		expect(api?.test).toBeDefined();
		const oauth = credentialType(OAUTH_CREDENTIAL_TYPE);
		expect(oauth?.displayName).toBe('PagerDuty Community OAuth2 API');
		expect(oauth?.extends).toEqual(['oAuth2Api']);
		const events = credentialType(EVENTS_CREDENTIAL_TYPE);
		expect(events?.properties.map((property) => property.name)).toEqual(
			expect.arrayContaining(['routingKeySecret', 'region', 'baseUrl']),
		);
	});

	it('leaves the built-in pagerDutyApi and pagerDutyOAuth2Api credentials as n8n-nodes-base defines them', async () => {
		for (const [name, file] of [
			['pagerDutyApi', 'PagerDutyApi.credentials.js'],
			['pagerDutyOAuth2Api', 'PagerDutyOAuth2Api.credentials.js'],
		]) {
			const registered = credentialType(name);
			const original = await builtInCredential(file);
			expect(registered?.displayName).toBe(original.displayName);
			// n8n appends its own domain-restriction fields to every credential type; the rest must be untouched.
			const own = registered?.properties.filter(
				(property) => !['allowedHttpRequestDomains', 'allowedDomains'].includes(property.name),
			);
			expect(own).toEqual(JSON.parse(JSON.stringify(original.properties)));
			expect(registered?.authenticate).toBeUndefined();
		}
		expect(credentialType('pagerDutyApi')?.displayName).toBe('PagerDuty API');
		expect(
			credentialType('pagerDutyOAuth2Api')?.properties.find(
				(property) => property.name === 'accessTokenUrl',
			)?.default,
		).toBe('https://app.pagerduty.com/oauth/token');
	});
});
