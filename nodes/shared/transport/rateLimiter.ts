import { sleep } from '../hostCompat';

/** Seconds PagerDuty's `ratelimit-reset` may round down; waking this much later avoids an early 429. */
const RESET_MARGIN_MS = 250;

/**
 * PagerDuty's windows last a minute. A reset announced beyond an hour is not believed (a proxy's
 * or an attacker's header): it counts as an hour, and Max Retry Wait decides whether to wait that.
 */
export const RESET_CEILING_SECONDS = 3600;

function headerNumber(headers: Record<string, unknown>, name: string): number | undefined {
	const value = Number(headers[name]);
	return Number.isFinite(value) && value >= 0 && headers[name] !== undefined && headers[name] !== ''
		? value
		: undefined;
}

export interface RateLimitHeaders {
	remaining?: number;
	/** What the answer announced, before the ceiling. */
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

const believable = (resetSeconds: number) => Math.min(resetSeconds, RESET_CEILING_SECONDS);

/** A wait a request may not take: longer than what is left of its Max Retry Wait. */
export interface TooLongWait {
	waitMs: number;
	/** The reset PagerDuty (or whoever answered) announced, in seconds. */
	announcedSeconds: number;
}

/**
 * Keeps one credential's requests inside PagerDuty's window (960 per minute per token).
 * PagerDuty reports what is left of the window on every answer; a request may start only while
 * that count exceeds the requests already under way, otherwise it waits for the window to reset.
 * So a run slows down before PagerDuty answers 429, instead of after. After a 429 that announces a
 * reset, no request starts before that reset, whatever later answers report.
 */
export class RateLimiter {
	private remaining: number | undefined;

	private windowResetsAt = 0;

	/** Set by a 429: only a later 429 moves it, and only further out. */
	private pausedUntil = 0;

	/** What the latest pause or window announced, for the error when a wait is too long. */
	private announcedSeconds = 0;

	private inFlight = 0;

	constructor(private readonly now: () => number = Date.now) {}

	/** How long a request would have to wait now before it may start. */
	private waitNeeded(): number {
		const now = this.now();
		let until = this.pausedUntil;
		if (this.remaining !== undefined && this.remaining - this.inFlight <= 0) {
			if (this.windowResetsAt <= now) {
				// The window PagerDuty described is over; the next answers describe the new one.
				this.remaining = undefined;
			} else {
				until = Math.max(until, this.windowResetsAt);
			}
		}
		return Math.max(0, until - now);
	}

	/**
	 * Waits until a request may start and returns the milliseconds waited. A wait that would pass
	 * `maxWaitMs` in all is not started: the request may not start, and learns how long it was.
	 */
	async acquire(signal?: AbortSignal, maxWaitMs = Infinity): Promise<number | TooLongWait> {
		let waited = 0;
		for (let wait = this.waitNeeded(); wait > 0; wait = this.waitNeeded()) {
			if (waited + wait > maxWaitMs)
				return { waitMs: wait, announcedSeconds: this.announcedSeconds };
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
		const resetsAt = this.now() + believable(headers.resetSeconds) * 1000 + RESET_MARGIN_MS;
		const sameWindow =
			this.remaining !== undefined && Math.abs(resetsAt - this.windowResetsAt) < 1500;
		// Answers can arrive out of order: within one window, the smallest count is the latest truth.
		this.remaining = sameWindow ? Math.min(this.remaining!, headers.remaining) : headers.remaining;
		this.windowResetsAt = sameWindow ? Math.max(this.windowResetsAt, resetsAt) : resetsAt;
		if (this.remaining - this.inFlight <= 0) this.announcedSeconds = headers.resetSeconds;
	}

	/** After a 429 that announced a reset: no request of this credential starts before it. */
	pause(resetSeconds: number): void {
		const until = this.now() + believable(resetSeconds) * 1000 + RESET_MARGIN_MS;
		if (until > this.pausedUntil) {
			this.pausedUntil = until;
			this.announcedSeconds = resetSeconds;
		}
	}

	/** Nothing under way and nothing to wait for: the limiter may be dropped. */
	get idle(): boolean {
		const now = this.now();
		return this.inFlight === 0 && this.pausedUntil <= now && this.windowResetsAt <= now;
	}
}

/** Limiters are dropped once this many exist and some are idle. */
const LIMITERS_KEPT = 200;
const limiters = new Map<string, RateLimiter>();

/**
 * The one limiter of a credential in this process, shared by all its executions: PagerDuty counts
 * a token's requests wherever they come from. `key` names the credential, never holds its secret.
 */
export function limiterFor(key: string): RateLimiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		if (limiters.size >= LIMITERS_KEPT) {
			for (const [oldKey, old] of limiters) if (old.idle) limiters.delete(oldKey);
		}
		limiter = new RateLimiter();
		limiters.set(key, limiter);
	}
	return limiter;
}
