import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { shiftScheduleLocator, shiftSchedulePath } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const scheduleId = shiftScheduleLocator.read(this, itemIndex);
	await pagerDutyApiRequest.call(this, { method: 'DELETE', path: shiftSchedulePath(scheduleId) });
	return { deleted: true, id: scheduleId };
}

export const deleteShiftSchedule = defineOperation({
	value: 'delete',
	name: 'Delete',
	description:
		'Remove a shift-based schedule with its rotations, custom shifts and overrides. Needs the schedule (Shift-Based Schedule → Get Many). Returns the deleted ID.',
	endpoints: ['DELETE /v3/schedules/{id}'],
	properties: [shiftScheduleLocator.field],
	execute,
});
