import { sleep } from 'n8n-workflow';

import { settleWithConcurrency } from '../../nodes/shared/concurrency';
import { RateLimiter, limiterFor } from '../../nodes/shared/transport/rateLimiter';
import { backoffDelay, isRetryable } from '../../nodes/shared/transport/retry';

describe('settleWithConcurrency', () => {
	it('keeps index order whatever order tasks finish in, and never exceeds the limit', async () => {
		let running = 0;
		let peak = 0;
		const results = await settleWithConcurrency(12, 4, async (index) => {
			running++;
			peak = Math.max(peak, running);
			await sleep((12 - index) * 2);
			running--;
			return index * 10;
		});
		expect(results.map((result) => (result.ok ? result.value : 'error'))).toEqual(
			Array.from({ length: 12 }, (_, i) => i * 10),
		);
		expect(peak).toBe(4);
	});

	it('records errors per task, and with stopOnError starts no task after a failure', async () => {
		const started: number[] = [];
		const results = await settleWithConcurrency(
			10,
			1,
			async (index) => {
				started.push(index);
				if (index === 2) throw new Error('boom');
				return index;
			},
			true,
		);
		expect(started).toEqual([0, 1, 2]);
		expect(results.map((result) => result.ok)).toEqual([true, true, false]);
	});
});

describe('retry policy', () => {
	it.each([
		[429, 'POST', false, true],
		[503, 'GET', false, true],
		[500, 'PUT', false, true],
		[408, 'DELETE', false, true],
		[undefined, 'GET', false, true],
		[503, 'POST', false, false],
		[undefined, 'POST', false, false],
		[503, 'POST', true, true],
		[400, 'GET', false, false],
		[404, 'GET', false, false],
	] as const)(
		'status %s on %s (idempotent POST: %s) → retry %s',
		(status, method, idempotent, expected) => {
			expect(isRetryable(status, method, idempotent)).toBe(expected);
		},
	);

	it('backs off exponentially with jitter, capped at 30 s', () => {
		expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, () => 0))).toEqual([
			250, 500, 1000, 2000,
		]);
		expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, () => 1))).toEqual([
			500, 1000, 2000, 4000,
		]);
		expect(backoffDelay(20, () => 1)).toBe(30_000);
	});
});

describe('RateLimiter', () => {
	it('lets requests through while the window has room', async () => {
		const limiter = new RateLimiter();
		limiter.release({ remaining: 5, resetSeconds: 60 });
		expect(await limiter.acquire()).toBe(0);
	});

	it('waits for the window to reset once PagerDuty says nothing is left', async () => {
		let now = 1_000_000;
		const limiter = new RateLimiter(() => now);
		await limiter.acquire();
		limiter.release({ remaining: 0, resetSeconds: 0.05 });
		const waiting = limiter.acquire();
		now += 400; // the clock passes the reset while the limiter sleeps
		expect(await waiting).toBeGreaterThan(0);
	});

	it('counts requests under way against what is left', async () => {
		let now = 0;
		const limiter = new RateLimiter(() => now);
		await limiter.acquire();
		limiter.release({ remaining: 1, resetSeconds: 0.05 });
		expect(await limiter.acquire()).toBe(0); // uses the last one
		const third = limiter.acquire(); // must wait: 1 left, 1 under way
		now += 400;
		expect(await third).toBeGreaterThan(0);
	});
});

describe('RateLimiter after a 429', () => {
	it('holds every request until the announced reset, whatever later answers say', async () => {
		let now = 0;
		const limiter = new RateLimiter(() => now);
		limiter.pause(2);
		// Another request's answer, from before the 429, reports plenty left in a new window.
		limiter.release({ remaining: 900, resetSeconds: 60 });
		expect(await limiter.acquire(undefined, 0)).toEqual({ waitMs: 2250, announcedSeconds: 2 });
		now += 2250;
		expect(await limiter.acquire(undefined, 0)).toBe(0);
	});

	it('does not start a wait longer than allowed, and does not believe resets beyond an hour', async () => {
		const limiter = new RateLimiter(() => 0);
		limiter.release({ remaining: 0, resetSeconds: 100_000 });
		expect(await limiter.acquire(undefined, 120_000)).toEqual({
			waitMs: 3_600_250,
			announcedSeconds: 100_000,
		});
	});

	it('a later 429 only moves the pause further out', async () => {
		const limiter = new RateLimiter(() => 0);
		limiter.pause(5);
		limiter.pause(1);
		expect(await limiter.acquire(undefined, 0)).toEqual({ waitMs: 5250, announcedSeconds: 5 });
	});

	it('is one per credential in the process', () => {
		expect(limiterFor('pagerDutyRestApi cred-1 https://api.pagerduty.com')).toBe(
			limiterFor('pagerDutyRestApi cred-1 https://api.pagerduty.com'),
		);
		expect(limiterFor('pagerDutyRestApi cred-2 https://api.pagerduty.com')).not.toBe(
			limiterFor('pagerDutyRestApi cred-1 https://api.pagerduty.com'),
		);
	});
});
