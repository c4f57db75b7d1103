import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { customShiftBody, customShiftFields, customShiftTarget } from './fields';
import { defineOperation } from '../registry';
import { createOne, shiftScheduleLocator } from '../shiftSchedule/fields';

const properties: INodeProperties[] = [
	shiftScheduleLocator.field,
	...customShiftFields.map((field) => ({ ...field, required: true })),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = customShiftTarget(this, itemIndex);
	const fields = Object.fromEntries(
		customShiftFields.map((field) => [
			field.name,
			this.getNodeParameter(field.name, itemIndex, ''),
		]),
	) as IDataObject;
	const shift = customShiftBody(this, itemIndex, fields, true);
	// PagerDuty takes a list of shifts; one item makes one shift.
	return await createOne(this, path, 'custom_shifts', { type: 'custom_shift', ...shift });
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		"Put one user (or nobody) on call in a shift-based schedule for a one-off time range, outside its rotations. Needs the schedule (Shift-Based Schedule → Get Many) and the user's ID. Returns the shift with its ID.",
	endpoints: ['POST /v3/schedules/{id}/custom_shifts'],
	properties,
	execute,
});
