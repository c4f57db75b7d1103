import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { nameItemLater, sentences, unusableAnswer } from '../errors';
import { httpRequestWithAuthentication, sleep } from '../hostCompat';
import type { ClientContext, ParameterSource } from '../parameters';
import { readParameterValue } from '../parameters';
import type { RegionHosts } from '../regions';
import { baseUrlFor } from '../regions';
import type { Secret } from '../secrets';
import { scrubDeep, secretsOfCredential } from '../secrets';
import type { RateLimiter, TooLongWait } from './rateLimiter';
import { limiterFor, readRateLimitHeaders } from './rateLimiter';
import { MAX_ATTEMPTS, backoffDelay, isRetryable } from './retry';

export const DEFAULT_CONCURRENCY = 10;
export const DEFAULT_MAX_RETRY_WAIT_SECONDS = 120;

export interface TransportSettings {
	concurrency: number;
	maxRetryWaitMs: number;
}

/** The node's "Request Settings" (concurrency, max retry wait); defaults when the node has none. */
export function readTransportSettings(context: ParameterSource): TransportSettings {
	const settings = (readParameterValue(context, 'requestSettings', undefined, {}) ??
		{}) as IDataObject;
	const concurrency = Math.max(
		1,
		Math.floor(Number(settings.concurrency ?? DEFAULT_CONCURRENCY)) || 1,
	);
	const maxRetryWait = Number(settings.maxRetryWait ?? DEFAULT_MAX_RETRY_WAIT_SECONDS);
	return { concurrency, maxRetryWaitMs: Math.max(0, maxRetryWait || 0) * 1000 };
}

/** One attempt's outcome: an HTTP answer, or the reason no answer came. */
export interface Answer {
	status?: number;
	body?: unknown;
	headers?: Record<string, unknown>;
	networkError?: string;
	/** PagerDuty refused the OAuth2 access token and n8n could not get a new one: why. */
	tokenError?: { reason: string; reached: boolean };
}

export interface ClientRequest {
	method: IHttpRequestMethods;
	/** Path below the API's root, IDs already encoded, e.g. `/incidents/Q1ABC`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: Record<string, string>;
	/** A POST PagerDuty de-duplicates (an incident key, a dedup key): safe to send again. */
	idempotent?: boolean;
}

/** What one node execution shares across its items and pages: one credential, its secrets. */
export interface Connection<Facts> {
	credentialType: string;
	baseUrl: string;
	settings: TransportSettings;
	/** Shared with every execution of this credential in this process. */
	limiter: RateLimiter;
	/** Never to be shown: replaced in every error this client throws. */
	secrets: Secret[];
	/** OAuth2: a failed request may be a failed token refresh. */
	oauth2: boolean;
	/** What this API reads from its credential besides the host (a default From, a routing key). */
	facts: Facts;
}

/** One PagerDuty API as data: the client below is the same for all of them. */
export interface ApiDefinition<Facts> {
	/** How errors name the API, e.g. 'PagerDuty'. */
	name: string;
	credentialType(context: ClientContext): string;
	hosts: RegionHosts;
	headers: Record<string, string>;
	timeoutMs: number;
	/** Statuses n8n must still throw for (a 401 is how it knows to refresh an OAuth2 token). */
	throwFor?: number[];
	/** Reads (and checks) what the API needs of its credential besides the host. */
	factsOf(context: ClientContext, credentials: ICredentialDataDecryptedObject): Facts;
	/** Refuses a request before it is sent (a Scoped OAuth token without the endpoint's scope). */
	beforeSend?(
		context: ClientContext,
		connection: Connection<Facts>,
		request: ClientRequest,
	): Promise<void>;
	/** What to check when n8n cannot get an OAuth2 token for the credential. */
	tokenFailure?: { description: string };
	/** Why a successful answer's JSON object is still not one this API gives, if it is not. */
	unusable?(body: IDataObject): string | undefined;
	/** The error for an HTTP answer that failed for good (the API's error mapper). */
	errorFor(
		context: ClientContext,
		connection: Connection<Facts>,
		request: ClientRequest,
		answer: Answer & { status: number },
	): NodeApiError;
}

const cancelSignal = (context: ClientContext) =>
	'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;

const headerOf = (headers: Record<string, unknown> | undefined, name: string) =>
	Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];

/** The first characters of an answer, to show what came instead of JSON. */
const preview = (text: string) => {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
};

