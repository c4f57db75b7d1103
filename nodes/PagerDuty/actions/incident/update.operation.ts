import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { incidentChanges, incidentChangesCheckedThemselves } from './body';
import type { IncidentUpdate } from './bulk';
import { updateInBulk } from './bulk';
import {
	conferenceBridgeField,
	incidentChangeOptions,
	incidentLocator,
	titleField,
	urgencyField,
} from './fields';
import type { Settled } from '../../../shared/concurrency';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { readOptionalEmail } from '../../../shared/validation';
import { fromEmailField, updateFieldsCollection } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { requireChanges } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	incidentLocator.field,
	fromEmailField,
	updateFieldsCollection([...incidentChangeOptions, titleField, urgencyField]),
	conferenceBridgeField,
];

function readUpdate(context: IExecuteFunctions, itemIndex: number): IncidentUpdate {
	const incidentId = incidentLocator.read(context, itemIndex);
	const from = readOptionalEmail(context, itemIndex, 'email', 'Email');
	const updateFields = context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;

	const changes = incidentChanges(context, itemIndex, updateFields);
	// An update that changes nothing is a mistake: PagerDuty would answer with the incident as it is.
	requireChanges(context, itemIndex, changes);
	return { itemIndex, incidentId, from, changes };
}

async function updateOne(context: IExecuteFunctions, update: IncidentUpdate): Promise<IDataObject> {
	const response = await pagerDutyApiRequest.call(context, {
		method: 'PUT',
		path: `/incidents/${pathId(update.incidentId)}`,
		body: { incident: { type: 'incident_reference', ...update.changes } },
		from: update.from,
	});
	return response.incident as IDataObject;
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await updateOne(this, readUpdate(this, itemIndex));
}

/**
 * Many items' updates go out as PagerDuty's bulk update (`PUT /incidents`, up to 250 each), and
 * every item gets back its own incident, or its own error.
 */
async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
): Promise<Array<Settled<IDataObject>>> {
	return await updateInBulk(this, itemIndexes, readUpdate, updateOne);
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description: 'Acknowledge, resolve, reassign, re-prioritise or rename an incident',
	endpoints: ['PUT /incidents', 'PUT /incidents/{id}'],
	properties,
	checksItself: incidentChangesCheckedThemselves,
	execute,
	executeBatch,
});
