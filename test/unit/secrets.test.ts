import { NodeApiError } from 'n8n-workflow';
import { inspect } from 'util';

import { fakeNode } from './fake-node';
import { scrub, scrubDeep, secretsOfCredential } from '../../nodes/shared/secrets';

const node = fakeNode();

const oauthCredential = {
	region: 'custom',
	baseUrl: 'https://proxy-user:pr%C3%B6xy-pass@proxy.example.com',
	clientId: 'client-id-123456',
	clientSecret: 'client-secret-abcdef',
	accessTokenUrl: 'https://identity.pagerduty.com/oauth/token',
	oauthTokenData: {
		access_token: 'pdus+_access-0123456789',
		refresh_token: 'pdus+_refresh-0123456789',
		token_type: 'Bearer',
		expires_in: 86400,
	},
};

describe('secretsOfCredential', () => {
	it('finds tokens, client secrets, OAuth token data and the userinfo of the Base URL', () => {
		const values = secretsOfCredential(oauthCredential).map(({ value }) => value);
		expect(values).toEqual(
			expect.arrayContaining([
				'client-id-123456',
				'client-secret-abcdef',
				'pdus+_access-0123456789',
				'pdus+_refresh-0123456789',
				'proxy-user',
				'pröxy-pass',
			]),
		);
		// Not secrets: the token URL (its name has "token" in it), the token type, the region.
		expect(values).not.toEqual(
			expect.arrayContaining(['https://identity.pagerduty.com/oauth/token', 'Bearer', 'custom']),
		);
	});

	it('finds the API token, the routing key and a signing secret kept beside them', () => {
		expect(
			secretsOfCredential({ apiToken: 'y_NbAkKc66ryYTWUXYEu', routingKeySecret: 'R0UTING-KEY-32' }),
		).toEqual([
			{ value: 'y_NbAkKc66ryYTWUXYEu', shownAs: '[API token]' },
			{ value: 'R0UTING-KEY-32', shownAs: '[routing key]' },
		]);
		expect(secretsOfCredential({ subscriptionId: 'PXYZ', signingSecret: 'whsec-0123456' })).toEqual(
			[{ value: 'whsec-0123456', shownAs: '[signing secret]' }],
		);
	});
});

describe('scrub', () => {
	const secrets = secretsOfCredential(oauthCredential);

	it('replaces known secrets, as written and URL-encoded', () => {
		expect(
			scrub(
				'grant=refresh&refresh_token=pdus%2B_refresh-0123456789 and pdus+_access-0123456789',
				secrets,
			),
		).toBe('grant=refresh&refresh_token=[refresh token] and [access token]');
	});

	it('replaces secret-shaped text it was not told about: headers, form fields, JSON, userinfo', () => {
		const echoed = [
			'authorization: Token token=an-unknown-token',
			'Authorization: Bearer eyJhbGciOi.new-token-after-refresh',
			'refresh_token=other&client_secret=other-secret',
			'{"routing_key": "R0UTING"}',
			'Could not reach http://someone:hunter2@10.0.0.1:8080/x',
		].join('\n');
		expect(scrub(echoed, [])).toBe(
			[
				'authorization: Token token=[API token]',
				'Authorization: Bearer [access token]',
				'refresh_token=[secret]&client_secret=[secret]',
				'{"routing_key": "[secret]"}',
				'Could not reach http://[userinfo]@10.0.0.1:8080/x',
			].join('\n'),
		);
	});

	it('leaves its own placeholders and ordinary text alone', () => {
		const text =
			'Token token=[API token] Bearer [access token] password: [secret] secret is not set';
		expect(scrub(text, secrets)).toBe(text);
	});
});

describe('scrubDeep', () => {
	it("cleans every string of an n8n error in place, hidden ones (stack, cause) included, but not the workflow's node", () => {
		const error = new NodeApiError(
			node,
			{ message: 'echo Token token=abcdef123456', request: 'GET /x' },
			{ message: 'PagerDuty 400: client-secret-abcdef', description: 'pdus+_access-0123456789' },
		);
		Object.defineProperty(error, 'hidden', {
			value: { deeper: ['pdus+_refresh-0123456789'] },
			enumerable: false,
			writable: true,
		});
		const ownNode = { ...node, parameters: { note: 'client-secret-abcdef' } };
		Object.assign(error, { node: ownNode });
		const scrubbed = scrubDeep(error, secretsOfCredential(oauthCredential));
		expect(scrubbed).toBe(error);
		const rest = Object.fromEntries(
			Object.getOwnPropertyNames(error)
				.filter((name) => name !== 'node')
				.map((name) => [name, (error as never)[name]]),
		);
		const everything = [error.stack, inspect(rest, { showHidden: true, depth: Infinity })].join();
		expect(everything).not.toMatch(/client-secret-abcdef|pdus\+_|abcdef123456/);
		expect(error.message).toBe('PagerDuty 400: [client secret]');
		expect(error.stack).toMatch(/^NodeApiError: PagerDuty 400: \[client secret\]/);
		// The workflow's own node object is n8n's: left as it is.
		expect(ownNode.parameters.note).toBe('client-secret-abcdef');
	});
});
