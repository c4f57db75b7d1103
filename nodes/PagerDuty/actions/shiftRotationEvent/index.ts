import { create } from './create.operation';
import { deleteShiftRotationEvent } from './deleteShiftRotationEvent.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const shiftRotationEvent = defineResource({
	option: {
		name: 'Shift Rotation Event',
		value: 'shiftRotationEvent',
		description:
			'The recurring on-call windows of a shift-based schedule rotation, and who takes them',
	},
	noun: 'shift rotation event',
	plural: 'shift rotation events',
	article: 'a',
	defaultOperation: 'get',
	operations: [create, deleteShiftRotationEvent, get, getAll, update],
});
