import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readSubscriptionId, subscriptionIdField } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readSubscriptionId(this, itemIndex);
	await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: `/webhook_subscriptions/${pathId(id)}/ping`,
	});
	return { sent: true, id, event_type: 'pagey.ping' };
}

export const test = defineOperation({
	value: 'test',
	name: 'Send Test Event',
	action: 'Send a test event to a webhook subscription',
	description: "Have PagerDuty send its test event (pagey.ping) to the subscription's URL",
	endpoints: ['POST /webhook_subscriptions/{id}/ping'],
	properties: [subscriptionIdField],
	execute,
});
