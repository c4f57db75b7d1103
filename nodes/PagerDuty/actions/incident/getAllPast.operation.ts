import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { incidentLocator } from './fields';
import { readIntelligence } from './intelligence';
import { returnAllAndLimit } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { maxItemsOf } from '../common';
import { defineOperation } from '../registry';

/** PagerDuty's ceiling for `limit`; there is no offset, so no more past incidents can be read. */
const MAX_PAST_INCIDENTS = 999;

const [returnAllField, limitField] = returnAllAndLimit('past incidents');

const properties: INodeProperties[] = [
	incidentLocator.field,
	{
		...returnAllField,
		description: `Whether to return all past incidents PagerDuty gives (up to ${MAX_PAST_INCIDENTS}) or only up to a given limit`,
	},
	{
		...limitField,
		typeOptions: { minValue: 1, maxValue: MAX_PAST_INCIDENTS },
		hint: `PagerDuty gives at most ${MAX_PAST_INCIDENTS} past incidents`,
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const incidentId = incidentLocator.read(this, itemIndex);
	const limit = maxItemsOf(this, itemIndex) ?? MAX_PAST_INCIDENTS;
	// One request: the limit is PagerDuty's only paging parameter here.
	const response = await readIntelligence(this, `/incidents/${pathId(incidentId)}/past_incidents`, {
		limit,
	});
	return ((response.past_incidents as IDataObject[] | undefined) ?? []).slice(0, limit);
}

export const getAllPast = defineOperation({
	value: 'getAllPast',
	name: 'Get Many Past',
	action: 'Get many past incidents',
	description:
		"List incidents of the last six months on the same service that resemble an incident, most similar first, each with PagerDuty's similarity score. Needs the incident's ID (Incident → Get Many) and PagerDuty AIOps. One item per past incident: the incident (ID, title, creation time, API URL) and its score.",
	endpoints: ['GET /incidents/{id}/past_incidents'],
	properties,
	execute,
});
