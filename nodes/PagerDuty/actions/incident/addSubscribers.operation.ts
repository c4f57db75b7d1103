import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { sendSubscribers, subscriberFields } from './subscribers';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = await sendSubscribers(this, itemIndex, 'status_updates/subscribers');
	return (response.subscriptions as IDataObject[] | undefined) ?? [];
}

export const addSubscribers = defineOperation({
	value: 'addSubscribers',
	name: 'Add Subscribers',
	action: 'Add subscribers to an incident',
	description:
		"Subscribe users and teams to an incident's status updates, so they are notified of each one. Needs the incident's ID (Incident → Get Many) and user or team IDs (User → Get Many, Team → Get Many). One item per subscriber with PagerDuty's result: success, duplicate (already subscribed) or unauthorized.",
	endpoints: ['POST /incidents/{id}/status_updates/subscribers'],
	properties: subscriberFields('subscribe'),
	execute,
});