/**
 * Why a successful answer cannot be used, if it cannot: it must be JSON (or nothing, as PagerDuty
 * answers deletes). A truncated body, HTML, or a bare string or number is not an answer.
 */
function unusableReason(answer: Answer, apiCheck?: (body: IDataObject) => string | undefined) {
	const { body } = answer;
	if (answer.status === 204 || answer.status === 205) return undefined;
	// Nothing at all is an answer only where PagerDuty gives none: 202 (accepted), 204, 205.
	if ((body === undefined || body === '') && answer.status !== 202) return 'it is empty';
	if (body === null) return 'it is JSON null';
	if (typeof body === 'string' && body.trim() !== '') {
		let problem: string;
		try {
			JSON.parse(body);
			problem = 'it is JSON text inside a string';
		} catch (error) {
			problem = (error as Error).message;
		}
		return `${problem} (it starts with "${preview(body)}")`;
	}
	if (body !== undefined && body !== null && body !== '') {
		// Objects, and lists (overrides are created as a list).
		if (typeof body !== 'object' || Buffer.isBuffer(body))
			return `it is a ${Buffer.isBuffer(body) ? 'binary buffer' : typeof body}, not JSON`;
		const contentType = String(headerOf(answer.headers, 'content-type') ?? '');
		if (contentType !== '' && !/json/i.test(contentType))
			return `it is ${contentType.split(';')[0]}, not JSON`;
	}
	return Array.isArray(body) ? undefined : apiCheck?.((body ?? {}) as IDataObject);
}

/**
 * n8n could not get an OAuth2 token (the first one, a new one on expiry, or a refresh): nothing
 * reached PagerDuty's API and sending again will not help. Returns n8n's message, with the token
 * endpoint's own reason (e.g. "Invalid scope") when it gave one; undefined for other failures.
 */
function oauthTokenFailure(error: unknown): string | undefined {
	let message: string | undefined;
	let reason: string | undefined;
	for (let cause = error; cause instanceof Error; cause = (cause as { cause?: unknown }).cause) {
		if (/^Failed to acquire OAuth2 access token|needs to be reconnected/.test(cause.message))
			message ??= cause.message;
		const body = (cause as { body?: { error_description?: unknown } }).body;
		if (typeof body?.error_description === 'string') reason ??= body.error_description;
	}
	if (!message) return undefined;
	return reason && !message.includes(reason) ? `${message} (${reason})` : message;
}

/** What became of a request: its usable answer, or why it failed for good. */
type SendOutcome =
	| { ok: true; answer: Answer }
	| {
			ok: false;
			/** The last answer; none when the rate-limit wait came before any. */
			answer?: Answer;
			attempts: number;
			/** Retrying stopped for want of tries or time. */
			gaveUp?: boolean;
			/** A successful status whose body is not usable: why. */
			unusable?: string;
			/** The next rate-limit wait was longer than Max Retry Wait left. */
			waitTooLong?: TooLongWait;
	  };

interface RetryPolicy {
	limiter: RateLimiter;
	/** Total time this request may spend waiting: for the rate-limit window and between retries. */
	maxRetryWaitMs: number;
	signal?: AbortSignal;
	/** GET: an unusable answer may be asked for once more. */
	safe: boolean;
	/** Whether a failed attempt may be sent again (429 always; transient failures only when safe). */
	retryable(answer: Answer): boolean;
	unusable(answer: Answer): string | undefined;
}

/**
 * Sends a request until it succeeds or may not be retried. 429s are back-pressure, not failures:
 * they are retried for as long as Max Retry Wait allows (after `ratelimit-reset`, which holds back
 * every request of the credential, else with backoff). Other retryable failures get MAX_ATTEMPTS
 * tries. A redirect is never followed nor retried. All waits together stay within `maxRetryWaitMs`:
 * a wait that would pass it is not started.
 */
