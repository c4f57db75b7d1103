/**
 * Stateful PagerDuty REST v2 sandbox on Node's http module: contract-validated requests,
 * token/OAuth auth, classic pagination, rate-limit headers, OAuth server and fault injection.
 * Test-only control API under /__sandbox/* (no auth, not validated, not recorded).
 */
import { randomUUID } from 'crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';

import { Contract, loadContract, validateRequest } from './contract';
import {
	accessDenied,
	authenticationFailed,
	defaultFaultBody,
	FROM_HEADER_MESSAGE,
	invalidInput,
	methodNotAllowed,
	missingScope,
	notFound,
	PagerDutyError,
	rateLimitExceeded,
} from './errors';
import { DEFAULT_ROUTING_KEY, SandboxEvents } from './events';
import {
	AppTokenResponse,
	grantedScopes,
	OAuthClientConfig,
	OAuthGrant,
	OAuthServer,
	OAuthTokenResponse,
} from './oauth';
import { PrincipalKind, RestResponse } from './rest-common';
import { REST_HANDLERS } from './rest-handlers';
import { createSeededStore, DEFAULT_ADMIN_EMAIL, DEFAULT_SUBDOMAIN, SeedOptions } from './seed';
import { SandboxStore, User } from './store';
import {
	buildEvent,
	deliverToSubscription,
	DeliveryOptions,
	DeliveryResult,
	Forgery,
} from './webhook-delivery';
import { findWebhookSubscription } from './webhook-subscriptions';

export interface ApiTokenConfig {
	token: string;
	kind: 'account' | 'user';
	/** For user tokens: the token owner (default: the admin, jane.doe@example.com). */
	userEmail?: string;
	/** Read-only keys get 403 on anything but GET. */
	readOnly?: boolean;
}

export interface SandboxOptions {
	/** 0 = random free port (default). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Default: DEFAULT_ACCOUNT_TOKEN (account) and DEFAULT_USER_TOKEN (user, the admin). */
	apiTokens?: ApiTokenConfig[];
	/** Default: DEFAULT_OAUTH_CLIENT (classic) and DEFAULT_SCOPED_OAUTH_APP (Scoped OAuth). */
	oauthClients?: OAuthClientConfig[];
	/**
	 * The account's service region (default 'us'): Scoped OAuth token requests must name the account
	 * as `as_account-<region>.<subdomain>` (the subdomain is seed.subdomain, default 'acme').
	 */
	region?: 'us' | 'eu';
	seed?: SeedOptions;
	/** Delay before answering REST and OAuth requests. */
	latencyMs?: number;
	/** Requests per 60 s window per credential (default 960). */
	rateLimitPerMinute?: number;
	/** Length of the rate-limit window (default 60 s, PagerDuty's); tests shorten it. */
	rateWindowMs?: number;
	/** Answer 429 once the window is used up (default false: headers only). */
	enforceRateLimit?: boolean;
	/** Classic OAuth access token lifetime (default 30 days, as PagerDuty's; scoped tokens: 1 day). */
	oauthAccessTokenTtlSeconds?: number;
	/**
	 * Events API v2 routing keys → service ID or name ('' = the first service). Unknown keys get
	 * PagerDuty's 400 "Invalid routing key". Default: DEFAULT_ROUTING_KEY → the first service.
	 */
	routingKeys?: Record<string, string>;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Array<[string, string]>;
	/** Lower-case header names, as received (includes host). */
	headers: Record<string, string | undefined>;
	/** Parsed JSON (or form fields for /oauth/token); the raw string if it did not parse. */
	body: unknown;
	/** 0 when the connection was dropped by fault injection. */
	status: number;
	/** Contract operation, e.g. 'GET /incidents/{id}', or 'POST /oauth/token'. */
	operation?: string;
	/** Epoch ms when the request arrived. */
	at: number;
}

