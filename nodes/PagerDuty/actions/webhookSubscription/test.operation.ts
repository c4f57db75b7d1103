import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readSubscriptionId, subscriptionIdField } from './fields';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['webhookSubscription'], operation: ['test'] } },
	[subscriptionIdField],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readSubscriptionId(this, itemIndex);
	await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: `/webhook_subscriptions/${pathId(id)}/ping`,
	});
	return { sent: true, id, event_type: 'pagey.ping' };
}
