import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shiftScheduleDescriptionSchema, shiftScheduleNameSchema } from './create.operation';
import { shiftScheduleLocator, shiftSchedulePath } from './fields';
import { timeZoneSchema, validate } from '../../../shared/validation';
import { updateFieldsCollection } from '../../descriptions/common';
import { updateRecord } from '../common';
import { defineOperation } from '../registry';
import { scheduleTimeZoneField } from '../schedule/fields';

const properties: INodeProperties[] = [
	shiftScheduleLocator.field,
	updateFieldsCollection([
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'What the schedule covers (up to 1,024 characters)',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'New name of the schedule (up to 255 characters)',
		},
		scheduleTimeZoneField,
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = shiftSchedulePath(shiftScheduleLocator.read(this, itemIndex));
	// PagerDuty's update of a shift-based schedule changes only the fields it is given.
	return await updateRecord(this, itemIndex, { path, key: 'schedule' }, (fields) => {
		const changes: IDataObject = {};
		if (fields.name !== undefined)
			changes.name = validate(this, itemIndex, 'Name', shiftScheduleNameSchema, fields.name);
		if (fields.timeZone !== undefined)
			changes.time_zone = validate(this, itemIndex, 'Time Zone', timeZoneSchema, fields.timeZone);
		if (fields.description !== undefined)
			changes.description = validate(
				this,
				itemIndex,
				'Description',
				shiftScheduleDescriptionSchema,
				fields.description,
			);
		return changes;
	});
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description:
		'Rename a shift-based schedule or change its time zone or description; other fields are kept. Needs the schedule (Shift-Based Schedule → Get Many). Returns the schedule.',
	endpoints: ['PUT /v3/schedules/{id}'],
	properties,
	execute,
});
