import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequestRecords } from '../../../shared/transport/rest';
import { returnAllAndLimit } from '../../descriptions/common';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { maxItemsOf, upTo } from '../common';
import { incidentLocator } from '../incident/fields';
import { defineOperation } from '../registry';

const [returnAllField, limitField] = returnAllAndLimit('change events');

const properties: INodeProperties[] = [
	incidentLocator.field,
	returnAllField,
	{ ...limitField, hint: 'PagerDuty sends the related change events in one answer' },
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const incidentId = incidentLocator.read(this, itemIndex);
	const maxItems = maxItemsOf(this, itemIndex);
	// One request: `limit` is the list's only paging parameter; without it PagerDuty sends them all.
	const changeEvents = await pagerDutyApiRequestRecords.call(
		this,
		{
			method: 'GET',
			path: `/incidents/${pathId(incidentId)}/related_change_events`,
			qs: withoutEmpty({ limit: maxItems }),
		},
		'change_events',
	);
	return upTo(changeEvents, maxItems);
}

export const getAllForIncident = defineOperation({
	value: 'getAllForIncident',
	name: 'Get Many for an Incident',
	action: 'Get many change events for an incident',
	description:
		"List the change events (deploys, configuration changes) PagerDuty relates to an incident, most relevant first: a likely cause to look at. Needs the incident's ID (Incident → Get Many). Each change event has correlation_reason.reason: most_recent, related_service or intelligent.",
	endpoints: ['GET /incidents/{id}/related_change_events'],
	properties,
	execute,
});
