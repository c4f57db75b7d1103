/**
 * PagerDuty's OAuth at identity.pagerduty.com, enough for n8n's OAuth2 credentials:
 * - classic user OAuth (scope read or write): authorization code, optional PKCE, refresh;
 * - Scoped OAuth apps (private apps): app tokens by client credentials (no refresh token, a new
 *   one on expiry), and scoped user tokens by authorization code with PKCE (S256) and the client
 *   secret, with refresh. Scoped requests name the account as `as_account-<us|eu>.<subdomain>`.
 * /oauth/authorize redirects straight back with a code (no login page).
 */
import { createHash, randomBytes, timingSafeEqual } from 'crypto';

export interface OAuthClientConfig {
	clientId: string;
	clientSecret: string;
	/** 'classic' (default): scope read or write. 'scoped': a Scoped OAuth app. */
	kind?: 'classic' | 'scoped';
	/** Scoped apps only: the scopes the app was given (default: every scope the spec names). */
	scopes?: string[];
}

/** The PagerDuty account the sandbox plays: scoped token requests must name it. */
export interface OAuthAccount {
	region: 'us' | 'eu';
	subdomain: string;
}

export interface OAuthTokenResponse {
	access_token: string;
	refresh_token: string;
	token_type: 'bearer';
	expires_in: number;
	scope: string;
}

/** A Scoped OAuth app token: no refresh token, a new one is requested on expiry. */
export type AppTokenResponse = Omit<OAuthTokenResponse, 'refresh_token'>;

/** classic: user OAuth (read/write); app: client credentials; scoped-user: Scoped OAuth user token. */
export type OAuthGrantKind = 'classic' | 'app' | 'scoped-user';

export interface OAuthGrant {
	kind: OAuthGrantKind;
	clientId: string;
	/** The acting user; '' for app tokens, which act for the account. */
	userId: string;
	scope: string;
	accessToken: string;
	/** '' for app tokens. */
	refreshToken: string;
	issuedAt: number;
	accessExpiresAt: number;
	/** Epoch ms; 0 for app tokens. */
	refreshExpiresAt: number;
	/** Set when a refresh replaced this grant (both of its tokens stop working). */
	revoked: boolean;
}

interface AuthorizationCode {
	clientId: string;
	userId: string;
	scope: string;
	redirectUri?: string;
	codeChallenge?: string;
	codeChallengeMethod?: string;
	expiresAt: number;
}

export interface OAuthHttpResult {
	status: number;
	headers: Record<string, string>;
	body: unknown;
}

export interface OAuthServerOptions {
	clients: OAuthClientConfig[];
	/** Maps an optional login_hint email to a user id; undefined when unknown. */
	resolveUser: (email?: string) => string | undefined;
	now: () => number;
	/** Classic access token lifetime (PagerDuty: 30 days). */
	classicAccessTtlSeconds: number;
	account: OAuthAccount;
	/** Every scope name PagerDuty's spec uses: what a scoped app can be given. */
	knownScopes: string[];
}

const DAY_SECONDS = 24 * 60 * 60;
/** PagerDuty codes live 30 seconds. */
const CODE_TTL_MS = 30 * 1000;
/** Classic refresh tokens live 210 days; Scoped OAuth: tokens 1 day, user refresh tokens 30 days. */
const CLASSIC_REFRESH_TTL_SECONDS = 210 * DAY_SECONDS;
const SCOPED_ACCESS_TTL_SECONDS = DAY_SECONDS;
const SCOPED_REFRESH_TTL_SECONDS = 30 * DAY_SECONDS;
const ACCOUNT_SCOPE = /^as_account-([^.\s]+)\.(\S+)$/;

function randomToken(prefix: string): string {
	// PagerDuty tokens contain "+", "_" and "-"; clients must not choke on them.
	return `${prefix}${randomBytes(24).toString('base64url')}`;
}

function oauthError(status: number, error: string, description: string): OAuthHttpResult {
	return { status, headers: {}, body: { error, error_description: description } };
}

/**
 * PagerDuty answers a scope without the right `as_account-…` with invalid_request "Invalid scope"
 * (reported in PagerDuty/terraform-provider-pagerduty#936; modelled, the exact text is unverified).
 */
const invalidScope = (): OAuthHttpResult => oauthError(400, 'invalid_request', 'Invalid scope');

