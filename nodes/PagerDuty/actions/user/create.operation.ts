import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { profileFields, userChanges } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { readOptionalEmail } from '../../../shared/validation';
import { additionalFieldsCollection, fromEmailField } from '../../descriptions/common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Full name of the new user (up to 100 characters)',
	},
	{
		displayName: 'User Email',
		name: 'userEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description:
			'Login email of the new user; PagerDuty sends the invitation there. Must not belong to another user of the account.',
	},
	// PagerDuty needs From on this write: the admin the user is created by.
	{ ...fromEmailField, displayName: 'From Email' },
	additionalFieldsCollection(profileFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const user = userChanges(this, itemIndex, {
		...additionalFields,
		name: this.getNodeParameter('name', itemIndex),
		email: this.getNodeParameter('userEmail', itemIndex),
	});
	const response = await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: '/users',
		body: { user: { type: 'user', ...user } },
		from: readOptionalEmail(this, itemIndex, 'email', 'From Email'),
	});
	return response.user as IDataObject;
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		'Add a user to the account and send them an invitation (needs From with an account-level key)',
	endpoints: ['POST /users'],
	properties,
	execute,
});
