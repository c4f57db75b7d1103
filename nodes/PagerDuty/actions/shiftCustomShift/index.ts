import { create } from './create.operation';
import { deleteCustomShift } from './deleteCustomShift.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const shiftCustomShift = defineResource({
	option: {
		name: 'Custom Shift',
		value: 'shiftCustomShift',
		description: 'One-off shifts in a shift-based schedule, outside its rotations',
	},
	noun: 'custom shift',
	plural: 'custom shifts',
	article: 'a',
	defaultOperation: 'get',
	operations: [create, deleteCustomShift, get, getAll, update],
});
