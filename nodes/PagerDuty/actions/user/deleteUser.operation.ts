import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [userLocator.field];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = userLocator.read(this, itemIndex);
	await pagerDutyApiRequest.call(this, { method: 'DELETE', path: `/users/${pathId(userId)}` });
	return { deleted: true, id: userId };
}

export const deleteUser = defineOperation({
	value: 'delete',
	name: 'Delete',
	description:
		'Remove a user from the account; PagerDuty refuses while incidents are assigned to them',
	endpoints: ['DELETE /users/{id}'],
	properties,
	execute,
});
