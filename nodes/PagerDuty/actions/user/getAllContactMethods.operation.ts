import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [userLocator.field];

/** PagerDuty returns a user's contact methods in one answer, without pages. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = userLocator.read(this, itemIndex);
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/users/${pathId(userId)}/contact_methods`,
	});
	return (response.contact_methods as IDataObject[] | undefined) ?? [];
}

export const getAllContactMethods = defineOperation({
	value: 'getAllContactMethods',
	name: 'Get Many Contact Methods',
	action: 'Get many contact methods',
	description: 'List the email addresses, phone numbers and push devices a user is notified on',
	endpoints: ['GET /users/{id}/contact_methods'],
	properties,
	execute,
});
