import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorField } from '../../descriptions/locators';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	locatorField('user', {
		displayName: 'User',
		name: 'userId',
		required: true,
		description:
			"The PagerDuty user: search by name or email, paste their profile URL, or give their ID (e.g. from an incident's assignees or a log entry's agent)",
	}),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = readLocatorId(this, itemIndex, 'userId', 'User', 'user');
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/users/${pathId(userId)}`,
	});
	return response.user as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a user',
	description: 'Read one user (name, email, role, time zone) by ID',
	endpoints: ['GET /users/{id}'],
	properties,
	execute,
});
