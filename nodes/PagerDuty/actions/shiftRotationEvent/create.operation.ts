import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { eventBody, eventFields, eventTarget } from './fields';
import { sendRecord } from '../common';
import { defineOperation } from '../registry';
import { rotationIdField, shiftScheduleLocator } from '../shiftSchedule/fields';

const REQUIRED = ['name', 'startTime', 'endTime', 'timeZone', 'members'];

const properties: INodeProperties[] = [
	shiftScheduleLocator.field,
	rotationIdField,
	...eventFields.map(
		(field): INodeProperties => ({
			...field,
			...(REQUIRED.includes(field.name) && { required: true }),
			...(field.name === 'shiftsPerMember' && {
				displayOptions: { show: { assignment: ['rotating_member_assignment_strategy'] } },
			}),
		}),
	),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = eventTarget(this, itemIndex).path;
	const fields = Object.fromEntries(
		eventFields.map((field) => [field.name, this.getNodeParameter(field.name, itemIndex, '')]),
	) as IDataObject;
	return await sendRecord(this, 'POST', path, 'event', eventBody(this, itemIndex, fields, true));
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		"Add a recurring on-call window to a rotation of a shift-based schedule: when (first window, recurrence, time zone), from when until when, and who (members in turn, or everyone together). Needs the schedule and one of its rotations (Shift-Based Schedule → Get Many Rotations or Create Rotation) and the members' user IDs. Returns the event.",
	endpoints: ['POST /v3/schedules/{id}/rotations/{rotation_id}/events'],
	properties,
	execute,
});
