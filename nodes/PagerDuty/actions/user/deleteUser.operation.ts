import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userLocator } from './fields';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [userLocator];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = readLocatorId(this, itemIndex, 'userId', 'User', 'user');
	await pagerDutyApiRequest.call(this, { method: 'DELETE', path: `/users/${pathId(userId)}` });
	return { deleted: true, id: userId };
}

export const deleteUser = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a user',
	description:
		'Remove a user from the account; PagerDuty refuses while incidents are assigned to them',
	endpoints: ['DELETE /users/{id}'],
	properties,
	execute,
});
