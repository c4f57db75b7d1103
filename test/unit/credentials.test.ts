import type { INodeType } from 'n8n-workflow';

import { PagerDutyApi } from '../../credentials/PagerDutyApi.credentials';
import { PagerDutyEventsApi } from '../../credentials/PagerDutyEventsApi.credentials';
import { PagerDutyOAuth2Api } from '../../credentials/PagerDutyOAuth2Api.credentials';
import { PagerDutyScopedOAuth2Api } from '../../credentials/PagerDutyScopedOAuth2Api.credentials';
import { PagerDuty } from '../../nodes/PagerDuty/PagerDuty.node';
import { PagerDutyEvents } from '../../nodes/PagerDuty/PagerDutyEvents.node';
import { PagerDutyTrigger } from '../../nodes/PagerDutyTrigger/PagerDutyTrigger.node';
import packageJson from '../../package.json';
import builtInCredentials from '../fixtures/n8n-nodes-base-credentials.json';

const ours = [
	new PagerDutyApi(),
	new PagerDutyOAuth2Api(),
	new PagerDutyEventsApi(),
	new PagerDutyScopedOAuth2Api(),
];

/** Each credential a node lists, with the Authentication values it is shown for. */
const byAuthentication = (node: INodeType) =>
	(node.description.credentials ?? []).map((credential) => [
		credential.name,
		credential.displayOptions?.show?.authentication,
	]);

describe('credential type names', () => {
	it('take no name that n8n-nodes-base ships (credential names are global in n8n)', () => {
		expect(builtInCredentials.names).toContain('pagerDutyApi');
		expect(builtInCredentials.names).toContain('pagerDutyOAuth2Api');
		for (const credential of ours) {
			expect(builtInCredentials.names).not.toContain(credential.name);
		}
	});

	it('are shown under names a user can tell from the built-in "PagerDuty API" / "PagerDuty OAuth2 API"', () => {
		expect(ours.map((credential) => credential.displayName)).toEqual([
			'PagerDuty Community Token API',
			'PagerDuty Community OAuth2 API',
			'PagerDuty Community Events API',
			'PagerDuty Community Scoped OAuth2 API',
		]);
	});

	it("open with a notice naming the nodes that use them (n8n's credential list shows names only)", () => {
		const notices = ours.map((credential) =>
			credential.properties.find((property) => property.type === 'notice'),
		);
		expect(notices.map((notice) => notice?.displayName)).toEqual([
			'For the PagerDuty and PagerDuty Trigger nodes of the n8n-nodes-pagerduty community package. n8n\'s built-in PagerDuty node uses "PagerDuty API" instead.',
			'For the PagerDuty and PagerDuty Trigger nodes of the n8n-nodes-pagerduty community package. n8n\'s built-in PagerDuty node uses "PagerDuty OAuth2 API" instead.',
			'For the PagerDuty Events node of the n8n-nodes-pagerduty community package.',
			'For the PagerDuty and PagerDuty Trigger nodes of the n8n-nodes-pagerduty community package.',
		]);
		// First in the dialog; OAuth2's hidden fields do not show, and n8n puts its own OAuth2 fields first.
		expect(new PagerDutyApi().properties[0].type).toBe('notice');
		expect(new PagerDutyEventsApi().properties[0].type).toBe('notice');
		expect(new PagerDutyScopedOAuth2Api().properties[0].type).toBe('notice');
	});

	it('are the ones the nodes ask for: REST per authentication mode, Events on the Events node', () => {
		expect(byAuthentication(new PagerDuty())).toEqual([
			['pagerDutyRestApi', ['apiToken']],
			['pagerDutyRestOAuth2Api', ['oAuth2']],
			['pagerDutyScopedOAuth2Api', ['scopedOAuth2']],
		]);
		expect(new PagerDutyEvents().description.credentials?.map(({ name }) => name)).toEqual([
			'pagerDutyEventsV2Api',
		]);
	});

	it('are offered by the trigger too, per authentication mode', () => {
		expect(byAuthentication(new PagerDutyTrigger())).toEqual([
			['pagerDutyRestApi', ['apiToken']],
			['pagerDutyRestOAuth2Api', ['oAuth2']],
			['pagerDutyScopedOAuth2Api', ['scopedOAuth2']],
		]);
	});

	it('are registered in package.json with the nodes', () => {
		expect(packageJson.n8n.credentials).toEqual([
			'dist/credentials/PagerDutyApi.credentials.js',
			'dist/credentials/PagerDutyEventsApi.credentials.js',
			'dist/credentials/PagerDutyOAuth2Api.credentials.js',
			'dist/credentials/PagerDutyScopedOAuth2Api.credentials.js',
		]);
		expect(packageJson.n8n.nodes).toEqual([
			'dist/nodes/PagerDuty/PagerDuty.node.js',
			'dist/nodes/PagerDuty/PagerDutyEvents.node.js',
			'dist/nodes/PagerDutyTrigger/PagerDutyTrigger.node.js',
		]);
		expect(packageJson).not.toHaveProperty('dependencies');
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});
});

