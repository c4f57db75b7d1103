import { jsonOf, queryOf, useSandbox } from './pagerduty';

const pagerDuty = useSandbox();

describe('Priority → Get Many', () => {
	it("returns the account's priorities in PagerDuty's order", async () => {
		const result = await pagerDuty.run({
			resource: 'priority',
			operation: 'getAll',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		const [request] = pagerDuty.restRequests();
		expect(request).toMatchObject({ method: 'GET', path: '/priorities', status: 200 });
		expect(queryOf(request)).toMatchObject({ limit: '100', offset: '0' });
		expect(jsonOf(result).map((priority) => priority.name)).toEqual(['P1', 'P2', 'P3', 'P4']);
		expect(jsonOf(result)[0]).toMatchObject({
			type: 'priority',
			id: pagerDuty.sandbox.store.priorities[0].id,
		});
	});

	it('stops at the limit', async () => {
		const result = await pagerDuty.run({ resource: 'priority', operation: 'getAll', limit: 2 });
		expect(jsonOf(result).map((priority) => priority.name)).toEqual(['P1', 'P2']);
	});

	it("passes on PagerDuty's 402 when the plan has no priorities, with a hint", async () => {
		pagerDuty.sandbox.queueResponses(1, {
			status: 402,
			operation: 'GET /priorities',
			body: {
				error: { message: 'Account does not have the abilities to perform the action', code: 2014 },
			},
		});
		const result = await pagerDuty.run({ resource: 'priority', operation: 'getAll' });
		expect(result.error?.message).toBe(
			'PagerDuty 402: Account does not have the abilities to perform the action (code 2014)',
		);
		expect(result.error?.description).toMatch(/plan lacks the ability/);
	});
});
