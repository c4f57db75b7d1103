// Shared by the cancellation tests of each n8n line's n8n-workflow (host-compat*.test.ts): an execution
// stopped during a long rate-limit wait ends at once and sends nothing more to PagerDuty.
import { sleep } from 'n8n-workflow';

import { useSandbox } from './pagerduty';

/** Longer than the test may take: only a wait cut short by the cancel lets it pass. */
const ANNOUNCED_RESET_SECONDS = 20;

export function describeCancellationDuringRateLimitWait(): void {
	describe('an execution stopped during a rate-limit wait', () => {
		const pagerDuty = useSandbox();

		it('ends at once and sends no further request', async () => {
			pagerDuty.sandbox.queueResponses(1, {
				status: 429,
				headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': String(ANNOUNCED_RESET_SECONDS) },
			});
			let cancelledAt = Infinity;
			// Stopped once PagerDuty's 429 is in, i.e. during the announced wait, however slow the machine is.
			const rateLimited = async () => {
				while (pagerDuty.restRequests().length === 0) await sleep(20);
				cancelledAt = Date.now();
			};
			const result = await pagerDuty.run(
				{ resource: 'incident', operation: 'getAll', returnAll: false, limit: 1, options: {} },
				{ cancelWhen: rateLimited },
			);
			expect(Date.now() - cancelledAt).toBeLessThan(5000);
			expect(result.items).toEqual([]);
			expect(pagerDuty.restRequests().map((request) => request.status)).toEqual([429]);
		});
	});
}
