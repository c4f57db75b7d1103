import type { IHttpRequestMethods } from 'n8n-workflow';

/** Tries per request, the first one included. */
export const MAX_ATTEMPTS = 5;

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;

/**
 * Whether a failed attempt may be sent again. A 429 was not processed, so it is always safe.
 * 408, 5xx and dropped connections may have been processed: only idempotent requests, and POSTs
 * PagerDuty de-duplicates (marked `idempotent` by the caller), are repeated; others could duplicate work.
 */
export function isRetryable(
	status: number | undefined,
	method: IHttpRequestMethods,
	idempotent: boolean,
): boolean {
	if (status === 429) return true;
	const transient = status === undefined || status === 408 || status >= 500;
	return transient && (idempotent || method !== 'POST');
}

/**
 * Exponential backoff with jitter: attempt 1 waits 0.25–0.5 s, then 0.5–1 s, 1–2 s, 2–4 s,
 * never more than 30 s. Jitter keeps parallel requests from retrying in lockstep.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
