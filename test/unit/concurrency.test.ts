import { sleep } from 'n8n-workflow';

import { settleWithConcurrency } from '../../nodes/shared/concurrency';
import { RateLimiter } from '../../nodes/shared/transport/rateLimiter';
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
