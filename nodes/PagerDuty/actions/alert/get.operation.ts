import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { alertIdField, alertIncidentField, readAlertPath } from './fields';
import { pagerDutyApiRequest } from '../../transport';

const properties: INodeProperties[] = [alertIncidentField, alertIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['alert'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: readAlertPath(this, itemIndex),
	});
	return response.alert as IDataObject;
}
