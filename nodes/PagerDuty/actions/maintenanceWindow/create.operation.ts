import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkTimes, windowBody, windowFields } from './fields';
import { fromEmailField } from '../../descriptions/common';
import { readOptionalEmail } from '../../helpers/validation';
import { pagerDutyApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ ...windowFields.startTime, required: true },
	{ ...windowFields.endTime, required: true },
	{ ...windowFields.serviceIds, required: true },
	fromEmailField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [windowFields.description],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['maintenanceWindow'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const window = windowBody(this, itemIndex, {
		startTime: this.getNodeParameter('startTime', itemIndex),
		endTime: this.getNodeParameter('endTime', itemIndex),
		serviceIds: this.getNodeParameter('serviceIds', itemIndex),
		description: additionalFields.description,
	});
	checkTimes(this, itemIndex, window);
	const response = await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: '/maintenance_windows',
		body: { maintenance_window: { type: 'maintenance_window', ...window } },
		from: readOptionalEmail(this, itemIndex, 'email', 'Email'),
	});
	return response.maintenance_window as IDataObject;
}
