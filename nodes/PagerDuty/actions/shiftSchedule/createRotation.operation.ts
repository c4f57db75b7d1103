import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { shiftScheduleLocator, shiftSchedulePath } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const scheduleId = shiftScheduleLocator.read(this, itemIndex);
	// A rotation has no settings of its own (its events carry them): PagerDuty takes an empty body.
	const response = await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: shiftSchedulePath(scheduleId, '/rotations'),
		body: {},
	});
	return response.rotation as IDataObject;
}

export const createRotation = defineOperation({
	value: 'createRotation',
	name: 'Create Rotation',
	action: 'Create a rotation in a shift-based schedule',
	description:
		'Add an empty rotation to a shift-based schedule; who is on call when is then set by its events (Shift Rotation Event → Create). Needs the schedule (Shift-Based Schedule → Get Many). Returns the rotation with its ID.',
	endpoints: ['POST /v3/schedules/{id}/rotations'],
	properties: [shiftScheduleLocator.field],
	execute,
});