function safeEqual(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

function words(scope: string | null | undefined): string[] {
	return (scope ?? '').split(/\s+/).filter(Boolean);
}

/** Classic apps accept exactly "read" or "write"; anything else yields an openid-only token. */
export function normalizeScope(requested: string | undefined): string {
	const requestedWords = words(requested);
	if (requestedWords.includes('write')) return 'openid write';
	if (requestedWords.includes('read')) return 'openid read';
	return 'openid';
}

/** The scopes a token's scope string grants (the account scope and openid grant no operation). */
export function grantedScopes(scope: string): string[] {
	return words(scope).filter((word) => word !== 'openid' && !ACCOUNT_SCOPE.test(word));
}

/** Basic credentials as RFC 6749 wants them (form-encoded) or raw, as n8n sends them. */
function decodeBasicPart(part: string): string[] {
	try {
		const decoded = decodeURIComponent(part.replace(/\+/g, ' '));
		return decoded === part ? [part] : [part, decoded];
	} catch {
		return [part];
	}
}

export class OAuthServer {
	private readonly codes = new Map<string, AuthorizationCode>();
	private readonly byAccess = new Map<string, OAuthGrant>();
	private readonly byRefresh = new Map<string, OAuthGrant>();
	/** Every grant ever issued, in order (control API: did the client fetch a new token?). */
	private readonly issued: OAuthGrant[] = [];

	constructor(private readonly options: OAuthServerOptions) {}

	get account(): OAuthAccount {
		return this.options.account;
	}

	/** GET /oauth/authorize: immediate 302 back to redirect_uri with code and state. */
	authorize(params: URLSearchParams): OAuthHttpResult {
		const clientId = params.get('client_id') ?? '';
		const redirectUri = params.get('redirect_uri');
		const client = this.client(clientId);
		if (!client) return oauthError(400, 'invalid_client', 'Unknown client_id');
		if (!redirectUri) return oauthError(400, 'invalid_request', 'redirect_uri is required');
		let target: URL;
		try {
			target = new URL(redirectUri);
		} catch {
			return oauthError(400, 'invalid_request', 'redirect_uri is not a valid URL');
		}
		const state = params.get('state');
		if (state !== null) target.searchParams.set('state', state);
		const redirectWithError = (error: string): OAuthHttpResult => {
			target.searchParams.set('error', error);
			return { status: 302, headers: { location: target.toString() }, body: undefined };
		};

		const userId = this.options.resolveUser(params.get('login_hint') ?? undefined);
		if (!userId) return redirectWithError('access_denied');
		if (params.get('response_type') !== 'code')
			return redirectWithError('unsupported_response_type');
		const codeChallenge = params.get('code_challenge') ?? undefined;
		const codeChallengeMethod = params.get('code_challenge_method') ?? undefined;
		let scope: string;
		if (client.kind === 'scoped') {
			// Scoped user tokens need PKCE with S256; the account scope is optional here, but must match.
			if (!codeChallenge || codeChallengeMethod !== 'S256')
				return redirectWithError('invalid_request');
			const granted = this.scopedGrant(client, params.get('scope'), false);
			if (granted === undefined) return redirectWithError('invalid_scope');
			scope = granted;
		} else {
			scope = normalizeScope(params.get('scope') ?? undefined);
		}
		const code = randomBytes(16).toString('hex');
		this.codes.set(code, {
			clientId,
			userId,
			scope,
			redirectUri,
			codeChallenge,
			codeChallengeMethod,
			expiresAt: this.options.now() + CODE_TTL_MS,
		});
		target.searchParams.set('code', code);
		return { status: 302, headers: { location: target.toString() }, body: undefined };
	}

	/** POST /oauth/token with a form-urlencoded (or JSON) body. */
	token(authorization: string | undefined, fields: URLSearchParams): OAuthHttpResult {
		const credentials = this.clientCredentials(authorization, fields);
		if (!credentials) return oauthError(401, 'invalid_client', 'Client authentication failed');
		const client = credentials.client;
		const grantType = fields.get('grant_type');

		if (grantType === 'client_credentials') {
			if (!credentials.authenticated)
				return oauthError(401, 'invalid_client', 'client_secret is required');
			if (client.kind !== 'scoped')
				return oauthError(400, 'unauthorized_client', 'Not a Scoped OAuth app');
			const scope = this.scopedGrant(client, fields.get('scope'), true);
			if (scope === undefined) return invalidScope();
			const grant = this.createGrant('app', client.clientId, '', scope);
			return this.ok(this.responseFor(grant));
		}

		if (grantType === 'authorization_code') {
			const code = fields.get('code') ?? '';
			const pending = this.codes.get(code);
			this.codes.delete(code); // Single use, even when the exchange fails.
			if (
				!pending ||
				pending.expiresAt < this.options.now() ||
				pending.clientId !== client.clientId
			) {
				return oauthError(400, 'invalid_grant', 'Authorization code is invalid or expired');
			}
			const redirectUri = fields.get('redirect_uri');
			if (pending.redirectUri && redirectUri !== null && redirectUri !== pending.redirectUri) {
				return oauthError(400, 'invalid_grant', 'redirect_uri does not match');
			}
			if (!this.checkPkce(pending, fields.get('code_verifier'))) {
				return oauthError(400, 'invalid_grant', 'PKCE verification failed');
			}
			// Scoped apps are confidential clients: PKCE and the secret. Classic: the secret or PKCE.
			if (!credentials.authenticated && (client.kind === 'scoped' || !pending.codeChallenge)) {
				return oauthError(401, 'invalid_client', 'client_secret is required');
			}
			const kind = client.kind === 'scoped' ? 'scoped-user' : 'classic';
			const grant = this.createGrant(kind, client.clientId, pending.userId, pending.scope);
			return this.ok(this.responseFor(grant));
		}

		if (grantType === 'refresh_token') {
			if (!credentials.authenticated)
				return oauthError(401, 'invalid_client', 'client_secret is required');
			const grant = this.byRefresh.get(fields.get('refresh_token') ?? '');
			if (
				!grant ||
				grant.clientId !== client.clientId ||
				grant.refreshExpiresAt <= this.options.now()
			) {
				return oauthError(400, 'invalid_grant', 'Refresh token is invalid');
			}
			// Rotation: both old tokens stop working.
			this.revoke(grant);
			const renewed = this.createGrant(grant.kind, grant.clientId, grant.userId, grant.scope);
			return this.ok(this.responseFor(renewed));
		}

		return oauthError(
			400,
			'unsupported_grant_type',
			`Unsupported grant_type ${grantType ?? '(missing)'}`,
		);
	}

	/**
	 * Issues a user token directly (tests): classic clients take "read" or "write", scoped apps
	 * their scopes (the account scope is added).
	 */
	issue(clientId: string, scope = 'write', userEmail?: string): OAuthTokenResponse {
		const client = this.client(clientId);
		if (!client) throw new Error(`Unknown OAuth client ${clientId}`);
		const userId = this.options.resolveUser(userEmail);
		if (!userId) throw new Error(`Unknown user ${userEmail ?? '(default)'}`);
		if (client.kind !== 'scoped') {
			const grant = this.createGrant('classic', clientId, userId, normalizeScope(scope));
			return { ...this.responseFor(grant), refresh_token: grant.refreshToken };
		}
		const granted = this.scopedGrant(client, scope, false);
		if (granted === undefined) throw new Error(`Scope ${scope} names another account`);
		const grant = this.createGrant('scoped-user', clientId, userId, granted);
		return { ...this.responseFor(grant), refresh_token: grant.refreshToken };
	}

	/** Issues an app token directly (tests), as client credentials would. */
	issueAppToken(clientId: string, scope: string): AppTokenResponse {
		const client = this.client(clientId);
		if (client?.kind !== 'scoped') throw new Error(`${clientId} is not a Scoped OAuth app`);
		const granted = this.scopedGrant(client, scope, false);
		if (granted === undefined) throw new Error(`Scope ${scope} names another account`);
		return this.responseFor(this.createGrant('app', clientId, '', granted));
	}

	/** The grant behind a currently valid access token. */
	validate(accessToken: string): OAuthGrant | undefined {
		const grant = this.byAccess.get(accessToken);
		return grant && grant.accessExpiresAt > this.options.now() ? grant : undefined;
	}

	/** Every grant issued so far, oldest first. */
	grants(): readonly OAuthGrant[] {
		return this.issued;
	}

	expireAccessToken(accessToken: string): boolean {
		const grant = this.byAccess.get(accessToken);
		if (grant) grant.accessExpiresAt = 0;
		return grant !== undefined;
	}

	/** Expires the access tokens of one client (refresh tokens keep working). */
	expireClientTokens(clientId: string): void {
		for (const grant of this.byAccess.values())
			if (grant.clientId === clientId) grant.accessExpiresAt = 0;
	}

	expireAllAccessTokens(): void {
		for (const grant of this.byAccess.values()) grant.accessExpiresAt = 0;
	}

	private client(clientId: string | undefined): OAuthClientConfig | undefined {
		return this.options.clients.find((candidate) => candidate.clientId === clientId);
	}

	/**
	 * The scope string granted to a scoped app for a requested one, or undefined when the request
	 * names another account (or, when `accountRequired`, none). Scopes the app was not given, or
	 * PagerDuty does not know, are dropped without an error; with none left, the token holds only
	 * openid. The answer leads with the account scope, as PagerDuty's docs show it.
	 */
	private scopedGrant(
		client: OAuthClientConfig,
		requested: string | null,
		accountRequired: boolean,
	): string | undefined {
		const { region, subdomain } = this.options.account;
		const accountScope = `as_account-${region}.${subdomain}`;
		const requestedWords = words(requested);
		const accounts = requestedWords.filter((word) => ACCOUNT_SCOPE.test(word));
		if (accounts.some((account) => account !== accountScope)) return undefined;
		if (accountRequired && accounts.length === 0) return undefined;
		const allowed = new Set(client.scopes ?? this.options.knownScopes);
		const known = new Set(this.options.knownScopes);
		const granted = [
			...new Set(requestedWords.filter((word) => allowed.has(word) && known.has(word))),
		];
		return [accountScope, ...(granted.length > 0 ? granted : ['openid'])].join(' ');
	}

	private clientCredentials(
		authorization: string | undefined,
		fields: URLSearchParams,
	): { client: OAuthClientConfig; authenticated: boolean } | undefined {
		let clientIds = [fields.get('client_id') ?? ''];
		let secrets = [fields.get('client_secret') ?? ''];
		const basic = authorization && /^Basic\s+(.+)$/i.exec(authorization.trim());
		if (basic) {
			const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
			const separator = decoded.indexOf(':');
			if (separator < 0) return undefined;
			clientIds = decodeBasicPart(decoded.slice(0, separator));
			secrets = decodeBasicPart(decoded.slice(separator + 1));
		}
		const client = clientIds.map((id) => this.client(id)).find(Boolean);
		if (!client) return undefined;
		if (secrets.every((secret) => secret === '')) return { client, authenticated: false };
		return secrets.some((secret) => safeEqual(secret, client.clientSecret))
			? { client, authenticated: true }
			: undefined;
	}

	private checkPkce(code: AuthorizationCode, verifier: string | null): boolean {
		if (!code.codeChallenge) return true;
		if (!verifier) return false;
		const method = (code.codeChallengeMethod ?? 'plain').toUpperCase();
		const computed =
			method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
		return safeEqual(computed, code.codeChallenge);
	}

	private createGrant(
		kind: OAuthGrantKind,
		clientId: string,
		userId: string,
		scope: string,
	): OAuthGrant {
		const now = this.options.now();
		const accessTtl =
			kind === 'classic' ? this.options.classicAccessTtlSeconds : SCOPED_ACCESS_TTL_SECONDS;
		const refreshTtl =
			kind === 'classic'
				? CLASSIC_REFRESH_TTL_SECONDS
				: kind === 'scoped-user'
					? SCOPED_REFRESH_TTL_SECONDS
					: 0;
		const grant: OAuthGrant = {
			kind,
			clientId,
			userId,
			scope,
			accessToken: randomToken('pdus+_0X'),
			refreshToken: refreshTtl > 0 ? randomToken('pdus+_1X') : '',
			issuedAt: now,
			accessExpiresAt: now + accessTtl * 1000,
			refreshExpiresAt: refreshTtl > 0 ? now + refreshTtl * 1000 : 0,
			revoked: false,
		};
		this.byAccess.set(grant.accessToken, grant);
		if (grant.refreshToken) this.byRefresh.set(grant.refreshToken, grant);
		this.issued.push(grant);
		return grant;
	}

	private revoke(grant: OAuthGrant): void {
		grant.revoked = true;
		this.byAccess.delete(grant.accessToken);
		this.byRefresh.delete(grant.refreshToken);
	}

	/** The token answer; a refresh token only for grants that have one. */
	private responseFor(grant: OAuthGrant): AppTokenResponse & { refresh_token?: string } {
		return {
			access_token: grant.accessToken,
			...(grant.refreshToken ? { refresh_token: grant.refreshToken } : {}),
			token_type: 'bearer',
			expires_in: Math.round((grant.accessExpiresAt - grant.issuedAt) / 1000),
			scope: grant.scope,
		};
	}

	private ok(body: unknown): OAuthHttpResult {
		return { status: 200, headers: { 'cache-control': 'no-store' }, body };
	}
}
