import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shiftScheduleLocator, shiftSchedulePath } from './fields';
import { returnAllAndLimit } from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	shiftScheduleLocator.field,
	...returnAllAndLimit('rotations'),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const scheduleId = shiftScheduleLocator.read(this, itemIndex);
	return await readList(this, itemIndex, {
		path: shiftSchedulePath(scheduleId, '/rotations'),
		property: 'rotations',
		paging: 'offsetWithoutTotal',
	});
}

export const getAllRotations = defineOperation({
	value: 'getAllRotations',
	name: 'Get Many Rotations',
	action: 'Get many rotations of a shift-based schedule',
	description:
		'List the rotations of a shift-based schedule, each with its events. Needs the schedule (Shift-Based Schedule → Get Many). Returns one item per rotation.',
	endpoints: ['GET /v3/schedules/{id}/rotations'],
	properties,
	execute,
});