export interface FaultResponse {
	status: number;
	/** Sent as-is; nothing else is added (a bare 429 has no ratelimit-* headers). */
	headers?: Record<string, string>;
	/** undefined: PagerDuty-style default body for the status; null: empty body. */
	body?: unknown;
	/**
	 * Only for this operation (e.g. 'GET /incidents' or 'POST /oauth/token'). Without it the
	 * fault applies to the next REST requests of any operation (never to OAuth).
	 */
	operation?: string;
	/**
	 * A hostile upstream: the body repeats the request (its headers, query and body), as some
	 * proxies' and servers' error pages do. 'json': in the API's error envelope (PagerDuty's, the
	 * Events API's or OAuth's); 'text': as plain text. Overrides `body`.
	 */
	echo?: 'json' | 'text';
	/** Announces the whole body, sends this many bytes of it, then cuts the connection. */
	cutAfterBytes?: number;
	/** Answer the request as usual, with `headers` added (hostile rate-limit headers on good answers). */
	addHeadersOnly?: boolean;
}

/** A fault answered at random, with this probability, to any REST request (benchmarks, soak tests). */
export interface RandomFault extends FaultResponse {
	probability: number;
}

export const DEFAULT_ACCOUNT_TOKEN = 'sandbox-account-token';
export const DEFAULT_USER_TOKEN = 'sandbox-user-token';
export const DEFAULT_OAUTH_CLIENT: OAuthClientConfig = {
	clientId: 'sandbox-client-id',
	clientSecret: 'sandbox-client-secret',
};
/** A Scoped OAuth app given every scope PagerDuty's spec names. */
export const DEFAULT_SCOPED_OAUTH_APP: OAuthClientConfig = {
	clientId: 'sandbox-scoped-client-id',
	clientSecret: 'sandbox-scoped-client-secret',
	kind: 'scoped',
};
export { DEFAULT_SUBDOMAIN };

const RATE_WINDOW_MS = 60 * 1000;
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** What a credential may do: API keys may be read-only, classic OAuth is read or write, Scoped OAuth has scopes. */
type Access =
	| { kind: 'api-key'; readOnly: boolean }
	| { kind: 'classic-oauth'; scope: string }
	| { kind: 'scoped-oauth'; scope: string };

interface Principal {
	/** account: no user identity (account API keys, Scoped OAuth app tokens: From names the actor). */
	kind: PrincipalKind;
	/** The rate-limit bucket. */
	key: string;
	user?: User;
	access: Access;
}

interface RequestInfo {
	method: string;
	path: string;
	query: Array<[string, string]>;
	headers: Record<string, string | undefined>;
	rawBody: string;
	at: number;
}

