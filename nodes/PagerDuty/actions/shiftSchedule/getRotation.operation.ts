import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readRotationId, rotationIdField, shiftScheduleLocator, shiftSchedulePath } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { optionalDateTime } from '../../../shared/validation';
import { optionsCollection } from '../../descriptions/common';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { defineOperation } from '../registry';
import { windowFields } from '../schedule/fields';

const properties: INodeProperties[] = [
	shiftScheduleLocator.field,
	rotationIdField,
	optionsCollection(
		windowFields('the events: only events in effect at some time in it are returned'),
	),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const scheduleId = shiftScheduleLocator.read(this, itemIndex);
	const rotationId = readRotationId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: shiftSchedulePath(scheduleId, `/rotations/${pathId(rotationId)}`),
		qs: withoutEmpty({
			since: optionalDateTime(this, itemIndex, 'Since', options.since),
			until: optionalDateTime(this, itemIndex, 'Until', options.until),
		}),
	});
	return response.rotation as IDataObject;
}

export const getRotation = defineOperation({
	value: 'getRotation',
	name: 'Get Rotation',
	action: 'Get a rotation of a shift-based schedule',
	description:
		"Read one rotation of a shift-based schedule with its events (when, recurrence, who takes turns). Needs the schedule and the rotation's ID (Get Many Rotations). Returns the rotation.",
	endpoints: ['GET /v3/schedules/{id}/rotations/{rotation_id}'],
	properties,
	execute,
});
