import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pathId } from '../../helpers/utils';
import { readRecord, requireChanges, sendRecord } from '../common';
import { profileFields, userChanges, userLocator } from './fields';
import { sortedByName, updateFieldsCollection } from '../../descriptions/common';
import { defineOperation } from '../registry';

const updateFields = sortedByName(
	[
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'New login email; must not belong to another user of the account',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'New full name (up to 100 characters)',
		},
		...profileFields,
	] as INodeProperties[],
	(field) => field.displayName,
);

const properties: INodeProperties[] = [userLocator.field, updateFieldsCollection(updateFields)];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = userLocator.read(this, itemIndex);
	const changes = userChanges(
		this,
		itemIndex,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
	);
	requireChanges(this, itemIndex, changes);
	const path = `/users/${pathId(userId)}`;
	// PagerDuty's update takes the whole user (name and email included), so unchanged ones are read first.
	const current = await readRecord(this, path, 'user');
	return await sendRecord(this, 'PUT', path, 'user', {
		type: 'user',
		name: current.name,
		email: current.email,
		...changes,
	});
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description: "Change a user's name, email, role, time zone, job title, color or description",
	endpoints: ['GET /users/{id}', 'PUT /users/{id}'],
	properties,
	execute,
});
