import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ClientContext } from './parameters';
import scopeTable from './scopes.generated.json';

/**
 * Scoped OAuth: the scope PagerDuty requires per REST endpoint (x-pd-requires-scope in its OpenAPI
 * file, derived into scopes.generated.json; null where the spec names none), the scopes a token was
 * granted, and the refusal when a request needs one the token lacks.
 */
const SCOPE_OF: Readonly<Record<string, string | null>> = scopeTable.operations;

type Segment = { literal: string } | { parameter: true };

interface Route {
	endpoint: string;
	segments: Segment[];
}

let routesByMethod: Map<string, Route[]> | undefined;

/** The table's templates by method, built on first use (not at load). */
function routes(method: string): Route[] {
	if (!routesByMethod) {
		routesByMethod = new Map();
		for (const endpoint of Object.keys(SCOPE_OF)) {
			const [templateMethod, template] = endpoint.split(' ');
			const segments = template
				.split('/')
				.slice(1)
				.map(
					(segment): Segment =>
						/^\{[^}]+\}$/.test(segment) ? { parameter: true } : { literal: segment },
				);
			const list = routesByMethod.get(templateMethod) ?? [];
			list.push({ endpoint, segments });
			routesByMethod.set(templateMethod, list);
		}
	}
	return routesByMethod.get(method) ?? [];
}

/** Orders two matching routes: a literal segment beats a parameter at the first place they differ. */
function moreLiteral(a: Route, b: Route): number {
	for (let index = 0; index < a.segments.length; index++) {
		const aLiteral = 'literal' in a.segments[index];
		const bLiteral = 'literal' in b.segments[index];
		if (aLiteral !== bLiteral) return aLiteral ? -1 : 1;
	}
	return 0;
}

/**
 * The endpoint a request path belongs to ('GET /users/{id}' for '/users/PABC123'; '/users/me' is
 * its own) and the scope PagerDuty requires for it; undefined for a path the table does not know.
 */
export function endpointOf(
	method: IHttpRequestMethods | string,
	path: string,
): { endpoint: string; scope: string | null } | undefined {
	const segments = path.split('?')[0].split('/').slice(1);
	const matches = routes(method.toUpperCase()).filter(
		(route) =>
			route.segments.length === segments.length &&
			route.segments.every((segment, index) =>
				'parameter' in segment
					? segments[index] !== ''
					: segment.literal === decodeURIComponent(segments[index]),
			),
	);
	const [best] = matches.sort(moreLiteral);
	return best && { endpoint: best.endpoint, scope: SCOPE_OF[best.endpoint] };
}

const words = (scope: unknown) =>
	typeof scope === 'string' ? scope.split(/\s+/).filter(Boolean) : [];

/** The account scope (`as_account-us.acme`) and openid name the token, they allow no operation. */
const operationScopes = (scope: unknown) =>
	words(scope).filter((word) => word !== 'openid' && !word.startsWith('as_account-'));

/** What a Scoped OAuth credential asks for, and (once PagerDuty answered) what its token holds. */
export interface ScopedToken {
	/** 'app': client credentials, n8n fetches a new token itself; 'user': connected by a user. */
	grant: 'app' | 'user';
	requested: string[];
	/** The stored token's granted scopes; undefined before n8n fetched the first token. */
	granted?: string[];
	/** The one new app token this execution fetched when the stored one lacked a requested scope. */
	refetched?: Promise<void>;
}

/** The Scoped OAuth facts of a credential's data (its computed `scope` and stored token). */
export function scopedTokenOf(credentials: ICredentialDataDecryptedObject): ScopedToken {
	const tokenData = credentials.oauthTokenData as IDataObject | undefined;
	const hasToken = typeof tokenData?.access_token === 'string' && tokenData.access_token !== '';
	return {
		grant: credentials.grantType === 'clientCredentials' ? 'app' : 'user',
		requested: operationScopes(credentials.scope),
		granted:
			hasToken && typeof tokenData.scope === 'string'
				? operationScopes(tokenData.scope)
				: undefined,
	};
}

