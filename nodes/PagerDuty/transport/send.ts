import type { IDataObject } from 'n8n-workflow';

import type { RateLimiter } from './rateLimiter';
import { readRateLimitHeaders } from './rateLimiter';
import { MAX_ATTEMPTS, backoffDelay } from './retry';
import { sleep } from '../helpers/hostCompat';

export const DEFAULT_CONCURRENCY = 10;
export const DEFAULT_MAX_RETRY_WAIT_SECONDS = 120;

/** One attempt's outcome: an HTTP answer, or the reason no answer came. */
export interface Answer {
	status?: number;
	body?: unknown;
	headers?: Record<string, unknown>;
	networkError?: string;
}

export interface TransportSettings {
	concurrency: number;
	maxRetryWaitMs: number;
}

/** Anything whose node parameters can be read without an item index (hooks, load options) or at item 0. */
interface ParameterSource {
	getNodeParameter(...args: never[]): unknown;
}

/** A node-level parameter: read at item 0 where there are items, else without an index. */
export function nodeParameter(context: ParameterSource, name: string, fallback: unknown): unknown {
	const read = context.getNodeParameter as (...args: unknown[]) => unknown;
	return 'getInputData' in context
		? read.call(context, name, 0, fallback)
		: read.call(context, name, fallback);
}

/** The node's "Request Settings" (concurrency, max retry wait); defaults when the node has none. */
export function readTransportSettings(context: ParameterSource): TransportSettings {
	const settings = (nodeParameter(context, 'requestSettings', {}) ?? {}) as IDataObject;
	const concurrency = Math.max(
		1,
		Math.floor(Number(settings.concurrency ?? DEFAULT_CONCURRENCY)) || 1,
	);
	const maxRetryWait = Number(settings.maxRetryWait ?? DEFAULT_MAX_RETRY_WAIT_SECONDS);
	return { concurrency, maxRetryWaitMs: Math.max(0, maxRetryWait) * 1000 };
}

export interface RetryPolicy {
	limiter: RateLimiter;
	/** Total time all retry waits of this request may take. */
	maxRetryWaitMs: number;
	signal?: AbortSignal;
	/** Whether a failed attempt may be sent again (429 always; transient failures only when safe). */
	retryable(answer: Answer): boolean;
}

/** `gaveUp`: the last failure was retryable, but the attempts or the retry wait ran out. */
export type SendOutcome =
	| { ok: true; answer: Answer }
	| { ok: false; answer: Answer; attempts: number; gaveUp: boolean };

/**
 * Sends a request until it succeeds or may not be retried, shared by the REST and Events
 * transports: waits for the rate-limit window when it is used up, retries 429s (after
 * `ratelimit-reset` when the answer has it, else with backoff) and other retryable failures, and
 * gives up once the retry waits would pass `maxRetryWaitMs` or after MAX_ATTEMPTS tries.
 */
export async function sendWithRetries(
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
