import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	alertChangeFields,
	alertIdField,
	alertIncidentField,
	readAlertChange,
	readAlertPath,
} from './fields';
import { fromEmailField } from '../../descriptions/common';
import { readOptionalEmail } from '../../helpers/validation';
import { pagerDutyApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	alertIncidentField,
	alertIdField,
	...alertChangeFields,
	fromEmailField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['alert'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
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
