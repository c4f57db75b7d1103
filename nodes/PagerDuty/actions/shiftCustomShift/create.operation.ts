import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { customShiftBody, customShiftFields, customShiftTarget } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { defineOperation } from '../registry';
import { shiftScheduleLocator } from '../shiftSchedule/fields';

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
	const response = await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path,
		body: { custom_shifts: [{ type: 'custom_shift', ...shift }] },
	});
	const [created] = (response.custom_shifts as IDataObject[] | undefined) ?? [];
	return created;
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a custom shift',
	description:
		"Put one user (or nobody) on call in a shift-based schedule for a one-off time range, outside its rotations. Needs the schedule (Shift-Based Schedule → Get Many) and the user's ID. Returns the shift with its ID.",
	endpoints: ['POST /v3/schedules/{id}/custom_shifts'],
	properties,
	execute,
});
