import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateFieldsCollection } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readRecord, requireChanges, sendRecord } from '../common';
import { teamChanges, teamDetailFields, teamLocator } from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	teamLocator.field,
	updateFieldsCollection([
		...teamDetailFields,
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'New name (up to 100 characters, unique in the account)',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const teamId = teamLocator.read(this, itemIndex);
	const changes = teamChanges(
		this,
		itemIndex,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
	);
	requireChanges(this, itemIndex, changes);
	const path = `/teams/${pathId(teamId)}`;
	// PagerDuty's update needs the name even when it stays, so the current one is read first.
	const name = changes.name ?? (await readRecord(this, path, 'team')).name;
	return await sendRecord(this, 'PUT', path, 'team', { type: 'team', name, ...changes });
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description: 'Rename a team or change its description or default role',
	endpoints: ['GET /teams/{id}', 'PUT /teams/{id}'],
	properties,
	execute,
});
