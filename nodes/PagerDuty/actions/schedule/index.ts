import { create } from './create.operation';
import { createOverride } from './createOverride.operation';
import { deleteOverride } from './deleteOverride.operation';
import { deleteSchedule } from './deleteSchedule.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllOverrides } from './getAllOverrides.operation';
import { getOnCallUsers } from './getOnCallUsers.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const schedule = defineResource({
	option: {
		name: 'Schedule',
		value: 'schedule',
		description: 'On-call rotations, who is on call when, and overrides',
	},
	noun: 'schedule',
	plural: 'schedules',
	article: 'a',
	keywords: ['override'],
	defaultOperation: 'get',
	operations: [
		create,
		createOverride,
		deleteSchedule,
		deleteOverride,
		get,
		getAll,
		getAllOverrides,
		getOnCallUsers,
		update,
	],
});
