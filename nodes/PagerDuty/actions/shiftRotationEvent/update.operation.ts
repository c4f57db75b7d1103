import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { eventBody, eventFields, eventIdField, eventTarget } from './fields';
import { updateFieldsCollection } from '../../descriptions/common';
import { updateRecord } from '../common';
import { defineOperation } from '../registry';
import { rotationIdField, shiftScheduleLocator } from '../shiftSchedule/fields';

const properties: INodeProperties[] = [
	shiftScheduleLocator.field,
	rotationIdField,
	eventIdField,
	updateFieldsCollection(eventFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = eventTarget(this, itemIndex, true);
	// PagerDuty's update of an event changes only the fields it is given.
	return await updateRecord(this, itemIndex, { path, key: 'event' }, (fields) =>
		eventBody(this, itemIndex, fields, false),
	);
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description:
		"Change an event of a rotation: all of it while it lies in the future, only Effective Until once it is under way (e.g. to end it), nothing once it is over. Needs the schedule, the rotation and the event's ID (Shift Rotation Event → Get Many). Returns the event.",
	endpoints: ['PUT /v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}'],
	properties,
	execute,
});
