import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { teamLocator } from './fields';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';

const properties: INodeProperties[] = [teamLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['team'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const teamId = readLocatorId(this, itemIndex, 'teamId', 'Team', 'team');
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/teams/${pathId(teamId)}`,
	});
	return response.team as IDataObject;
}
