import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	customShiftBody,
	customShiftFields,
	customShiftIdField,
	customShiftTarget,
} from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { updateFieldsCollection } from '../../descriptions/common';
import { requireChanges } from '../common';
import { defineOperation } from '../registry';
import { shiftScheduleLocator } from '../shiftSchedule/fields';

const properties: INodeProperties[] = [
	shiftScheduleLocator.field,
	customShiftIdField,
	updateFieldsCollection(customShiftFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = customShiftTarget(this, itemIndex, true);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes = customShiftBody(this, itemIndex, fields, false);
	requireChanges(this, itemIndex, changes);
	const response = await pagerDutyApiRequest.call(this, {
		method: 'PUT',
		path,
		body: { custom_shift: changes },
	});
	return response.custom_shift as IDataObject;
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
