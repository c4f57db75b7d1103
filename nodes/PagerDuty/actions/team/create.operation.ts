import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { teamChanges, teamDetailFields } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { additionalFieldsCollection } from '../../descriptions/common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the new team (up to 100 characters, unique in the account)',
	},
	additionalFieldsCollection(teamDetailFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const team = teamChanges(this, itemIndex, {
		...additionalFields,
		name: this.getNodeParameter('name', itemIndex),
	});
	const response = await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: '/teams',
		body: { team: { type: 'team', ...team } },
	});
	return response.team as IDataObject;
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description: 'Create a team',
	endpoints: ['POST /teams'],
	properties,
	execute,
});
