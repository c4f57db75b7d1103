import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readSubscriptionId, subscriptionIdField } from './fields';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['webhookSubscription'], operation: ['get'] } },
	[subscriptionIdField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readSubscriptionId(this, itemIndex);
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/webhook_subscriptions/${pathId(id)}`,
	});
	return response.webhook_subscription as IDataObject;
}
