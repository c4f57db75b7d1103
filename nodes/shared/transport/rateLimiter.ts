import { sleep } from 'n8n-workflow';

/** Seconds PagerDuty's `ratelimit-reset` may round down; waking this much later avoids an early 429. */
const RESET_MARGIN_MS = 250;

function headerNumber(headers: Record<string, unknown>, name: string): number | undefined {
	const value = Number(headers[name]);
	return Number.isFinite(value) && headers[name] !== undefined && headers[name] !== ''
		? value
		: undefined;
}

export interface RateLimitHeaders {
	remaining?: number;
	resetSeconds?: number;
}

export function readRateLimitHeaders(
	headers: Record<string, unknown> | undefined,
): RateLimitHeaders {
	if (!headers) return {};
	return {
		remaining: headerNumber(headers, 'ratelimit-remaining'),
		resetSeconds: headerNumber(headers, 'ratelimit-reset'),
	};
}

/**
 * Keeps one credential's requests inside PagerDuty's window (960 per minute per token).
 * PagerDuty reports what is left of the window on every answer; a request may start only while
 * that count exceeds the requests already under way, otherwise it waits for the window to reset.
 * So a run slows down before PagerDuty answers 429, instead of after.
 */
export class RateLimiter {
	private remaining: number | undefined;

	private windowResetsAt = 0;

	private inFlight = 0;

	constructor(private readonly now: () => number = Date.now) {}

	/** Waits until a request may start; returns the milliseconds waited. */
	async acquire(signal?: AbortSignal): Promise<number> {
		let waited = 0;
		while (this.remaining !== undefined && this.remaining - this.inFlight <= 0) {
			const wait = this.windowResetsAt - this.now();
			if (wait <= 0) {
				// The window PagerDuty described is over; the next answers describe the new one.
				this.remaining = undefined;
				break;
			}
			await sleep(wait, signal);
			waited += wait;
		}
		this.inFlight++;
		return waited;
	}

	/** Records what PagerDuty said about the window, once a request has its answer. */
	release(headers: RateLimitHeaders): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (headers.remaining === undefined || headers.resetSeconds === undefined) return;
		const resetsAt = this.now() + headers.resetSeconds * 1000 + RESET_MARGIN_MS;
		const sameWindow =
			this.remaining !== undefined && Math.abs(resetsAt - this.windowResetsAt) < 1500;
		// Answers can arrive out of order: within one window, the smallest count is the latest truth.
		this.remaining = sameWindow ? Math.min(this.remaining!, headers.remaining) : headers.remaining;
		this.windowResetsAt = sameWindow ? Math.max(this.windowResetsAt, resetsAt) : resetsAt;
	}

	/** After a 429: nothing is left until the window resets. */
	exhausted(resetSeconds: number): void {
		this.remaining = 0;
		this.windowResetsAt = this.now() + resetSeconds * 1000 + RESET_MARGIN_MS;
	}
}
