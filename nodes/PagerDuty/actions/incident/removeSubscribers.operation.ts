import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { sendSubscribers, subscriberFields } from './subscribers';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendSubscribers(this, itemIndex, 'status_updates/unsubscribe');
}

export const removeSubscribers = defineOperation({
	value: 'removeSubscribers',
	name: 'Remove Subscribers',
	action: 'Remove subscribers from an incident',
	description:
		"Unsubscribe users and teams from an incident's status updates. Needs the incident's ID (Incident → Get Many) and user or team IDs (Incident → Get Many Subscribers). Returns the counts PagerDuty reports: { deleted_count, unauthorized_count, non_existent_count }.",
	endpoints: ['POST /incidents/{id}/status_updates/unsubscribe'],
	properties: subscriberFields('unsubscribe'),
	execute,
});
