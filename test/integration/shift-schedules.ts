// Shared setup of the tests of shift-based (v3) schedules and what lives on them: custom shifts,
// overrides and rotation events.
import type { INodeParameters } from 'n8n-workflow';

import type { useSandbox } from './pagerduty';
import { jsonOf } from './pagerduty';
import { v3Schedules } from '../../dev/sandbox/rest-v3-schedules';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** A time in UTC as PagerDuty's v3 schedules write it: without milliseconds. */
export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/** The wall clock in Asia/Tokyo (UTC+9 all year) without offset, as n8n's date picker stores it. */
export const tokyo = (ms: number) => iso(ms + 9 * HOUR_MS).replace(/Z$/, '');

/** A whole hour some hours ahead, so shifts starting there lie in the future. */
export const hourAhead = (hours: number) =>
	Math.ceil(Date.now() / HOUR_MS) * HOUR_MS + hours * HOUR_MS;

/** The sandbox's store, its seeded shift-based schedules by name and its users' IDs by name. */
export function seededShiftSchedules(pagerDuty: ReturnType<typeof useSandbox>) {
	const store = () => pagerDuty.sandbox.store;
	return {
		store,
		named: (name: string) => v3Schedules(store()).find((schedule) => schedule.name === name)!,
		userId: (name: string) => store().users.find((user) => user.name === name)!.id,
	};
}

/**
 * Get of one record on a schedule with its ID from each item: the record for `record`'s ID (read
 * at `path`), PagerDuty's 404 for an unknown one. `target` is the resource and what it lies on.
 */
export async function expectGetOrNotFound(
	pagerDuty: ReturnType<typeof useSandbox>,
	target: INodeParameters,
	idParameter: string,
	record: { id: string },
	path: string,
): Promise<void> {
	const result = await pagerDuty.run(
		{ ...target, operation: 'get', [idParameter]: '={{ $json.id }}' },
		{ items: [{ id: record.id }, { id: 'PNOPE42' }], continueOnFail: true },
	);
	expect(pagerDuty.restRequests()[0].path).toBe(path);
	const [found, missing] = jsonOf(result);
	expect(found).toEqual(record);
	expect(missing.error).toBe('PagerDuty 404: Not Found (code 2100)');
}
