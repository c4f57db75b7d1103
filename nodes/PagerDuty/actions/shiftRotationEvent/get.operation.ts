import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { eventIdField, eventTarget } from './fields';
import { readRecord } from '../common';
import { defineOperation } from '../registry';
import { rotationIdField, shiftScheduleLocator } from '../shiftSchedule/fields';

const properties: INodeProperties[] = [shiftScheduleLocator.field, rotationIdField, eventIdField];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await readRecord(this, eventTarget(this, itemIndex, true).path, 'event');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description:
		"Read one event of a rotation: its window, recurrence, effective dates and members. Needs the schedule, the rotation and the event's ID (Shift Rotation Event → Get Many). Returns the event.",
	endpoints: ['GET /v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}'],
	properties,
	execute,
});
