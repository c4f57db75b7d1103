import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkTimes, windowBody, windowFields } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { readOptionalEmail } from '../../../shared/validation';
import { fromEmailField, additionalFieldsCollection } from '../../descriptions/common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{ ...windowFields.startTime, required: true },
	{ ...windowFields.endTime, required: true },
	{ ...windowFields.serviceIds, required: true },
	fromEmailField,
	additionalFieldsCollection([windowFields.description]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
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

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		'Put services in maintenance for a time window, so they open no incidents (needs From with an account-level key)',
	endpoints: ['POST /maintenance_windows'],
	properties,
	execute,
});
