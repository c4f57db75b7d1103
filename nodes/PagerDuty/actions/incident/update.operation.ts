import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { fromEmailField } from '../../descriptions/common';
import {
	conferenceBridgeField,
	escalationPolicyField,
	incidentIdField,
	priorityField,
	titleField,
	urgencyField,
} from '../../descriptions/incident';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { readOptionalEmail, validate } from '../../helpers/validation';
import { pagerDutyApiRequest } from '../../transport';
import { sharedIncidentFields } from './body';
import type { IncidentUpdate } from './bulk';
import { updateInBulk } from './bulk';
import type { Settled } from '../../helpers/concurrency';

const properties: INodeProperties[] = [
	incidentIdField,
	fromEmailField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Escalation Level',
				name: 'escalationLevel',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 1 },
				description: 'Escalate the incident to this level of its escalation policy (1 is the first level)',
			},
			escalationPolicyField,
			priorityField,
			{
				displayName: 'Resolution',
				name: 'resolution',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: 'Why the incident was resolved; added as a note when Status is set to Resolved',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Acknowledged', value: 'acknowledged' },
					{ name: 'Resolved', value: 'resolved' },
				],
				default: 'acknowledged',
				description: 'Acknowledge the incident (stops escalation) or resolve it',
			},
			titleField,
			urgencyField,
		],
	},
	conferenceBridgeField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['incident'], operation: ['update'] } },
	properties,
);

const escalationLevelSchema = z.coerce
	.number({ invalid_type_error: 'must be a number' })
	.int('must be a whole number')
	.min(1, 'must be 1 or higher: levels of an escalation policy start at 1');

function readUpdate(context: IExecuteFunctions, itemIndex: number): IncidentUpdate {
	const incidentId = readLocatorId(context, itemIndex, 'incidentId', 'Incident', 'incident');
	const from = readOptionalEmail(context, itemIndex, 'email', 'Email');
	const updateFields = context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;

	const changes: IDataObject = sharedIncidentFields(context, itemIndex, updateFields);
	if (updateFields.status) changes.status = updateFields.status;
	if (updateFields.resolution) changes.resolution = updateFields.resolution;
	// Present means the user set it: a 0 is refused rather than silently dropped.
	if (updateFields.escalationLevel !== undefined) {
		changes.escalation_level = validate(context, itemIndex, 'Escalation Level', escalationLevelSchema, updateFields.escalationLevel);
	}
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await updateOne(this, readUpdate(this, itemIndex));
}

/**
 * Many items' updates go out as PagerDuty's bulk update (`PUT /incidents`, up to 250 each), and
 * every item gets back its own incident, or its own error.
 */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<Array<Settled<IDataObject>>> {
	return await updateInBulk(this, itemIndexes, readUpdate, updateOne);
}
