import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { teamLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [teamLocator.field];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const teamId = teamLocator.read(this, itemIndex);
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/teams/${pathId(teamId)}`,
	});
	return response.team as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one team by ID',
	endpoints: ['GET /teams/{id}'],
	properties,
	execute,
});
