import { create } from './create.operation';
import { createRotation } from './createRotation.operation';
import { deleteRotation } from './deleteRotation.operation';
import { deleteShiftSchedule } from './deleteShiftSchedule.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllRotations } from './getAllRotations.operation';
import { getRotation } from './getRotation.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const shiftSchedule = defineResource({
	option: {
		name: 'Shift-Based Schedule',
		value: 'shiftSchedule',
		description:
			"PagerDuty's shift-based (v3) schedules and their rotations; layer-based schedules are the Schedule resource",
	},
	noun: 'shift-based schedule',
	plural: 'shift-based schedules',
	article: 'a',
	keywords: ['rotation'],
	defaultOperation: 'get',
	operations: [
		create,
		deleteShiftSchedule,
		get,
		getAll,
		update,
		createRotation,
		deleteRotation,
		getRotation,
		getAllRotations,
	],
});
