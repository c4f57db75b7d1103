import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userLocator } from './fields';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';

const properties: INodeProperties[] = [userLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['getAllContactMethods'] } },
	properties,
);

/** PagerDuty returns a user's contact methods in one answer, without pages. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = readLocatorId(this, itemIndex, 'userId', 'User', 'user');
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/users/${pathId(userId)}/contact_methods`,
	});
	return (response.contact_methods as IDataObject[] | undefined) ?? [];
}
