import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readSubscriptionId, subscriptionIdField } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readSubscriptionId(this, itemIndex);
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: `/webhook_subscriptions/${pathId(id)}`,
	});
	return { deleted: true, id };
}

export const deleteSubscription = defineOperation({
	value: 'delete',
	name: 'Delete',
	description: 'Stop and remove a webhook subscription',
	endpoints: ['DELETE /webhook_subscriptions/{id}'],
	properties: [subscriptionIdField],
	execute,
});
