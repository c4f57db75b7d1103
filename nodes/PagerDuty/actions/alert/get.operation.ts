import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { alertIdField, alertIncidentLocator, readAlertPath } from './fields';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [alertIncidentLocator.field, alertIdField];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await readRecord(this, readAlertPath(this, itemIndex), 'alert');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one alert of an incident (an event that triggered or joined it) by ID',
	endpoints: ['GET /incidents/{id}/alerts/{alert_id}'],
	properties,
	execute,
});
