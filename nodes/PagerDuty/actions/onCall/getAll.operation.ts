import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter, optionalDateTime, parseIdList } from '../../../shared/validation';
import {
	namesOrIdsField,
	optionsCollection,
	returnAllAndLimit,
	timeZoneField,
} from '../../descriptions/common';
import { includeField, includeValues } from '../../descriptions/include';
import { readList } from '../common';
import { defineOperation } from '../registry';

/** PagerDuty lists on-call shifts at most this far ahead. */
const MAX_DAYS_AHEAD = 90;
const DAY_MS = 86_400_000;

const properties: INodeProperties[] = [
	...returnAllAndLimit('on-call entries'),
	optionsCollection([
		{
			displayName: 'Earliest Only',
			name: 'earliest',
			type: 'boolean',
			default: false,
			description:
				'Whether to return only the first on-call of each escalation policy, level and user: who is on call next',
		},
		namesOrIdsField({
			displayName: 'Escalation Policy Names or IDs',
			name: 'escalationPolicyIds',
			loadOptionsMethod: 'getEscalationPolicies',
			description: 'Only on-calls for these escalation policies',
		}),
		includeField([
			{ name: 'Escalation Policies', value: 'escalation_policies' },
			{ name: 'Schedules', value: 'schedules' },
			{ name: 'Users', value: 'users' },
		]),
		namesOrIdsField({
			displayName: 'Schedule Names or IDs',
			name: 'scheduleIds',
			loadOptionsMethod: 'getSchedules',
			description:
				'Only on-calls coming from these schedules; users a policy names directly are then left out',
		}),
		{
			displayName: 'Since',
			name: 'since',
			type: 'dateTime',
			default: '',
			description:
				'Start of the time window (ISO 8601 with offset, e.g. 2026-11-01T00:00:00Z); on-call shifts overlapping it are returned. Empty: now.',
		},
		timeZoneField,
		{
			displayName: 'Until',
			name: 'until',
			type: 'dateTime',
			default: '',
			description: `End of the time window (ISO 8601 with offset), at most ${MAX_DAYS_AHEAD} days from now. Empty: the same as Since.`,
		},
		namesOrIdsField({
			displayName: 'User Names or IDs',
			name: 'userIds',
			loadOptionsMethod: 'getUsers',
			description: 'Only on-calls of these users',
		}),
	]),
];

/** PagerDuty refuses windows reaching more than 90 days ahead (the router checks their order). */
function checkWindow(
	context: IExecuteFunctions,
	itemIndex: number,
	since?: string,
	until?: string,
): void {
	const latest = Date.now() + MAX_DAYS_AHEAD * DAY_MS;
	for (const [label, value] of [
		['Since', since],
		['Until', until],
	] as const) {
		if (value && Date.parse(value) > latest) {
			throw invalidParameter(
				context,
				itemIndex,
				label,
				`must be at most ${MAX_DAYS_AHEAD} days from now: PagerDuty lists on-call shifts no further ahead`,
			);
		}
	}
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/oncalls',
		property: 'oncalls',
		query: (options) => {
			const since = optionalDateTime(this, itemIndex, 'Since', options.since);
			const until = optionalDateTime(this, itemIndex, 'Until', options.until);
			checkWindow(this, itemIndex, since, until);
			return {
				earliest: options.earliest || undefined,
				escalation_policy_ids: parseIdList(
					this,
					itemIndex,
					'Escalation Policy Names or IDs',
					options.escalationPolicyIds,
				),
				include: includeValues(options.include),
				schedule_ids: parseIdList(this, itemIndex, 'Schedule Names or IDs', options.scheduleIds),
				since,
				until,
				time_zone: options.timeZone,
				user_ids: parseIdList(this, itemIndex, 'User Names or IDs', options.userIds),
			};
		},
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		"List who is on call: per escalation policy and level, the user, the schedule it comes from and the shift's start and end",
	endpoints: ['GET /oncalls'],
	properties,
	execute,
});
