import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { teamChanges, teamDetailFields } from './fields';
import { additionalFieldsCollection } from '../../descriptions/common';
import { pagerDutyApiRequest } from '../../transport';

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

export const description = updateDisplayOptions(
	{ show: { resource: ['team'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
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
