import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { userLocator } from './fields';
import { pagerDutyApiRequestRecords } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [userLocator.field];

/** PagerDuty returns a user's contact methods in one answer, without pages. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = userLocator.read(this, itemIndex);
	return await pagerDutyApiRequestRecords.call(
		this,
		{ method: 'GET', path: `/users/${pathId(userId)}/contact_methods` },
		'contact_methods',
	);
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
