import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	ANALYTICS_NOTES,
	analyticsBody,
	analyticsOptions,
	dateRangeFields,
	INCIDENT_DATES,
	explainingFilterRefusal,
} from './fields';
import { pagerDutyApiRequestStartingAfter } from '../../../shared/transport/paging';
import { returnAllAndLimit } from '../../descriptions/common';
import { maxItemsOf } from '../common';
import { defineOperation } from '../registry';

const [returnAllField, limitField] = returnAllAndLimit('incidents');

const properties: INodeProperties[] = [
	...dateRangeFields,
	returnAllField,
	{ ...limitField, hint: 'Any number works: above 1,000 the incidents are read page by page' },
	analyticsOptions([
		'incidentTypeIds',
		'major',
		'order',
		'rawIncidentOrderBy',
		'priorityIds',
		'priorityNames',
		'serviceIds',
		'teamIds',
		'timeZone',
		'updatedAfter',
		'urgency',
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body = analyticsBody(this, itemIndex, INCIDENT_DATES);
	return await explainingFilterRefusal(
		this,
		body,
		true,
		async () =>
			await pagerDutyApiRequestStartingAfter.call(
				this,
				{ method: 'POST', path: '/analytics/raw/incidents', body },
				'data',
				{ maxItems: maxItemsOf(this, itemIndex) },
			),
	);
}

export const getAllRawIncidents = defineOperation({
	value: 'getAllRawIncidents',
	name: 'Get Many Raw Incidents',
	action: 'Get many raw incidents',
	description: `List incidents of a period with their analytics: seconds to first acknowledgement, to engage and to resolve, escalations, assignees, interruptions, priority, service and team, newest first. ${ANALYTICS_NOTES} One item per incident.`,
	endpoints: ['POST /analytics/raw/incidents'],
	properties,
	execute,
});
