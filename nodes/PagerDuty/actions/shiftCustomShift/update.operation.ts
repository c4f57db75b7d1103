import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	customShiftBody,
	customShiftFields,
	customShiftIdField,
	customShiftTarget,
} from './fields';
import { updateFieldsCollection } from '../../descriptions/common';
import { updateRecord } from '../common';
import { defineOperation } from '../registry';
import { shiftScheduleLocator } from '../shiftSchedule/fields';

const properties: INodeProperties[] = [
	shiftScheduleLocator.field,
	customShiftIdField,
	updateFieldsCollection(customShiftFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = customShiftTarget(this, itemIndex, true);
	return await updateRecord(this, itemIndex, { path, key: 'custom_shift' }, (fields) =>
		customShiftBody(this, itemIndex, fields, false),
	);
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description:
		"Move a custom shift (Start and End together) or give it to another member; what is not given is kept. Needs the schedule and the shift's ID (Custom Shift → Get Many). Returns the shift.",
	endpoints: ['PUT /v3/schedules/{id}/custom_shifts/{custom_shift_id}'],
	properties,
	execute,
});
