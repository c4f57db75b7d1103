import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	alertChangeFields,
	alertIdField,
	alertIncidentLocator,
	readAlertChange,
	readAlertPath,
} from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { readOptionalEmail } from '../../../shared/validation';
import { fromEmailField } from '../../descriptions/common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	alertIncidentLocator.field,
	alertIdField,
	...alertChangeFields,
	fromEmailField,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = readAlertPath(this, itemIndex);
	const change = readAlertChange(this, itemIndex);
	const response = await pagerDutyApiRequest.call(this, {
		method: 'PUT',
		path,
		body: { alert: { type: 'alert', ...change } },
		from: readOptionalEmail(this, itemIndex, 'email', 'Email'),
	});
	return response.alert as IDataObject;
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description: 'Resolve one alert, or move it to another incident',
	endpoints: ['PUT /incidents/{id}/alerts/{alert_id}'],
	properties,
	execute,
});
