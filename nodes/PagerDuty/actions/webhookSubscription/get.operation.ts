import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readSubscriptionId, subscriptionIdField } from './fields';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readSubscriptionId(this, itemIndex);
	return await readRecord(this, `/webhook_subscriptions/${pathId(id)}`, 'webhook_subscription');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one webhook subscription by ID',
	endpoints: ['GET /webhook_subscriptions/{id}'],
	properties: [subscriptionIdField],
	execute,
});
