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
import { pathId } from '../../helpers/utils';
import { pagerDutyIdSchema, readOptionalEmail, readParameter, validate } from '../../helpers/validation';
import { pagerDutyApiRequest } from '../../transport';
import { sharedIncidentFields } from './body';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const incidentId = readParameter(this, itemIndex, 'incidentId', 'Incident ID', pagerDutyIdSchema);
	const from = readOptionalEmail(this, itemIndex, 'email', 'Email');
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;

	const incident: IDataObject = {
		type: 'incident_reference',
		...sharedIncidentFields(this, itemIndex, updateFields),
	};
	if (updateFields.status) incident.status = updateFields.status;
	if (updateFields.resolution) incident.resolution = updateFields.resolution;
	// Present means the user set it: a 0 is refused rather than silently dropped.
	if (updateFields.escalationLevel !== undefined) {
		incident.escalation_level = validate(this, itemIndex, 'Escalation Level', escalationLevelSchema, updateFields.escalationLevel);
	}

	const response = await pagerDutyApiRequest.call(this, {
		method: 'PUT',
		path: `/incidents/${pathId(incidentId)}`,
		body: { incident },
		from,
	});
	return response.incident as IDataObject;
}
