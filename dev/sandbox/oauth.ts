/**
 * Classic PagerDuty user OAuth (authorization code + refresh token), enough for n8n's OAuth2
 * credential: /oauth/authorize redirects straight back with a code (no login page).
 */
import { createHash, randomBytes, timingSafeEqual } from 'crypto';

export interface OAuthClientConfig {
	clientId: string;
	clientSecret: string;
}

export interface OAuthTokenResponse {
	access_token: string;
	refresh_token: string;
	token_type: 'bearer';
	expires_in: number;
	scope: string;
}

export interface OAuthGrant {
	clientId: string;
	userId: string;
	scope: string;
	accessToken: string;
	refreshToken: string;
	accessExpiresAt: number;
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

/** PagerDuty codes live 30 seconds. */
const CODE_TTL_MS = 30 * 1000;

function randomToken(prefix: string): string {
	// PagerDuty tokens contain "+", "_" and "-"; clients must not choke on them.
	return `${prefix}${randomBytes(24).toString('base64url')}`;
}

function oauthError(status: number, error: string, description: string): OAuthHttpResult {
	return { status, headers: {}, body: { error, error_description: description } };
}

function safeEqual(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

/** Classic apps accept exactly "read" or "write"; anything else yields an openid-only token. */
export function normalizeScope(requested: string | undefined): string {
	const words = (requested ?? '').split(/\s+/).filter(Boolean);
	if (words.includes('write')) return 'openid write';
	if (words.includes('read')) return 'openid read';
	return 'openid';
}

export class OAuthServer {
	private readonly codes = new Map<string, AuthorizationCode>();
	private readonly byAccess = new Map<string, OAuthGrant>();
	private readonly byRefresh = new Map<string, OAuthGrant>();

	constructor(
		private readonly clients: OAuthClientConfig[],
		/** Maps an optional login_hint email to a user id; undefined when unknown. */
		private readonly resolveUser: (email?: string) => string | undefined,
		private readonly now: () => number,
		private readonly accessTtlSeconds: number,
	) {}

	/** GET /oauth/authorize: immediate 302 back to redirect_uri with code and state. */
	authorize(params: URLSearchParams): OAuthHttpResult {
		const clientId = params.get('client_id') ?? '';
		const redirectUri = params.get('redirect_uri');
		if (!this.clients.some((client) => client.clientId === clientId)) {
			return oauthError(400, 'invalid_client', 'Unknown client_id');
		}
		if (!redirectUri) return oauthError(400, 'invalid_request', 'redirect_uri is required');
		let target: URL;
		try {
			target = new URL(redirectUri);
		} catch {
			return oauthError(400, 'invalid_request', 'redirect_uri is not a valid URL');
		}
		const state = params.get('state');
		if (state !== null) target.searchParams.set('state', state);

		const userId = this.resolveUser(params.get('login_hint') ?? undefined);
		if (params.get('response_type') !== 'code' || !userId) {
			target.searchParams.set('error', userId ? 'unsupported_response_type' : 'access_denied');
			return { status: 302, headers: { location: target.toString() }, body: undefined };
		}
		const code = randomBytes(16).toString('hex');
		this.codes.set(code, {
			clientId,
			userId,
			scope: normalizeScope(params.get('scope') ?? undefined),
			redirectUri,
			codeChallenge: params.get('code_challenge') ?? undefined,
			codeChallengeMethod: params.get('code_challenge_method') ?? undefined,
			expiresAt: this.now() + CODE_TTL_MS,
		});
		target.searchParams.set('code', code);
		return { status: 302, headers: { location: target.toString() }, body: undefined };
	}

	/** POST /oauth/token with a form-urlencoded (or JSON) body. */
	token(authorization: string | undefined, fields: URLSearchParams): OAuthHttpResult {
		const credentials = this.clientCredentials(authorization, fields);
		if (!credentials) return oauthError(401, 'invalid_client', 'Client authentication failed');
		const grantType = fields.get('grant_type');

		if (grantType === 'authorization_code') {
			const code = fields.get('code') ?? '';
			const pending = this.codes.get(code);
			this.codes.delete(code); // Single use, even when the exchange fails.
			if (!pending || pending.expiresAt < this.now() || pending.clientId !== credentials.clientId) {
				return oauthError(400, 'invalid_grant', 'Authorization code is invalid or expired');
			}
			const redirectUri = fields.get('redirect_uri');
			if (pending.redirectUri && redirectUri !== null && redirectUri !== pending.redirectUri) {
				return oauthError(400, 'invalid_grant', 'redirect_uri does not match');
			}
			if (!this.checkPkce(pending, fields.get('code_verifier'))) {
				return oauthError(400, 'invalid_grant', 'PKCE verification failed');
			}
			if (!credentials.authenticated && !pending.codeChallenge) {
				return oauthError(401, 'invalid_client', 'client_secret is required without PKCE');
			}
			return this.ok(this.createGrant(credentials.clientId, pending.userId, pending.scope));
		}

		if (grantType === 'refresh_token') {
			if (!credentials.authenticated)
				return oauthError(401, 'invalid_client', 'client_secret is required');
			const grant = this.byRefresh.get(fields.get('refresh_token') ?? '');
			if (!grant || grant.clientId !== credentials.clientId) {
				return oauthError(400, 'invalid_grant', 'Refresh token is invalid');
			}
			// Rotation: both old tokens stop working.
			this.revoke(grant);
			return this.ok(this.createGrant(grant.clientId, grant.userId, grant.scope));
		}

		return oauthError(
			400,
			'unsupported_grant_type',
			`Unsupported grant_type ${grantType ?? '(missing)'}`,
		);
	}

	/** Issues tokens directly (tests); scope "read" or "write" as PagerDuty classic apps. */
	issue(clientId: string, scope = 'write', userEmail?: string): OAuthTokenResponse {
		if (!this.clients.some((client) => client.clientId === clientId)) {
			throw new Error(`Unknown OAuth client ${clientId}`);
		}
		const userId = this.resolveUser(userEmail);
		if (!userId) throw new Error(`Unknown user ${userEmail ?? '(default)'}`);
		return this.responseFor(this.createGrant(clientId, userId, normalizeScope(scope)));
	}

	/** The grant behind a currently valid access token. */
	validate(accessToken: string): OAuthGrant | undefined {
		const grant = this.byAccess.get(accessToken);
		return grant && grant.accessExpiresAt > this.now() ? grant : undefined;
	}

	expireAccessToken(accessToken: string): boolean {
		const grant = this.byAccess.get(accessToken);
		if (grant) grant.accessExpiresAt = 0;
		return grant !== undefined;
	}

	expireAllAccessTokens(): void {
		for (const grant of this.byAccess.values()) grant.accessExpiresAt = 0;
	}

	private clientCredentials(
		authorization: string | undefined,
		fields: URLSearchParams,
	): { clientId: string; authenticated: boolean } | undefined {
		let clientId = fields.get('client_id') ?? undefined;
		let secret = fields.get('client_secret') ?? undefined;
		const basic = authorization && /^Basic\s+(.+)$/i.exec(authorization.trim());
		if (basic) {
			const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
			const separator = decoded.indexOf(':');
			if (separator < 0) return undefined;
			clientId = decodeURIComponent(decoded.slice(0, separator));
			secret = decodeURIComponent(decoded.slice(separator + 1));
		}
		const client = this.clients.find((candidate) => candidate.clientId === clientId);
		if (!client) return undefined;
		if (secret === undefined || secret === '')
			return { clientId: client.clientId, authenticated: false };
		return safeEqual(secret, client.clientSecret)
			? { clientId: client.clientId, authenticated: true }
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

	private createGrant(clientId: string, userId: string, scope: string): OAuthGrant {
		const grant: OAuthGrant = {
			clientId,
			userId,
			scope,
			accessToken: randomToken('pdus+_0X'),
			refreshToken: randomToken('pdus+_1X'),
			accessExpiresAt: this.now() + this.accessTtlSeconds * 1000,
		};
		this.byAccess.set(grant.accessToken, grant);
		this.byRefresh.set(grant.refreshToken, grant);
		return grant;
	}

	private revoke(grant: OAuthGrant): void {
		this.byAccess.delete(grant.accessToken);
		this.byRefresh.delete(grant.refreshToken);
	}

	private responseFor(grant: OAuthGrant): OAuthTokenResponse {
		return {
			access_token: grant.accessToken,
			refresh_token: grant.refreshToken,
			token_type: 'bearer',
			expires_in: this.accessTtlSeconds,
			scope: grant.scope,
		};
	}

	private ok(grant: OAuthGrant): OAuthHttpResult {
		return { status: 200, headers: { 'cache-control': 'no-store' }, body: this.responseFor(grant) };
	}
}
