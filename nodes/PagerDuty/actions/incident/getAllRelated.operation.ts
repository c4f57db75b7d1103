import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { incidentLocator } from './fields';
import { additionalDetails, fullIncidentOption, readIntelligence } from './intelligence';
import { optionsCollection, returnAllAndLimit } from '../../descriptions/common';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { maxItemsOf, upTo } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	incidentLocator.field,
	...returnAllAndLimit('related incidents'),
	optionsCollection([fullIncidentOption(true)]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const incidentId = incidentLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await readIntelligence(
		this,
		`/incidents/${pathId(incidentId)}/related_incidents`,
		withoutEmpty({ additional_details: additionalDetails(options) }),
	);
	// PagerDuty answers with one unpaged list (at most 20), so the limit is applied here.
	return upTo(
		(response.related_incidents as IDataObject[] | undefined) ?? [],
		maxItemsOf(this, itemIndex),
	);
}

export const getAllRelated = defineOperation({
	value: 'getAllRelated',
	name: 'Get Many Related',
	action: 'Get many related incidents',
	description:
		"List the open incidents PagerDuty considers related to an incident (the 20 most recent), each with why: similar content learned by PagerDuty, or a dependency between their services. Needs the incident's ID (Incident → Get Many) and PagerDuty AIOps. One item per related incident: { incident, relationships }.",
	endpoints: ['GET /incidents/{id}/related_incidents'],
	properties,
	execute,
});
