import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { overrideIdField, overrideTarget } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { defineOperation } from '../registry';
import { shiftScheduleLocator } from '../shiftSchedule/fields';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path, scheduleId, id } = overrideTarget(this, itemIndex, true);
	await pagerDutyApiRequest.call(this, { method: 'DELETE', path });
	return { deleted: true, id, schedule_id: scheduleId };
}

export const deleteShiftOverride = defineOperation({
	value: 'delete',
	name: 'Delete',
	description:
		"Remove an override from a shift-based schedule. Needs the schedule and the override's ID (Shift-Based Override → Get Many). Returns the deleted ID.",
	endpoints: ['DELETE /v3/schedules/{id}/overrides/{override_id}'],
	properties: [shiftScheduleLocator.field, overrideIdField],
	execute,
});
