import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readWholeList } from '../common';
import { incidentLocator } from '../incident/fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [incidentLocator.field, ...returnAllAndLimit('notes')];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const incidentId = incidentLocator.read(this, itemIndex);
	// PagerDuty returns an incident's notes in one unpaginated list, so the limit is applied here.
	return await readWholeList(this, itemIndex, {
		path: `/incidents/${pathId(incidentId)}/notes`,
		property: 'notes',
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description: 'List the notes of an incident, oldest first',
	endpoints: ['GET /incidents/{id}/notes'],
	properties,
	execute,
});