async function sendWithRetries(
	send: () => Promise<Answer>,
	policy: RetryPolicy,
): Promise<SendOutcome> {
	const { limiter, signal } = policy;
	let waitedMs = 0;
	let failures = 0;
	let askedAgain = false;
	let last: Answer | undefined;
	for (let attempt = 1; ; attempt++) {
		const waited = await limiter.acquire(signal, policy.maxRetryWaitMs - waitedMs);
		if (typeof waited !== 'number')
			return { ok: false, answer: last, attempts: attempt - 1, gaveUp: true, waitTooLong: waited };
		waitedMs += waited;
		let answer: Answer = {};
		try {
			answer = await send();
		} finally {
			limiter.release(readRateLimitHeaders(answer.headers));
		}
		last = answer;
		const { status } = answer;
		if (status !== undefined && status < 300) {
			const unusable = policy.unusable(answer);
			if (unusable === undefined) return { ok: true, answer };
			if (policy.safe && !askedAgain) {
				askedAgain = true;
				continue;
			}
			return { ok: false, answer, attempts: attempt, unusable };
		}
		if ((status !== undefined && status < 400) || !policy.retryable(answer))
			return { ok: false, answer, attempts: attempt };

		let delay: number;
		if (status === 429) {
			const { resetSeconds } = readRateLimitHeaders(answer.headers);
			if (resetSeconds !== undefined) {
				// Every request of this credential waits for the reset; the next acquire checks the budget.
				limiter.pause(resetSeconds);
				continue;
			}
			delay = backoffDelay(Math.min(attempt, 8));
		} else {
			failures++;
			if (failures >= MAX_ATTEMPTS) return { ok: false, answer, attempts: attempt, gaveUp: true };
			delay = backoffDelay(failures);
		}
		if (waitedMs + delay > policy.maxRetryWaitMs)
			return { ok: false, answer, attempts: attempt, gaveUp: true };
		await sleep(delay, signal);
		waitedMs += delay;
	}
}

interface ThrownByHost {
	message?: unknown;
	code?: unknown;
	status?: unknown;
	body?: unknown;
	isAxiosError?: boolean;
	config?: { url?: string; baseURL?: string };
	response?: { status: number; data?: unknown; headers?: Record<string, unknown> };
	cause?: ThrownByHost;
}

const textOf = (value: unknown) =>
	typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);

/**
 * Why n8n could not get a new OAuth2 token, from what its OAuth client threw: PagerDuty's OAuth
 * error (`error_description`), another HTTP answer of the token endpoint, or no answer at all.
 */
function tokenFailure(thrown: ThrownByHost): Answer['tokenError'] {
	const { body } = thrown;
	if (thrown.code === 'EAUTH' && body !== null && typeof body === 'object') {
		const oauth = body as { error?: unknown; error_description?: unknown };
		const detail = textOf(oauth.error_description) || textOf(thrown.message);
		return { reason: `${textOf(oauth.error)}: ${detail}`, reached: true };
	}
	const status = thrown.response?.status ?? thrown.status;
	if (typeof status === 'number') {
		const answer = preview(textOf(thrown.response?.data ?? body));
		return { reason: `HTTP ${status}${answer ? `, ${answer}` : ''}`, reached: true };
	}
	return { reason: textOf(thrown.message) || 'no answer', reached: !thrown.isAxiosError };
}

/**
 * An error this client words itself. Its message is set after construction: n8n would replace a
 * message mentioning a network code (ECONNREFUSED) with its generic text, dropping what we say.
 */
function transportError(
	node: INode,
	message: string,
	options: { description?: string },
): NodeOperationError {
	const error = new NodeOperationError(node, message, options);
	error.message = message;
	return error;
}

/** Hashes what identifies a credential without a stored ID: its secrets, never kept themselves. */
const fingerprint = (secrets: Secret[]) =>
	createHash('sha256')
		.update(secrets.map(({ value }) => value).join('\n'))
		.digest('hex')
		.slice(0, 16);

/** Secrets a trigger keeps beside its credential (the webhook signing secret). */
function staticSecretsOf(context: ClientContext): Secret[] {
	if (!('getWorkflowStaticData' in context)) return [];
	return secretsOfCredential(context.getWorkflowStaticData('node') as IDataObject);
}

/**
 * A client for one PagerDuty API: one connection per node execution (credential, host, secrets),
 * one rate limiter per credential in this process, one send loop with retries and cancellation,
 * one failure path that scrubs every secret from what it throws. Redirects are never followed.
 * `send` returns the parsed body of a usable answer; a failure throws the API's error, with the
 * number of attempts in its context (a POST PagerDuty de-duplicates may have succeeded on an
 * earlier attempt whose answer was lost).
 */
