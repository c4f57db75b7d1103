import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fromEmailField } from '../../descriptions/common';
import {
	conferenceBridgeField,
	escalationPolicyField,
	priorityField,
	urgencyField,
} from '../../descriptions/incident';
import { locatorField } from '../../descriptions/locators';
import { readLocatorId } from '../../helpers/locators';
import { reference } from '../../helpers/utils';
import { readOptionalEmail, readParameter, validate } from '../../helpers/validation';
import { pagerDutyApiRequest } from '../../transport';
import { sharedIncidentFields } from './body';
import { z } from 'zod';

const properties: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description: 'A short summary of what is wrong, shown in notifications and lists',
	},
	locatorField('service', {
		displayName: 'Service',
		name: 'serviceId',
		required: true,
		description:
			'The service the incident is opened on; its escalation policy decides who is paged (IDs come from Service → Get Many)',
	}),
	fromEmailField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			escalationPolicyField,
			{
				displayName: 'Incident Details',
				name: 'details',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: 'Longer text about the incident, shown as its body',
			},
			{
				displayName: 'Incident Key',
				name: 'incidentKey',
				type: 'string',
				default: '',
				description:
					'De-duplication key: while an open incident on the same service has this key, PagerDuty refuses to open another one with it',
			},
			priorityField,
			urgencyField,
		],
	},
	conferenceBridgeField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['incident'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const title = readParameter(this, itemIndex, 'title', 'Title', z.string().trim().min(1, 'must not be empty'));
	const serviceId = readLocatorId(this, itemIndex, 'serviceId', 'Service', 'service');
	const from = readOptionalEmail(this, itemIndex, 'email', 'Email');
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const incident: IDataObject = {
		type: 'incident',
		title,
		service: reference(serviceId, 'service'),
		...sharedIncidentFields(this, itemIndex, additionalFields),
	};
	if (additionalFields.incidentKey) {
		incident.incident_key = validate(this, itemIndex, 'Incident Key', z.string().trim().max(255), additionalFields.incidentKey);
	}

	const response = await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: '/incidents',
		body: { incident },
		from,
	});
	return response.incident as IDataObject;
}
