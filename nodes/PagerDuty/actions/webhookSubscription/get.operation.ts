import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readSubscriptionId, subscriptionIdField } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readSubscriptionId(this, itemIndex);
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/webhook_subscriptions/${pathId(id)}`,
	});
	return response.webhook_subscription as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one webhook subscription by ID',
	endpoints: ['GET /webhook_subscriptions/{id}'],
	properties: [subscriptionIdField],
	execute,
});
