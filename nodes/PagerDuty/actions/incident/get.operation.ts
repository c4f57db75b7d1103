import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { incidentIdField } from '../../descriptions/incident';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [incidentIdField];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const incidentId = readLocatorId(this, itemIndex, 'incidentId', 'Incident', 'incident');
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/incidents/${pathId(incidentId)}`,
	});
	return response.incident as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an incident',
	description: 'Read one incident by ID',
	endpoints: ['GET /incidents/{id}'],
	properties,
	execute,
});