/** Where a Scoped OAuth app's permissions are set in PagerDuty. */
const APP_PERMISSIONS =
	'In PagerDuty, Integrations → App Registration → your app → Edit: tick the permission scope.';

/** How to get the missing scopes into the token, for the credential's grant and what it asks for. */
export function scopeAdvice(token: Pick<ScopedToken, 'grant' | 'requested'>, missing: string[]) {
	const list = missing.join(', ');
	const asked = missing.every((scope) => token.requested.includes(scope));
	const reconnect =
		token.grant === 'user'
			? ' Then reconnect the credential ("Connect my account"): a user token keeps the scopes it was granted.'
			: ' n8n fetches a new app token on the next run.';
	if (asked) {
		return `The credential asks for ${list}, but PagerDuty did not grant it: the app lacks the permission. ${APP_PERMISSIONS}${token.grant === 'user' ? reconnect : ''}`;
	}
	return `Add ${list} to the credential's scopes (PagerDuty Community Scoped OAuth2 API → Scopes: a preset that includes it, or Custom), and make sure the app in PagerDuty has that permission. ${APP_PERMISSIONS}${reconnect}`;
}

/** The error for a request refused before sending; the router adds the operation's name. */
export function missingScopeError(
	context: ClientContext,
	token: ScopedToken,
	endpoint: string,
	missing: string[],
): NodeOperationError {
	const granted = token.granted?.length ? token.granted.join(', ') : 'none';
	const error = new NodeOperationError(
		context.getNode(),
		`The Scoped OAuth token lacks the scope ${missing.join(', ')}, which PagerDuty requires for ${endpoint}`,
		{ description: `${scopeAdvice(token, missing)}\nThe token's scopes: ${granted}.` },
	);
	error.context.missingScopes = missing;
	return error;
}

/**
 * Refuses a request the token cannot make, before it is sent: when the stored token's granted
 * scopes are known and lack the endpoint's. An app token that lacks a scope the credential asks for
 * may predate a change of the credential's scopes: one new token is fetched, then checked again.
 * Endpoints the spec gives no scope, or does not know, are left to PagerDuty.
 */
export async function checkScope(
	context: ClientContext,
	credentialType: string,
	token: ScopedToken,
	method: string,
	path: string,
): Promise<void> {
	const required = endpointOf(method, path);
	if (!required?.scope || token.granted === undefined) return;
	const scope = required.scope;
	if (token.granted.includes(scope)) return;
	if (token.grant === 'app' && token.requested.includes(scope)) {
		token.refetched ??= (async () => {
			const fresh = (await context.helpers.refreshOAuth2Token.call(
				context,
				credentialType,
			)) as IDataObject;
			token.granted = operationScopes(fresh?.scope);
		})();
		await token.refetched;
		if (token.granted.includes(scope)) return;
	}
	throw missingScopeError(context, token, required.endpoint, [scope]);
}

/** The scopes a failed request needed: PagerDuty's `required_scopes`, else the table's. */
export function requiredScopesOf(method: string, path: string, body: unknown): string[] {
	const named = (body as { error?: { required_scopes?: unknown } } | undefined)?.error
		?.required_scopes;
	const fromBody = Array.isArray(named) ? named.map(String) : operationScopes(named);
	if (fromBody.length > 0) return fromBody;
	const scope = endpointOf(method, path)?.scope;
	return scope ? [scope] : [];
}

/** Puts the operation's name in front of a scope error (the transport knows only the endpoint). */
export function nameOperation<E extends Error & { context?: IDataObject }>(
	error: E,
	operation: string,
): E {
	if (error.context?.missingScopes && !error.message.startsWith(`${operation}: `)) {
		error.message = `${operation}: ${error.message}`;
	}
	return error;
}
