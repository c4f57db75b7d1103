import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { eventIdField, eventTarget } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { defineOperation } from '../registry';
import { rotationIdField, shiftScheduleLocator } from '../shiftSchedule/fields';

const properties: INodeProperties[] = [shiftScheduleLocator.field, rotationIdField, eventIdField];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path, scheduleId, rotationId, id } = eventTarget(this, itemIndex, true);
	await pagerDutyApiRequest.call(this, { method: 'DELETE', path });
	return { deleted: true, id, rotation_id: rotationId, schedule_id: scheduleId };
}

export const deleteShiftRotationEvent = defineOperation({
	value: 'delete',
	name: 'Delete',
	description:
		"Remove an event from a rotation of a shift-based schedule. Needs the schedule, the rotation and the event's ID (Shift Rotation Event → Get Many). Returns the deleted ID.",
	endpoints: ['DELETE /v3/schedules/{id}/rotations/{rotation_id}/events/{event_id}'],
	properties,
	execute,
});
