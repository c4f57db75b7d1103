import { fakeNode } from './fake-node';
import { pagerDutyApiError } from '../../nodes/shared/errors';
import {
	endpointOf,
	requiredScopesOf,
	scopeAdvice,
	scopedTokenOf,
} from '../../nodes/shared/scopes';

const node = fakeNode();

describe('endpointOf: the scope of a concrete request', () => {
	it.each([
		['GET', '/incidents/Q1ABC', 'GET /incidents/{id}', 'incidents.read'],
		['PUT', '/incidents/Q1ABC', 'PUT /incidents/{id}', 'incidents.write'],
		['POST', '/incidents/Q1ABC/notes', 'POST /incidents/{id}/notes', 'incidents.write'],
		['POST', '/maintenance_windows', 'POST /maintenance_windows', 'services.write'],
		['GET', '/schedules/S1/users', 'GET /schedules/{id}/users', 'users.read'],
		[
			'POST',
			'/users/U1/contact_methods',
			'POST /users/{id}/contact_methods',
			'users:contact_methods.write',
		],
		[
			'POST',
			'/incident_workflows/W1/instances',
			'POST /incident_workflows/{id}/instances',
			'incident_workflows:instances.write',
		],
		// A literal segment wins over a parameter: /users/me is not /users/{id}.
		['GET', '/users/me', 'GET /users/me', null],
		['GET', '/incidents/types', 'GET /incidents/types', 'incident_types.read'],
		['GET', '/v3/schedules', 'GET /v3/schedules', null],
	])('%s %s → %s (%s)', (method, path, endpoint, scope) => {
		expect(endpointOf(method, path)).toEqual({ endpoint, scope });
	});

	it('knows no endpoint for paths outside the spec', () => {
		expect(endpointOf('GET', '/nothing/here')).toBeUndefined();
		expect(endpointOf('PATCH', '/incidents/Q1')).toBeUndefined();
	});
});

describe('the token a Scoped OAuth credential holds', () => {
	it('reads the requested scopes from the computed scope and the granted ones from the stored token', () => {
		expect(
			scopedTokenOf({
				grantType: 'clientCredentials',
				scope: 'as_account-us.acme incidents.read incidents.write',
				oauthTokenData: { access_token: 'x', scope: 'as_account-us.acme incidents.read' },
			}),
		).toEqual({
			grant: 'app',
			requested: ['incidents.read', 'incidents.write'],
			granted: ['incidents.read'],
		});
	});

	it('knows no granted scopes before n8n fetched a token', () => {
		expect(scopedTokenOf({ grantType: 'clientCredentials', scope: 'x' }).granted).toBeUndefined();
		expect(
			scopedTokenOf({ grantType: 'authorizationCode', scope: 'x', oauthTokenData: {} }),
		).toMatchObject({ grant: 'user', granted: undefined });
	});
});

describe('a 403 with a Scoped OAuth token', () => {
	const token = {
		grant: 'app' as const,
		requested: ['incidents.read'],
		granted: ['incidents.read'],
	};

	it("names PagerDuty's required_scopes and how to add them", () => {
		const error = pagerDutyApiError(
			node,
			{
				method: 'PUT',
				path: '/incidents/Q1',
				status: 403,
				body: {
					error: {
						message: 'Token missing required scopes',
						code: 2010,
						errors: ['Missing scope incidents.write'],
						required_scopes: 'incidents.write',
					},
				},
			},
			'scopedOAuth2',
			token,
		);
		expect(error.message).toBe('PagerDuty 403: Token missing required scopes (code 2010)');
		expect(error.description).toContain(scopeAdvice(token, ['incidents.write']));
		expect(error.context.missingScopes).toEqual(['incidents.write']);
	});

	it("falls back to the table's scope when PagerDuty names none", () => {
		expect(requiredScopesOf('POST', '/maintenance_windows', { error: {} })).toEqual([
			'services.write',
		]);
	});
});