function flattenHeaders(req: IncomingMessage): Record<string, string | undefined> {
	const headers: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('request body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseJsonOrRaw(rawBody: string): unknown {
	if (rawBody === '') return undefined;
	try {
		return JSON.parse(rawBody);
	} catch {
		return rawBody;
	}
}

/** A grant as the control API lists it: times as ISO strings, whether its access token still works. */
function describeGrant(grant: OAuthGrant) {
	const iso = (ms: number) => (ms > 0 ? new Date(ms).toISOString() : null);
	return {
		kind: grant.kind,
		client_id: grant.clientId,
		user_id: grant.userId || null,
		scope: grant.scope,
		access_token: grant.accessToken,
		issued_at: iso(grant.issuedAt),
		access_expires_at: new Date(grant.accessExpiresAt).toISOString(),
		refresh_expires_at: iso(grant.refreshExpiresAt),
		active: !grant.revoked && grant.accessExpiresAt > Date.now(),
	};
}

/** The request as a hostile upstream repeats it: every header, the query and the raw body. */
function echoBody(info: RequestInfo, form: 'json' | 'text'): unknown {
	const lines = [
		`${info.method} ${info.path}${info.query.length > 0 ? `?${new URLSearchParams(info.query)}` : ''}`,
		...Object.entries(info.headers).map(([name, value]) => `${name}: ${value}`),
		info.rawBody,
	];
	if (form === 'text') return lines.join('\n');
	const message = `Cannot process ${lines[0]}`;
	if (info.path === '/oauth/token') {
		return { error: 'invalid_request', error_description: `${message}: ${lines.join(' | ')}` };
	}
	if (info.path.startsWith('/v2/'))
		return { status: 'invalid event', message, errors: lines.slice(1) };
	return { error: { message, code: 2001, errors: lines.slice(1) } };
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export class PagerDutySandbox {
	url = '';
	/** Every REST and OAuth request, in arrival order (cleared in place by reset()). */
	readonly requests: RecordedRequest[] = [];
	store: SandboxStore;
	readonly oauth: OAuthServer;

	private readonly server: Server;
	private readonly contract: Contract;
	private readonly events: SandboxEvents;
	private readonly apiTokens: ApiTokenConfig[];
	private latencyMs: number;
	private readonly faults: Array<FaultResponse & { remaining: number }> = [];
	private dropsRemaining = 0;
	private readonly rateWindows = new Map<string, { start: number; count: number }>();
	private randomFaults: RandomFault[] = [];
	/** The rate limit in force: the options' until the control API changes it (reset() restores them). */
	private rateLimit: RateLimitSettings;
	private nextRandom: () => number = Math.random;

	/** What the sandbox did to requests beyond answering them: the benchmark reports these. */
	readonly stats = { rateLimited: 0, randomFaults: 0, announcedResetSeconds: 0, maxInFlight: 0 };
	private inFlight = 0;

	constructor(private readonly options: SandboxOptions = {}) {
		this.contract = loadContract();
		this.events = new SandboxEvents(options.routingKeys ?? { [DEFAULT_ROUTING_KEY]: '' });
		this.store = createSeededStore(options.seed);
		this.apiTokens = options.apiTokens ?? [
			{ token: DEFAULT_ACCOUNT_TOKEN, kind: 'account' },
			{ token: DEFAULT_USER_TOKEN, kind: 'user', userEmail: DEFAULT_ADMIN_EMAIL },
		];
		this.latencyMs = options.latencyMs ?? 0;
		this.rateLimit = this.rateLimitFromOptions();
		this.oauth = new OAuthServer({
			clients: options.oauthClients ?? [DEFAULT_OAUTH_CLIENT, DEFAULT_SCOPED_OAUTH_APP],
			resolveUser: (email) => (email ? this.store.userByEmail(email) : this.defaultUser())?.id,
			now: () => Date.now(),
			classicAccessTtlSeconds: options.oauthAccessTokenTtlSeconds ?? 30 * 24 * 60 * 60,
			account: {
				region: options.region ?? 'us',
				subdomain: options.seed?.subdomain ?? DEFAULT_SUBDOMAIN,
			},
			knownScopes: this.contract.scopes ?? [],
		});
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => this.sendUnexpected(res, error));
		});
	}

	start(): Promise<void> {
		return new Promise((resolve, reject) => {
			const host = this.options.host ?? '127.0.0.1';
			this.server.once('error', reject);
			this.server.listen(this.options.port ?? 0, host, () => {
				this.server.off('error', reject);
				const { port } = this.server.address() as AddressInfo;
				this.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
				resolve();
			});
		});
	}

	close(): Promise<void> {
		return new Promise((resolve) => {
			if (!this.server.listening) {
				resolve();
				return;
			}
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	/** Fresh seeded data, empty request log, no faults, default latency, fresh rate windows. OAuth grants survive. */
	reset(): void {
		this.store = createSeededStore(this.options.seed);
		this.requests.splice(0, this.requests.length);
		this.clearFaults();
		this.latencyMs = this.options.latencyMs ?? 0;
		this.rateWindows.clear();
		this.rateLimit = this.rateLimitFromOptions();
		this.stats.rateLimited = 0;
		this.stats.randomFaults = 0;
		this.stats.announcedResetSeconds = 0;
		this.stats.maxInFlight = 0;
	}

	// ----- fault injection -----

	setLatency(ms: number): void {
		this.latencyMs = Math.max(0, ms);
	}

	/** The next `count` matching requests get this response instead of being processed. */
	queueResponses(count: number, response: FaultResponse): void {
		if (count > 0) this.faults.push({ ...response, remaining: count });
	}

	/** Destroys the socket of the next `count` REST requests without answering. */
	dropConnections(count: number): void {
		this.dropsRemaining += Math.max(0, count);
	}

	clearFaults(): void {
		this.faults.splice(0, this.faults.length);
		this.dropsRemaining = 0;
		this.randomFaults = [];
	}

	/** Answers REST requests with these faults at random (seeded, so a run can be repeated). */
	setRandomFaults(faults: RandomFault[], seed = 1): void {
		this.randomFaults = faults;
		let state = seed >>> 0 || 1;
		// xorshift32: small, fast and deterministic for a given seed.
		this.nextRandom = () => {
			state ^= state << 13;
			state ^= state >>> 17;
			state ^= state << 5;
			return (state >>> 0) / 4294967296;
		};
	}

	private takeRandomFault(): FaultResponse | undefined {
		if (this.randomFaults.length === 0) return undefined;
		let roll = this.nextRandom();
		for (const fault of this.randomFaults) {
			if (roll < fault.probability) {
				this.stats.randomFaults++;
				this.stats.announcedResetSeconds += Number(fault.headers?.['ratelimit-reset'] ?? 0);
				return fault;
			}
			roll -= fault.probability;
		}
		return undefined;
	}

	clearRequests(): void {
		this.requests.splice(0, this.requests.length);
	}

	// ----- OAuth helpers for tests -----

	/** A user token: classic clients take "read" or "write", Scoped OAuth apps their scopes. */
	issueOAuthToken(clientId: string, scope = 'write', userEmail?: string): OAuthTokenResponse {
		return this.oauth.issue(clientId, scope, userEmail);
	}

	/** A Scoped OAuth app token, as client credentials would give (the account scope is added). */
	issueAppToken(clientId: string, scope: string): AppTokenResponse {
		return this.oauth.issueAppToken(clientId, scope);
	}

	/** Every OAuth grant issued so far, oldest first (tests: did the client fetch a new token?). */
	oauthGrants(): readonly OAuthGrant[] {
		return this.oauth.grants();
	}

	expireAccessToken(token: string): void {
		this.oauth.expireAccessToken(token);
	}

	/** Expires every access token of one OAuth client, e.g. all app tokens of a Scoped OAuth app. */
	expireClientTokens(clientId: string): void {
		this.oauth.expireClientTokens(clientId);
	}

	expireAllAccessTokens(): void {
		this.oauth.expireAllAccessTokens();
	}

	// ----- request handling -----

	private defaultUser(): User | undefined {
		return (
			this.store.userByEmail(DEFAULT_ADMIN_EMAIL) ??
			this.store.users.find((user) => user.role === 'admin')
		);
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const info: RequestInfo = {
			method: (req.method ?? 'GET').toUpperCase(),
			path: url.pathname,
			query: [...url.searchParams.entries()],
			headers: flattenHeaders(req),
			rawBody: await readBody(req),
			at: Date.now(),
		};

		if (info.path.startsWith('/__sandbox/')) {
			await this.handleControl(info, res);
			return;
		}
		const isOAuth = info.path === '/oauth/authorize' || info.path === '/oauth/token';
		if (!isOAuth && this.dropsRemaining > 0) {
			this.dropsRemaining--;
			this.record(info, 0, undefined, parseJsonOrRaw(info.rawBody));
			req.socket.destroy();
			return;
		}
		// Requests under way at once, from arrival to answer: shows that a client really works in parallel.
		this.inFlight++;
		this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight);
		try {
			if (this.latencyMs > 0) await delay(this.latencyMs);
			if (isOAuth) this.handleOAuth(info, url, res);
			else if (info.path.startsWith('/v2/')) this.handleEvents(info, res);
			else this.handleRest(info, res);
		} finally {
			this.inFlight--;
		}
	}

	private takeFault(operation: string | undefined, isOAuth: boolean): FaultResponse | undefined {
		const index = this.faults.findIndex((fault) =>
			fault.operation === undefined ? !isOAuth : fault.operation === operation,
		);
		if (index < 0) return undefined;
		const fault = this.faults[index];
		fault.remaining--;
		if (fault.remaining <= 0) this.faults.splice(index, 1);
		return fault;
	}

	private sendFault(res: ServerResponse, fault: FaultResponse, info?: RequestInfo): number {
		let body = fault.body === undefined ? defaultFaultBody(fault.status) : fault.body;
		const headers: Record<string, string> = { ...(fault.headers ?? {}) };
		if (fault.echo && info) {
			body = echoBody(info, fault.echo);
			if (fault.echo === 'text') headers['content-type'] = 'text/plain; charset=utf-8';
		}
		if (
			body !== null &&
			!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')
		) {
			headers['content-type'] = 'application/json; charset=utf-8';
		}
		const payload =
			body === null ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
		if (fault.cutAfterBytes !== undefined && payload !== undefined) {
			const bytes = Buffer.from(payload, 'utf8');
			res.writeHead(fault.status, { ...headers, 'content-length': String(bytes.length) });
			res.write(bytes.subarray(0, fault.cutAfterBytes), () => res.socket?.destroy());
			return fault.status;
		}
		res.writeHead(fault.status, headers);
		res.end(payload);
		return fault.status;
	}

	/** Events API v2 (/v2/enqueue, /v2/change/enqueue): routing keys instead of tokens, own contract. */
	private handleEvents(info: RequestInfo, res: ServerResponse): void {
		const operation = this.events.operationOf(info);
		const fault = this.takeFault(operation, false);
		if (fault) {
			this.record(info, this.sendFault(res, fault, info), operation, parseJsonOrRaw(info.rawBody));
			return;
		}
		const result = this.events.handle(this.store, info);
		this.sendJson(res, result.status, result.body);
		this.record(info, result.status, result.operation, result.requestBody);
	}

	private handleRest(info: RequestInfo, res: ServerResponse): void {
		const validation = validateRequest(this.contract, info);
		const operation = validation.ok ? validation.match.operation : validation.operation;
		const body = validation.ok ? validation.match.body : parseJsonOrRaw(info.rawBody);

		const fault = this.takeFault(operation, false) ?? this.takeRandomFault();
		if (fault && !fault.addHeadersOnly) {
			this.record(info, this.sendFault(res, fault, info), operation, body);
			return;
		}

		let rateHeaders: Record<string, string> = {};
		const respond = (
			status: number,
			payload: unknown,
			extraHeaders: Record<string, string> = {},
		): void => {
			this.sendJson(res, status, payload, {
				...rateHeaders,
				...extraHeaders,
				...(fault?.addHeadersOnly ? fault.headers : {}),
			});
			this.record(info, status, operation, body);
		};
		const fail = (error: PagerDutyError): void => respond(error.status, error.body, error.headers);

		if (!validation.ok && validation.status !== 400) {
			fail(validation.status === 404 ? notFound() : methodNotAllowed(validation.violations));
			return;
		}
		const principal = this.authenticate(info.headers.authorization);
		if (!principal) {
			fail(authenticationFailed());
			return;
		}
		const rate = this.countRate(principal.key);
		rateHeaders = rate.headers;
		if (!validation.ok) {
			fail(invalidInput(validation.violations));
			return;
		}
		const denied = this.checkPermission(principal, info.method, validation.match.operation);
		if (denied) {
			fail(denied);
			return;
		}
		if (rate.exceeded) {
			this.stats.rateLimited++;
			fail(rateLimitExceeded());
			return;
		}

		let actor: User | null;
		if (principal.kind === 'account') {
			const from = info.headers.from;
			actor = from ? (this.store.userByEmail(from) ?? null) : null;
			if (validation.match.fromRequired && !actor) {
				fail(invalidInput([FROM_HEADER_MESSAGE]));
				return;
			}
		} else {
			// User tokens and user OAuth tokens carry the identity; From is ignored.
			actor = principal.user ?? null;
		}

		const handler = REST_HANDLERS[validation.match.operation];
		if (!handler) {
			fail(notFound());
			return;
		}
		let result: RestResponse;
		try {
			result = handler(this.store, { match: validation.match, actor, principal: principal.kind });
		} catch (error) {
			if (error instanceof PagerDutyError) {
				fail(error);
				return;
			}
			throw error;
		}
		respond(result.status, result.body);
	}

	private authenticate(header: string | undefined): Principal | undefined {
		if (!header) return undefined;
		const tokenMatch = /^Token\s+token=(.+)$/i.exec(header.trim());
		if (tokenMatch) {
			const token = tokenMatch[1].replace(/^"(.*)"$/, '$1');
			const config = this.apiTokens.find((candidate) => candidate.token === token);
			if (!config) return undefined;
			const access: Access = { kind: 'api-key', readOnly: config.readOnly === true };
			const key = `token:${token}`;
			if (config.kind === 'account') return { kind: 'account', key, access };
			const user = config.userEmail ? this.store.userByEmail(config.userEmail) : this.defaultUser();
			return user ? { kind: 'user', key, user, access } : undefined;
		}
		const bearerMatch = /^Bearer\s+(.+)$/i.exec(header.trim());
		const grant = bearerMatch ? this.oauth.validate(bearerMatch[1]) : undefined;
		if (!grant) return undefined;
		if (grant.kind === 'app') {
			// PagerDuty counts app tokens per app per account: every token of the app shares one bucket.
			const access: Access = { kind: 'scoped-oauth', scope: grant.scope };
			return { kind: 'account', key: `app:${grant.clientId}`, access };
		}
		const user = this.store.user(grant.userId);
		if (!user) return undefined;
		const access: Access =
			grant.kind === 'classic'
				? { kind: 'classic-oauth', scope: grant.scope }
				: { kind: 'scoped-oauth', scope: grant.scope };
		return { kind: 'oauth', key: `oauth:${grant.clientId}:${grant.userId}`, user, access };
	}

	/**
	 * Scoped OAuth tokens need the operation's scope from the contract (x-pd-requires-scope). Where
	 * the spec names none (GET /users/me), nothing is enforced: PagerDuty documents no scope there.
	 * Classic tokens and API keys: a write (a .write scope, else any method but GET) needs write.
	 */
	private checkPermission(
		principal: Principal,
		method: string,
		operation: string,
	): PagerDutyError | undefined {
		const required = this.contract.operations[operation]?.scope ?? null;
		const { access } = principal;
		if (access.kind === 'scoped-oauth') {
			if (required === null || grantedScopes(access.scope).includes(required)) return undefined;
			return missingScope(required);
		}
		const writes = required ? required.endsWith('.write') : method !== 'GET';
		if (access.kind === 'classic-oauth') {
			const scopes = access.scope.split(' ');
			if (scopes.includes('write')) return undefined;
			if (scopes.includes('read') && !writes) return undefined;
			return accessDenied([
				`The OAuth token's scope "${access.scope}" does not allow this request.`,
			]);
		}
		if (access.readOnly && writes) return accessDenied(['This API key is read-only.']);
		return undefined;
	}

	private rateLimitFromOptions(): RateLimitSettings {
		return {
			perMinute: this.options.rateLimitPerMinute ?? 960,
			windowMs: this.options.rateWindowMs ?? RATE_WINDOW_MS,
			enforce: this.options.enforceRateLimit === true,
		};
	}

	/** Changes the rate limit from now on, with fresh windows. */
	setRateLimit(settings: Partial<RateLimitSettings>): void {
		this.rateLimit = { ...this.rateLimit, ...settings };
		this.rateWindows.clear();
	}

	/** Simple fixed 60 s window per credential, reported in ratelimit-* headers. */
	private countRate(key: string): { headers: Record<string, string>; exceeded: boolean } {
		const limit = this.rateLimit.perMinute;
		const now = Date.now();
		let window = this.rateWindows.get(key);
		const windowMs = this.rateLimit.windowMs;
		if (!window || now - window.start >= windowMs) {
			window = { start: now, count: 0 };
			this.rateWindows.set(key, window);
		}
		window.count++;
		const headers = {
			'ratelimit-limit': String(limit),
			'ratelimit-remaining': String(Math.max(0, limit - window.count)),
			'ratelimit-reset': String(Math.max(1, Math.ceil((window.start + windowMs - now) / 1000))),
		};
		return { headers, exceeded: this.rateLimit.enforce && window.count > limit };
	}

	private handleOAuth(info: RequestInfo, url: URL, res: ServerResponse): void {
		const operation = `${info.method} ${info.path}`;
		let fields: URLSearchParams | undefined;
		if (info.path === '/oauth/token') {
			fields = /json/i.test(info.headers['content-type'] ?? '')
				? new URLSearchParams(
						Object.entries((parseJsonOrRaw(info.rawBody) ?? {}) as Record<string, string>),
					)
				: new URLSearchParams(info.rawBody);
		}
		const recordedBody = fields
			? Object.fromEntries(fields.entries())
			: parseJsonOrRaw(info.rawBody);

		const fault = this.takeFault(operation, true);
		if (fault) {
			this.record(info, this.sendFault(res, fault, info), operation, recordedBody);
			return;
		}
		let result;
		if (info.path === '/oauth/authorize' && info.method === 'GET')
			result = this.oauth.authorize(url.searchParams);
		else if (info.path === '/oauth/token' && info.method === 'POST' && fields) {
			result = this.oauth.token(info.headers.authorization, fields);
		} else
			result = {
				status: 405,
				headers: {},
				body: { error: 'invalid_request', error_description: 'Method not allowed' },
			};

		if (result.body === undefined) {
			res.writeHead(result.status, result.headers);
			res.end();
		} else {
			this.sendJson(res, result.status, result.body, result.headers);
		}
		this.record(info, result.status, operation, recordedBody);
	}

	// ----- control API -----

	private async handleControl(info: RequestInfo, res: ServerResponse): Promise<void> {
		const route = `${info.method} ${info.path.replace(/\/+$/, '')}`;
		const input = (parseJsonOrRaw(info.rawBody) ?? {}) as Record<string, unknown>;
		const noContent = (): void => {
			res.writeHead(204);
			res.end();
		};
		try {
			switch (route) {
				case 'GET /__sandbox/health':
					this.sendJson(res, 200, { ok: true });
					return;
				case 'POST /__sandbox/rate-limit':
					this.setRateLimit({
						...(input.per_minute !== undefined && { perMinute: Number(input.per_minute) }),
						...(input.window_ms !== undefined && { windowMs: Number(input.window_ms) }),
						...(input.enforce !== undefined && { enforce: input.enforce === true }),
					});
					return noContent();
				case 'POST /__sandbox/webhooks/deliver':
					this.sendJson(res, 200, { deliveries: await this.deliverFromControl(input) });
					return;
				case 'GET /__sandbox/requests':
					this.sendJson(res, 200, { requests: this.requests });
					return;
				case 'DELETE /__sandbox/requests':
					this.clearRequests();
					return noContent();
				case 'POST /__sandbox/reset':
					this.reset();
					return noContent();
				case 'POST /__sandbox/latency':
					this.setLatency(Number(input.ms ?? 0));
					return noContent();
				case 'POST /__sandbox/faults':
					if (typeof input.status !== 'number') throw new Error('status (number) is required');
					this.queueResponses(Number(input.count ?? 1), {
						status: input.status,
						headers: input.headers as Record<string, string> | undefined,
						body: input.body,
						operation: input.operation as string | undefined,
						echo: input.echo as FaultResponse['echo'],
						cutAfterBytes: input.cutAfterBytes as number | undefined,
						addHeadersOnly: input.addHeadersOnly as boolean | undefined,
					});
					return noContent();
				case 'DELETE /__sandbox/faults':
					this.clearFaults();
					return noContent();
				case 'POST /__sandbox/drop':
					this.dropConnections(Number(input.count ?? 1));
					return noContent();
				case 'POST /__sandbox/oauth/token':
					if (input.grant_type === 'client_credentials') {
						const clientId = String(input.client_id ?? DEFAULT_SCOPED_OAUTH_APP.clientId);
						this.sendJson(res, 200, this.issueAppToken(clientId, String(input.scope ?? '')));
						return;
					}
					this.sendJson(
						res,
						200,
						this.issueOAuthToken(
							String(input.client_id ?? DEFAULT_OAUTH_CLIENT.clientId),
							input.scope === undefined ? undefined : String(input.scope),
							input.user_email === undefined ? undefined : String(input.user_email),
						),
					);
					return;
				case 'GET /__sandbox/oauth/grants':
					this.sendJson(res, 200, { grants: this.oauthGrants().map(describeGrant) });
					return;
				case 'POST /__sandbox/oauth/expire':
					if (typeof input.access_token === 'string') this.expireAccessToken(input.access_token);
					else if (typeof input.client_id === 'string') this.expireClientTokens(input.client_id);
					else this.expireAllAccessTokens();
					return noContent();
				default:
					this.sendJson(res, 404, { error: `Unknown control route ${route}` });
			}
		} catch (error) {
			this.sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
		}
	}

	/**
	 * `POST /__sandbox/webhooks/deliver {subscription_id, event_type, count?, same?, fresh_ids?, webhook_id?, forge?}`:
	 * sends `count` deliveries at once. With `same`, they are one delivery repeated byte for byte (one event, one
	 * X-Webhook-Id), as when PagerDuty retries while the first attempt is still being answered; with `fresh_ids`
	 * too, each copy gets a new X-Webhook-Id (a replay of a signed body). With `retries: N`, a delivery answered
	 * 5xx, 429 or not at all is sent again (same bytes, same X-Webhook-Id) up to N times, `retry_delay_ms` apart,
	 * as PagerDuty retries until it sees a 2xx.
	 */
	private async deliverFromControl(input: Record<string, unknown>): Promise<ControlDelivery[]> {
		const stored = findWebhookSubscription(this.store, String(input.subscription_id));
		const eventType = String(input.event_type ?? 'incident.triggered');
		const count = Math.max(1, Number(input.count ?? 1));
		const forge = input.forge as Forgery | undefined;
		const rawBody =
			input.same === true
				? Buffer.from(JSON.stringify(buildEvent(this.store, eventType)), 'utf8')
				: undefined;
		const sharedId =
			input.webhook_id !== undefined
				? String(input.webhook_id)
				: rawBody && input.fresh_ids !== true
					? randomUUID()
					: undefined;
		const retries = Number(input.retries ?? 0);
		const retryDelayMs = Number(input.retry_delay_ms ?? 1000);
		const attempt = (options: DeliveryOptions) =>
			deliverToSubscription(this.store, stored, eventType, options).catch(
				(error: Error): DeliveryResult => ({
					status: 0,
					body: error.message,
					webhookId: options.webhookId ?? '',
					sent: options.rawBody ?? Buffer.alloc(0),
				}),
			);
		const failed = (status: number) => status === 0 || status === 429 || status >= 500;
		const deliverOne = async (): Promise<ControlDelivery> => {
			const first = await attempt({ rawBody, webhookId: sharedId, forge });
			let last = first;
			let attempts = 1;
			while (failed(last.status) && attempts <= retries && first.sent.length > 0) {
				await delay(retryDelayMs);
				last = await attempt({ rawBody: first.sent, webhookId: first.webhookId, forge });
				attempts++;
			}
			return {
				status: last.status,
				body: last.body,
				webhook_id: first.webhookId,
				event_id: eventIdOf(first.sent),
				attempts,
				first_status: first.status,
			};
		};
		return await Promise.all(Array.from({ length: count }, deliverOne));
	}

	// ----- plumbing -----

	private sendJson(
		res: ServerResponse,
		status: number,
		body: unknown,
		headers: Record<string, string> = {},
	): void {
		if (status === 204 || body === undefined || body === null) {
			// PagerDuty answers deletes with 204 No Content: no body, no content type.
			res.writeHead(status, headers);
			res.end();
			return;
		}
		const payload = JSON.stringify(body);
		res.writeHead(status, {
			'content-type': 'application/json; charset=utf-8',
			'content-length': String(Buffer.byteLength(payload)),
			...headers,
		});
		res.end(payload);
	}

	private sendUnexpected(res: ServerResponse, error: unknown): void {
		if (res.headersSent || res.destroyed) {
			res.destroy();
			return;
		}
		this.sendJson(res, 500, {
			error: {
				message: 'Internal Server Error',
				code: 2000,
				errors: [error instanceof Error ? error.message : String(error)],
			},
		});
	}

	private record(
		info: RequestInfo,
		status: number,
		operation: string | undefined,
		body: unknown,
	): void {
		this.requests.push({
			method: info.method,
			path: info.path,
			query: info.query,
			headers: info.headers,
			body,
			status,
			operation,
			at: info.at,
		});
	}
}

export interface RateLimitSettings {
	perMinute: number;
	windowMs: number;
	/** Answer 429 once a window is used up (else headers only). */
	enforce: boolean;
}

export interface ControlDelivery {
	/** 0 when the receiver could not be reached. */
	status: number;
	body: string;
	webhook_id: string;
	event_id?: string;
	/** Sends, retries included, and what the first one was answered. */
	attempts: number;
	first_status: number;
}

function eventIdOf(sent: Buffer): string | undefined {
	try {
		return (JSON.parse(sent.toString('utf8')) as { event?: { id?: string } }).event?.id;
	} catch {
		return undefined;
	}
}

export async function startSandbox(opts?: SandboxOptions): Promise<PagerDutySandbox> {
	const sandbox = new PagerDutySandbox(opts);
	await sandbox.start();
	return sandbox;
}
