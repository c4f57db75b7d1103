import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { eventTarget } from './fields';
import { returnAllAndLimit } from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';
import { rotationIdField, shiftScheduleLocator } from '../shiftSchedule/fields';

const properties: INodeProperties[] = [
	shiftScheduleLocator.field,
	rotationIdField,
	...returnAllAndLimit('events'),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: eventTarget(this, itemIndex).path,
		property: 'events',
		paging: 'offsetWithoutTotal',
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		'List the events of a rotation of a shift-based schedule. Needs the schedule and the rotation (Shift-Based Schedule → Get Many Rotations). Returns one item per event.',
	endpoints: ['GET /v3/schedules/{id}/rotations/{rotation_id}/events'],
	properties,
	execute,
});
