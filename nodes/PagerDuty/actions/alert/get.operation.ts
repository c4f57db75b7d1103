import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { alertIdField, alertIncidentLocator, readAlertPath } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [alertIncidentLocator.field, alertIdField];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: readAlertPath(this, itemIndex),
	});
	return response.alert as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one alert of an incident (an event that triggered or joined it) by ID',
	endpoints: ['GET /incidents/{id}/alerts/{alert_id}'],
	properties,
	execute,
});
