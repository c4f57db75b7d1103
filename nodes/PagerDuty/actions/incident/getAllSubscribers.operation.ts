import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { incidentLocator } from './fields';
import { returnAllAndLimit } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readWholeList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [incidentLocator.field, ...returnAllAndLimit('subscribers')];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const incidentId = incidentLocator.read(this, itemIndex);
	// The list takes no paging parameters and comes whole, so the limit is applied here.
	return await readWholeList(this, itemIndex, {
		path: `/incidents/${pathId(incidentId)}/status_updates/subscribers`,
		property: 'subscribers',
	});
}

export const getAllSubscribers = defineOperation({
	value: 'getAllSubscribers',
	name: 'Get Many Subscribers',
	action: 'Get many subscribers of an incident',
	description:
		"List the users and teams subscribed to an incident's status updates through the API (Incident → Add Subscribers). Needs the incident's ID (Incident → Get Many). One item per subscriber: { subscriber_id, subscriber_type: user or team, has_indirect_subscription, subscribed_via }.",
	endpoints: ['GET /incidents/{id}/status_updates/subscribers'],
	properties,
	execute,
});
