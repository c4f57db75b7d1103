/**
 * GET /oncalls, computed from escalation policies and rendered schedules: a user targeted directly
 * is always on call for that level (start and end null); a schedule target yields its final
 * schedule's shifts, whole (PagerDuty does not cut them at the window).
 */
import { invalidInput } from './errors';
import { paginate, parseTime, queryList, queryValue, RestHandler } from './rest-common';
import { inZone, overlaps, renderSchedule } from './rest-schedules';
import { Reference, SandboxStore } from './store';

const MAX_DAYS_AHEAD = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

interface OnCall {
	escalation_policy: Reference;
	escalation_level: number;
	schedule: Reference | null;
	user: Reference;
	start: number | null;
	end: number | null;
}

function computeOnCalls(store: SandboxStore, since: number, until: number): OnCall[] {
	const onCalls: OnCall[] = [];
	const policies = store.escalationPolicies.slice().sort((a, b) => a.name.localeCompare(b.name));
	for (const policy of policies) {
		policy.escalation_rules.forEach((rule, index) => {
			const base = { escalation_policy: store.ref(policy), escalation_level: index + 1 };
			for (const target of rule.targets) {
				const schedule =
					target.type === 'schedule_reference' ? store.schedule(target.id) : undefined;
				if (schedule) {
					for (const entry of renderSchedule(store, schedule, since, until, true).final) {
						if (!overlaps(entry, since, until)) continue;
						onCalls.push({
							...base,
							schedule: store.ref(schedule),
							user: entry.user,
							start: entry.start,
							end: entry.end,
						});
					}
				} else if (target.type === 'user_reference') {
					onCalls.push({ ...base, schedule: null, user: target, start: null, end: null });
				}
			}
		});
	}
	return onCalls;
}

/** earliest=true: the first on-call of each escalation policy, level and user. */
function earliestOnly(onCalls: OnCall[]): OnCall[] {
	const seen = new Set<string>();
	return onCalls
		.slice()
		.sort((a, b) => (a.start ?? -Infinity) - (b.start ?? -Infinity))
		.filter((onCall) => {
			const key = `${onCall.escalation_policy.id}/${onCall.escalation_level}/${onCall.user.id}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.sort((a, b) => onCalls.indexOf(a) - onCalls.indexOf(b));
}

export const ONCALL_HANDLERS: Record<string, RestHandler> = {
	'GET /oncalls': (store, request) => {
		const now = store.nowMs();
		const since = parseTime(request, 'since') ?? now;
		const until = parseTime(request, 'until') ?? since;
		if (until < since)
			throw invalidInput(['The until parameter cannot be before the since parameter']);
		if (until > now + MAX_DAYS_AHEAD * DAY_MS) {
			throw invalidInput([`On-call shifts are limited to ${MAX_DAYS_AHEAD} days in the future`]);
		}
		const userIds = queryList(request, 'user_ids[]');
		const policyIds = queryList(request, 'escalation_policy_ids[]');
		const scheduleIds = queryList(request, 'schedule_ids[]');
		let onCalls = computeOnCalls(store, since, until).filter(
			(onCall) =>
				(!userIds || userIds.includes(onCall.user.id)) &&
				(!policyIds || policyIds.includes(onCall.escalation_policy.id)) &&
				// A "null" among schedule IDs also keeps the direct user targets, as PagerDuty does.
				(!scheduleIds || scheduleIds.includes(onCall.schedule?.id ?? 'null')),
		);
		if (queryValue(request, 'earliest') === 'true') onCalls = earliestOnly(onCalls);

		const include = queryList(request, 'include[]') ?? [];
		const timeZone = queryValue(request, 'time_zone');
		const time = (ms: number | null) => (ms === null ? null : inZone(ms, timeZone));
		return paginate(request, onCalls, 'oncalls', (onCall) => ({
			escalation_policy:
				(include.includes('escalation_policies') &&
					store.escalationPolicy(onCall.escalation_policy.id)) ||
				onCall.escalation_policy,
			escalation_level: onCall.escalation_level,
			schedule:
				onCall.schedule &&
				((include.includes('schedules') && store.schedule(onCall.schedule.id)) || onCall.schedule),
			user: (include.includes('users') && store.user(onCall.user.id)) || onCall.user,
			start: time(onCall.start),
			end: time(onCall.end),
		}));
	},
};
