import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { returnAllAndLimit } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { maxItemsOf, upTo } from '../common';
import { incidentLocator } from '../incident/fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [incidentLocator.field, ...returnAllAndLimit('notes')];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const incidentId = incidentLocator.read(this, itemIndex);
	// PagerDuty returns an incident's notes in one unpaginated list, so the limit is applied here.
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/incidents/${pathId(incidentId)}/notes`,
	});
	return upTo((response.notes as IDataObject[] | undefined) ?? [], maxItemsOf(this, itemIndex));
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description: 'List the notes of an incident, oldest first',
	endpoints: ['GET /incidents/{id}/notes'],
	properties,
	execute,
});
