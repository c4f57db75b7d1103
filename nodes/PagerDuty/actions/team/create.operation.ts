import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { teamChanges, teamDetailFields } from './fields';
import { additionalFieldsCollection } from '../../descriptions/common';
import { sendRecord } from '../common';
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
	return await sendRecord(this, 'POST', '/teams', 'team', { type: 'team', ...team });
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description: 'Create a team',
	endpoints: ['POST /teams'],
	properties,
	execute,
});