describe('PagerDuty Community Token API credential', () => {
	const credential = new PagerDutyApi();

	it('sends the token as "Token token=…"', () => {
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '=Token token={{$credentials.apiToken}}' } },
		});
	});

	it('shows where to find the token and when the From email is needed under the fields (hints)', () => {
		const hintOf = (name: string) =>
			credential.properties.find((property) => property.name === name)?.hint;
		expect(hintOf('apiToken')).toContain('Integrations → API Access Keys');
		expect(hintOf('defaultFromEmail')).toContain('account-level key');
		expect(
			new PagerDutyEventsApi().properties.find(({ name }) => name === 'routingKeySecret')?.hint,
		).toContain('Integration Key');
	});

	it('keeps the token secret and required', () => {
		const token = credential.properties.find((property) => property.name === 'apiToken');
		expect(token).toMatchObject({ required: true, typeOptions: { password: true } });
	});
});

describe('PagerDuty Community OAuth2 API credential', () => {
	const credential = new PagerDutyOAuth2Api();
	const property = (name: string) =>
		credential.properties.find((candidate) => candidate.name === name);

	it("extends n8n's OAuth2 credential with the authorization-code grant", () => {
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(property('grantType')).toMatchObject({ type: 'hidden', default: 'authorizationCode' });
	});

	it("asks for PagerDuty's write scope unless Read Only is chosen", () => {
		expect(property('accessLevel')).toMatchObject({ default: 'write' });
		expect(property('scope')?.type).toBe('hidden');
		expect(property('scope')?.default).toContain('"read"');
		expect(property('scope')?.default).toContain('"write"');
	});

	it('sends client id and secret as form fields, as PagerDuty documents', () => {
		expect(property('authentication')).toMatchObject({ type: 'hidden', default: 'body' });
	});
});

describe('PagerDuty Community Scoped OAuth2 API credential', () => {
	const credential = new PagerDutyScopedOAuth2Api();
	const property = (name: string) =>
		credential.properties.find((candidate) => candidate.name === name);

	it("extends n8n's OAuth2 credential; the token type (grant) is a visible choice, PKCE always on", () => {
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(property('grantType')).toMatchObject({ type: 'options', default: 'clientCredentials' });
		expect(
			(property('grantType')?.options as Array<{ value: string }>).map(({ value }) => value),
		).toEqual(['clientCredentials', 'authorizationCode']);
		expect(property('usePkce')).toMatchObject({ type: 'hidden', default: true });
	});

	it('computes the scope and the endpoints from visible fields (hidden expressions)', () => {
		for (const name of ['scope', 'authUrl', 'accessTokenUrl']) {
			expect(property(name)?.type).toBe('hidden');
			expect(String(property(name)?.default)).toMatch(/^=\{\{/);
		}
		expect(property('authentication')).toMatchObject({ type: 'hidden', default: 'body' });
		expect(property('subdomain')).toMatchObject({ required: true });
	});

	it('asks for a From email only for app tokens (they act for the account)', () => {
		expect(property('defaultFromEmail')?.displayOptions).toEqual({
			show: { grantType: ['clientCredentials'] },
		});
	});
});
