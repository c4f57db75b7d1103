import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { teamLocator } from './fields';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [teamLocator];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const teamId = readLocatorId(this, itemIndex, 'teamId', 'Team', 'team');
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/teams/${pathId(teamId)}`,
	});
	return response.team as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a team',
	description: 'Read one team by ID',
	endpoints: ['GET /teams/{id}'],
	properties,
	execute,
});
