import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { customShiftIdField, customShiftTarget } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { defineOperation } from '../registry';
import { shiftScheduleLocator } from '../shiftSchedule/fields';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path, scheduleId, id } = customShiftTarget(this, itemIndex, true);
	await pagerDutyApiRequest.call(this, { method: 'DELETE', path });
	return { deleted: true, id, schedule_id: scheduleId };
}

export const deleteCustomShift = defineOperation({
	value: 'delete',
	name: 'Delete',
	description:
		"Remove a custom shift from a shift-based schedule. Needs the schedule and the shift's ID (Custom Shift → Get Many). Returns the deleted ID.",
	endpoints: ['DELETE /v3/schedules/{id}/custom_shifts/{custom_shift_id}'],
	properties: [shiftScheduleLocator.field, customShiftIdField],
	execute,
});
