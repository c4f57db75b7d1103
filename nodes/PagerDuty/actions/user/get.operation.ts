import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { locatorField } from '../../descriptions/locators';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	locatorField('user', {
		displayName: 'User',
		name: 'userId',
		required: true,
		description:
			"The PagerDuty user: search by name or email, paste their profile URL, or give their ID (e.g. from an incident's assignees or a log entry's agent)",
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = readLocatorId(this, itemIndex, 'userId', 'User', 'user');
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/users/${pathId(userId)}`,
	});
	return response.user as IDataObject;
}
