import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { sentences } from '../errors';
import type { ParameterSource } from '../parameters';
import { readParameterValue } from '../parameters';
import type { RegionHosts } from '../regions';
import { baseUrlFor } from '../regions';
import { RateLimiter, readRateLimitHeaders } from './rateLimiter';
import { MAX_ATTEMPTS, backoffDelay, isRetryable } from './retry';

/** Node runs, option loading, and trigger lifecycle hooks (webhook subscriptions). */
export type ClientContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

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
	return { concurrency, maxRetryWaitMs: Math.max(0, maxRetryWait) * 1000 };
}

/** One attempt's outcome: an HTTP answer, or the reason no answer came. */
export interface Answer {
	status?: number;
	body?: unknown;
	headers?: Record<string, unknown>;
	networkError?: string;
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

/** What one node execution shares across its items and pages: one credential, one rate limiter. */
export interface Connection<Facts> {
	credentialType: string;
	baseUrl: string;
	settings: TransportSettings;
	limiter: RateLimiter;
	/** What this API reads from its credential besides the host (a default From, a routing key). */
	facts: Facts;
}

/** One PagerDuty API as data: the client below is the same for all of them. */
export interface ApiDefinition<Facts> {
	/** How errors name the API when it cannot be reached, e.g. 'PagerDuty'. */
	name: string;
	credentialType(context: ClientContext): string;
	hosts: RegionHosts;
	headers: Record<string, string>;
	timeoutMs: number;
	/** Statuses n8n must still throw for (a 401 is how it knows to refresh an OAuth2 token). */
	throwFor?: number[];
	/** Reads (and checks) what the API needs of its credential besides the host. */
	factsOf(context: ClientContext, credentials: ICredentialDataDecryptedObject): Facts;
	/** Text never to show in an error (a routing key), and what stands in its place. */
	secretsOf?(facts: Facts): Secret[];
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

export interface Secret {
	value: string;
	shownAs: string;
}

/** Replaces each secret wherever it appears (PagerDuty echoing it, a proxy's error page). */
export function scrub(text: string, secrets: Secret[]): string {
	return secrets.reduce(
		(scrubbed, { value, shownAs }) =>
			value.length > 0 ? scrubbed.split(value).join(shownAs) : scrubbed,
		text,
	);
}

/** `gaveUp`: the last failure was retryable, but the attempts or the retry wait ran out. */
type SendOutcome =
	| { ok: true; answer: Answer }
	| { ok: false; answer: Answer; attempts: number; gaveUp: boolean };

interface RetryPolicy {
	limiter: RateLimiter;
	/** Total time all retry waits of this request may take. */
	maxRetryWaitMs: number;
	signal?: AbortSignal;
	/** Whether a failed attempt may be sent again (429 always; transient failures only when safe). */
	retryable(answer: Answer): boolean;
}

/**
 * Sends a request until it succeeds or may not be retried: waits for the rate-limit window when it
 * is used up, retries 429s (after `ratelimit-reset` when the answer has it, else with backoff) and
 * other retryable failures, and gives up once the retry waits would pass `maxRetryWaitMs` or after
 * MAX_ATTEMPTS tries.
 */
async function sendWithRetries(
	send: () => Promise<Answer>,
	policy: RetryPolicy,
): Promise<SendOutcome> {
	const { limiter, signal } = policy;
	let retryWaitMs = 0;
	for (let attempt = 1; ; attempt++) {
		await limiter.acquire(signal);
		let answer: Answer = {};
		try {
			answer = await send();
		} finally {
			limiter.release(readRateLimitHeaders(answer.headers));
		}
		if (answer.status !== undefined && answer.status < 400) return { ok: true, answer };

		if (!policy.retryable(answer)) return { ok: false, answer, attempts: attempt, gaveUp: false };
		if (attempt >= MAX_ATTEMPTS) return { ok: false, answer, attempts: attempt, gaveUp: true };
		const resetSeconds =
			answer.status === 429 ? readRateLimitHeaders(answer.headers).resetSeconds : undefined;
		const delay = resetSeconds !== undefined ? resetSeconds * 1000 : backoffDelay(attempt);
		if (retryWaitMs + delay > policy.maxRetryWaitMs)
			return { ok: false, answer, attempts: attempt, gaveUp: true };
		retryWaitMs += delay;
		if (resetSeconds !== undefined) {
			// Every request of this credential waits for the window, not just this one.
			limiter.exhausted(resetSeconds);
		} else {
			await sleep(delay, signal);
		}
	}
}

/**
 * A client for one PagerDuty API: one connection per node execution (credential, host, rate
 * limiter), one send loop with retries and cancellation, one failure path. `send` returns the
 * parsed body of a successful answer; a failure throws the API's error, with the number of
 * attempts in its context (a POST PagerDuty de-duplicates may have succeeded on an earlier attempt
 * whose answer was lost).
 */
export function createClient<Facts>(api: ApiDefinition<Facts>) {
	const connections = new WeakMap<ClientContext, Promise<Connection<Facts>>>();

	async function connect(context: ClientContext): Promise<Connection<Facts>> {
		const credentialType = api.credentialType(context);
		const credentials = await context.getCredentials(credentialType);
		const baseUrl = baseUrlFor(api.hosts, {
			region: credentials.region as string | undefined,
			baseUrl: credentials.baseUrl as string | undefined,
		});
		if (!/^https?:\/\/[^/]+/.test(baseUrl)) {
			throw new NodeOperationError(
				context.getNode(),
				`The credential's Base URL "${baseUrl}" is not an http(s) URL`,
			);
		}
		return {
			credentialType,
			baseUrl,
			settings: readTransportSettings(context),
			limiter: new RateLimiter(),
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
		};
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				current.credentialType,
				options,
			)) as IN8nHttpFullResponse;
			return { status: response.statusCode, body: response.body, headers: response.headers };
		} catch (error) {
			if (error instanceof NodeApiError && /^\d{3}$/.test(String(error.httpCode))) {
				return { status: Number(error.httpCode), body: error.context.data };
			}
			if (cancelSignal(context)?.aborted)
				throw new NodeOperationError(context.getNode(), 'The execution was cancelled');
			// Only the message is kept: the error object itself holds the request, credential included.
			return {
				networkError: scrub(
					String((error as Error).message ?? error),
					api.secretsOf?.(current.facts) ?? [],
				),
			};
		}
	}

	function failure(
		context: ClientContext,
		current: Connection<Facts>,
		request: ClientRequest,
		outcome: Extract<SendOutcome, { ok: false }>,
	) {
		const { answer, attempts } = outcome;
		// Said only when retrying stopped for want of tries or time.
		const note = outcome.gaveUp && attempts > 1 ? `Gave up after ${attempts} attempts.` : undefined;
		const error =
			answer.status === undefined
				? new NodeOperationError(
						context.getNode(),
						`Could not reach ${api.name} at ${current.baseUrl}: ${answer.networkError ?? 'no answer'}`,
						{ description: note },
					)
				: api.errorFor(context, current, request, { ...answer, status: answer.status });
		if (note && answer.status !== undefined) error.description = sentences(error.description, note);
		error.context.attempts = attempts;
		return error;
	}

	return {
		connection,
		async send(context: ClientContext, request: ClientRequest): Promise<unknown> {
			const current = await connection(context);
			const outcome = await sendWithRetries(() => sendOnce(context, current, request), {
				limiter: current.limiter,
				maxRetryWaitMs: current.settings.maxRetryWaitMs,
				signal: cancelSignal(context),
				retryable: (answer) =>
					isRetryable(answer.status, request.method, request.idempotent === true),
			});
			if (outcome.ok) return outcome.answer.body;
			throw failure(context, current, request, outcome);
		},
	};
}
