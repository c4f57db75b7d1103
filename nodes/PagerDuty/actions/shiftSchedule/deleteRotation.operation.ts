import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readRotationId, rotationIdField, shiftScheduleLocator, shiftSchedulePath } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const scheduleId = shiftScheduleLocator.read(this, itemIndex);
	const rotationId = readRotationId(this, itemIndex);
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: shiftSchedulePath(scheduleId, `/rotations/${pathId(rotationId)}`),
	});
	return { deleted: true, id: rotationId, schedule_id: scheduleId };
}

export const deleteRotation = defineOperation({
	value: 'deleteRotation',
	name: 'Delete Rotation',
	action: 'Delete a rotation of a shift-based schedule',
	description:
		"Remove a rotation and its events from a shift-based schedule. Needs the schedule and the rotation's ID (Get Many Rotations). Returns the deleted ID.",
	endpoints: ['DELETE /v3/schedules/{id}/rotations/{rotation_id}'],
	properties: [shiftScheduleLocator.field, rotationIdField],
	execute,
});
