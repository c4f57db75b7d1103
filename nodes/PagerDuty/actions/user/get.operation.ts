import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locator } from '../../../shared/locators';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const userLocator = locator('user', {
	displayName: 'User',
	name: 'userId',
	required: true,
	description:
		"The PagerDuty user: search by name or email, paste their profile URL, or give their ID (e.g. from an incident's assignees or a log entry's agent)",
});

const properties: INodeProperties[] = [userLocator.field];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = userLocator.read(this, itemIndex);
	return await readRecord(this, `/users/${pathId(userId)}`, 'user');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one user (name, email, role, time zone) by ID',
	endpoints: ['GET /users/{id}'],
	properties,
	execute,
});
