import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { incidentIdField } from '../../descriptions/incident';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';

const properties: INodeProperties[] = [incidentIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['incident'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const incidentId = readLocatorId(this, itemIndex, 'incidentId', 'Incident', 'incident');
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/incidents/${pathId(incidentId)}`,
	});
	return response.incident as IDataObject;
}