export function createClient<Facts>(api: ApiDefinition<Facts>) {
	const connections = new WeakMap<ClientContext, Promise<Connection<Facts>>>();

	async function connect(context: ClientContext): Promise<Connection<Facts>> {
		const credentialType = api.credentialType(context);
		const credentials = await context.getCredentials(credentialType);
		const secrets = secretsOfCredential(credentials);
		const baseUrl = baseUrlFor(api.hosts, {
			region: credentials.region as string | undefined,
			baseUrl: credentials.baseUrl as string | undefined,
		});
		if (!/^https?:\/\/[^/]+/.test(baseUrl)) {
			throw scrubDeep(
				new NodeOperationError(
					context.getNode(),
					`The credential's Base URL "${baseUrl}" is not an http(s) URL`,
				),
				secrets,
			);
		}
		const credentialId = context.getNode().credentials?.[credentialType]?.id;
		return {
			credentialType,
			baseUrl,
			settings: readTransportSettings(context),
			limiter: limiterFor(
				[credentialType, credentialId ?? fingerprint(secrets), baseUrl].join(' '),
			),
			secrets,
			oauth2: credentials.oauthTokenData !== undefined || credentials.grantType !== undefined,
			facts: api.factsOf(context, credentials),
		};
	}

	function connection(context: ClientContext): Promise<Connection<Facts>> {
		let existing = connections.get(context);
		if (!existing) {
			existing = connect(context);
			connections.set(context, existing);
		}
		return existing;
	}

	/** The answer inside what n8n threw: PagerDuty's own (a 401), a failed token refresh, or none. */
	function answerOf(thrown: ThrownByHost, current: Connection<Facts>): Answer {
		const axios = [thrown.cause, thrown].find((candidate) => candidate?.isAxiosError === true);
		// The API request has the base URL set apart; the token request (same host with a custom
		// Base URL) has its whole URL in `url`.
		if (axios && axios.config?.baseURL === current.baseUrl) {
			const { response } = axios;
			// Thrown for a status only at 400 and above (401: for n8n's OAuth2 refresh). A success that
			// was thrown is one whose body broke off: no answer. n8n's message for a network failure
			// says what its code means (ECONNREFUSED: "refused").
			return response && response.status >= 400
				? { status: response.status, body: response.data, headers: response.headers }
				: { networkError: textOf(thrown.message) || textOf(axios.message) };
		}
		if (current.oauth2) return { tokenError: tokenFailure(thrown.cause ?? thrown) };
		// Hosts that wrap differently: n8n's error still carries the status and the answer's body.
		if (thrown instanceof NodeApiError && /^\d{3}$/.test(String(thrown.httpCode)))
			return { status: Number(thrown.httpCode), body: thrown.context.data };
		return { networkError: textOf(thrown.message) };
	}

	async function sendOnce(
		context: ClientContext,
		current: Connection<Facts>,
		request: ClientRequest,
	): Promise<Answer> {
		const options: IHttpRequestOptions = {
			method: request.method,
			baseURL: current.baseUrl,
			url: request.path,
			qs: request.qs,
			// A copy: a credential's `authenticate` may add to the body it is given (the routing key).
			body: request.body && { ...request.body },
			json: true,
			arrayFormat: 'brackets',
			timeout: api.timeoutMs,
			headers: { ...api.headers, ...request.headers },
			returnFullResponse: true,
			ignoreHttpStatusErrors: api.throwFor ? { ignore: true, except: api.throwFor } : true,
			// Never follow a redirect: n8n would send the credential (and a POST's body) where it points.
			// All three, as hosts differ in which they read.
			disableFollowRedirect: true,
			maxRedirects: 0,
			sendCredentialsOnCrossOriginRedirect: false,
		};
		try {
			const response = await httpRequestWithAuthentication(
				context,
				current.credentialType,
				options,
			);
			return { status: response.statusCode, body: response.body, headers: response.headers };
		} catch (error) {
			if (cancelSignal(context)?.aborted)
				throw new NodeOperationError(context.getNode(), 'The execution was cancelled');
			const tokenError = oauthTokenFailure(error);
			if (tokenError)
				throw scrubDeep(transportError(context.getNode(), tokenError, api.tokenFailure ?? {}), [
					...current.secrets,
					...staticSecretsOf(context),
				]);
			// Only what is needed is kept: the error object itself holds the request, credential included.
			return answerOf(error as ThrownByHost, current);
		}
	}

	/** The error for a request that failed for good, every secret scrubbed from it. */
	function failure(
		context: ClientContext,
		current: Connection<Facts>,
		request: ClientRequest,
		outcome: Extract<SendOutcome, { ok: false }>,
	): NodeApiError | NodeOperationError {
		const { answer, attempts } = outcome;
		const node = context.getNode();
		const maxWaitSeconds = current.settings.maxRetryWaitMs / 1000;
		const asked = `${request.method} ${request.path}`;
		const apiName = api.name.charAt(0).toUpperCase() + api.name.slice(1);
		let error: NodeApiError | NodeOperationError;
		let note: string | undefined;
		if (answer?.status !== undefined && answer.status >= 400) {
			error = api.errorFor(context, current, request, { ...answer, status: answer.status });
			if (outcome.waitTooLong) {
				note = `Gave up: PagerDuty asked to wait ${outcome.waitTooLong.announcedSeconds} s, more than "Max Retry Wait" (${maxWaitSeconds} s) allows.`;
			} else if (outcome.gaveUp && attempts > 1) {
				note = `Gave up after ${attempts} attempts.`;
			}
		} else if (outcome.waitTooLong) {
			error = transportError(
				node,
				`${apiName}'s rate limit asks to wait ${outcome.waitTooLong.announcedSeconds} s before the next request, more than "Max Retry Wait" (${maxWaitSeconds} s) allows`,
				{
					description:
						'Nothing was sent. Requests of this credential (in this or another execution) were answered 429, or PagerDuty said its window is used up. Run the workflow later, or raise "Max Retry Wait" under Request Settings.',
				},
			);
		} else if (answer?.tokenError) {
			const { reason, reached } = answer.tokenError;
			error = transportError(
				node,
				reached
					? `PagerDuty refused to refresh the OAuth2 token: ${reason}`
					: `Could not reach PagerDuty's OAuth2 token endpoint to refresh the token: ${reason}`,
				{
					description:
						'PagerDuty no longer accepted the access token, and n8n could not get a new one with the refresh token. Open the credential and reconnect it.',
				},
			);
		} else if (answer?.status === undefined) {
			error = transportError(
				node,
				`Could not reach ${api.name} at ${current.baseUrl}: ${answer?.networkError ?? 'no answer'}`,
				{
					description:
						outcome.gaveUp && attempts > 1 ? `Gave up after ${attempts} attempts.` : undefined,
				},
			);
		} else if (answer.status < 300) {
			error = unusableAnswer(
				node,
				`${apiName} answered ${answer.status} to ${asked}`,
				String(outcome.unusable),
				request.method === 'GET'
					? 'Asked twice, and nothing usable came back either time, so nothing is output for this item. A proxy in front of PagerDuty, or a cut connection, can cause this.'
					: 'Nothing usable came back, so nothing is output for this item. The write may have been done anyway: check before running it again. A proxy in front of PagerDuty, or a cut connection, can cause this.',
			);
		} else {
			const location = String(headerOf(answer.headers, 'location') ?? '');
			let host = 'nowhere (no Location)';
			if (location !== '') {
				try {
					host = new URL(location, current.baseUrl).host;
				} catch {
					host = 'an unreadable Location';
				}
			}
			error = transportError(
				node,
				`${apiName} answered ${answer.status} to ${asked}, a redirect to ${host}: the node does not follow redirects`,
				{
					description:
						"Nothing was sent to that host: following a redirect would hand it the credential. Check the credential's Service Region and Base URL; a proxy in front of PagerDuty may be redirecting.",
				},
			);
		}
		if (note) error.description = sentences(error.description, note);
		if (error instanceof NodeOperationError) nameItemLater(error);
		error.context.attempts = attempts;
		return scrubDeep(error, [...current.secrets, ...staticSecretsOf(context)]);
	}

	return {
		connection,
		async send(context: ClientContext, request: ClientRequest): Promise<unknown> {
			const current = await connection(context);
			await api.beforeSend?.(context, current, request);
			const outcome = await sendWithRetries(() => sendOnce(context, current, request), {
				limiter: current.limiter,
				maxRetryWaitMs: current.settings.maxRetryWaitMs,
				signal: cancelSignal(context),
				safe: request.method === 'GET',
				retryable: (answer) =>
					answer.tokenError === undefined &&
					isRetryable(answer.status, request.method, request.idempotent === true),
				unusable: (answer) => unusableReason(answer, api.unusable),
			});
			if (outcome.ok) return outcome.answer.body;
			throw failure(context, current, request, outcome);
		},
	};
}
