import { create } from './create.operation';
import { deleteShiftOverride } from './deleteShiftOverride.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const shiftOverride = defineResource({
	option: {
		name: 'Shift-Based Override',
		value: 'shiftOverride',
		description:
			'Someone on call in a shift-based schedule in place of a member of a rotation or custom shift',
	},
	noun: 'shift-based override',
	plural: 'shift-based overrides',
	article: 'a',
	defaultOperation: 'get',
	operations: [create, deleteShiftOverride, get, getAll, update],
});
