import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../descriptions/common';
import { incidentIdField } from '../../descriptions/incident';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';
import { maxItemsOf } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [incidentIdField, ...returnAllAndLimit('notes')];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const incidentId = readLocatorId(this, itemIndex, 'incidentId', 'Incident', 'incident');
	const limit = maxItemsOf(this, itemIndex);
	// PagerDuty returns an incident's notes in one unpaginated list, so the limit is applied here.
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/incidents/${pathId(incidentId)}/notes`,
	});
	const notes = (response.notes as IDataObject[] | undefined) ?? [];
	return limit === undefined ? notes : notes.slice(0, limit);
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many incident notes',
	description: 'List the notes of an incident, oldest first',
	endpoints: ['GET /incidents/{id}/notes'],
	properties,
	execute,
});
