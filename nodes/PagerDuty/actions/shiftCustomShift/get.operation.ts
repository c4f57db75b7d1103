import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { customShiftIdField, customShiftTarget } from './fields';
import { readRecord } from '../common';
import { defineOperation } from '../registry';
import { shiftScheduleLocator } from '../shiftSchedule/fields';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = customShiftTarget(this, itemIndex, true);
	return await readRecord(this, path, 'custom_shift');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description:
		"Read one custom shift of a shift-based schedule: start, end and member. Needs the schedule and the shift's ID (Custom Shift → Get Many). Returns the shift.",
	endpoints: ['GET /v3/schedules/{id}/custom_shifts/{custom_shift_id}'],
	properties: [shiftScheduleLocator.field, customShiftIdField],
	execute,
});
