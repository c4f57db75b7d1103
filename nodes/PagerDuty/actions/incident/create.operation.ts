import type { IDataObject, IExecuteFunctions, INodeProperties, NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import { sharedIncidentFields } from './body';
import {
	assigneeUserIdsField,
	conferenceBridgeField,
	escalationPolicyLocator,
	priorityLocator,
	urgencyField,
} from './fields';
import { toNodeError } from '../../../shared/errors';
import { locator } from '../../../shared/locators';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { readOptionalEmail, readParameter, validate } from '../../../shared/validation';
import { fromEmailField, additionalFieldsCollection } from '../../descriptions/common';
import { reference } from '../../helpers/utils';
import { defineOperation } from '../registry';

const serviceLocator = locator('service', {
	displayName: 'Service',
	name: 'serviceId',
	required: true,
	description:
		'The service the incident is opened on; its escalation policy decides who is paged (IDs come from Service → Get Many)',
});

const properties: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description: 'A short summary of what is wrong, shown in notifications and lists',
	},
	serviceLocator.field,
	fromEmailField,
	additionalFieldsCollection([
		assigneeUserIdsField,
		escalationPolicyLocator.field,
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
		{
			displayName: 'Incident Type',
			name: 'incidentType',
			type: 'string',
			default: '',
			placeholder: 'e.g. security_incident',
			description:
				"Name of the incident type to open (an incident type set up in PagerDuty, on plans that offer incident types). PagerDuty's default type when empty.",
		},
		priorityLocator.field,
		urgencyField,
	]),
	conferenceBridgeField,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const title = readParameter(
		this,
		itemIndex,
		'title',
		'Title',
		z.string().trim().min(1, 'must not be empty'),
	);
	const serviceId = serviceLocator.read(this, itemIndex);
	const from = readOptionalEmail(this, itemIndex, 'email', 'Email');
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const incident: IDataObject = {
		type: 'incident',
		title,
		service: reference(serviceId, 'service'),
		...sharedIncidentFields(this, itemIndex, additionalFields),
	};
	if (additionalFields.incidentType) {
		incident.incident_type = {
			name: validate(
				this,
				itemIndex,
				'Incident Type',
				z.string().trim().min(1).max(255),
				additionalFields.incidentType,
			),
		};
	}
	if (additionalFields.incidentKey) {
		incident.incident_key = validate(
			this,
			itemIndex,
			'Incident Key',
			z.string().trim().max(255),
			additionalFields.incidentKey,
		);
	}

	const incidentKey = incident.incident_key as string | undefined;
	try {
		const response = await pagerDutyApiRequest.call(this, {
			method: 'POST',
			path: '/incidents',
			body: { incident },
			from,
			// PagerDuty refuses a second open incident with the same key, so a retry cannot duplicate it.
			idempotent: incidentKey !== undefined,
		});
		return response.incident as IDataObject;
	} catch (error) {
		const attempts = ((error as NodeApiError).context?.attempts as number | undefined) ?? 1;
		const refusedRetry = incidentKey && attempts > 1 && (error as NodeApiError).httpCode === '400';
		const created = refusedRetry
			? await findOpenIncident.call(this, serviceId, incidentKey)
			: undefined;
		if (created) return created;
		throw toNodeError(this.getNode(), error as Error);
	}
}

/**
 * The open incident with this key on this service. When a create is retried after its answer
 * was lost, PagerDuty refuses the retry as a duplicate: the incident the first attempt made is this one.
 */
async function findOpenIncident(this: IExecuteFunctions, serviceId: string, incidentKey: string) {
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: '/incidents',
		qs: {
			incident_key: incidentKey,
			service_ids: [serviceId],
			statuses: ['triggered', 'acknowledged'],
			date_range: 'all',
			limit: 1,
		},
	});
	return (response.incidents as IDataObject[] | undefined)?.[0];
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description: 'Open a new incident on a service and page its on-call responders',
	endpoints: ['GET /incidents', 'POST /incidents'],
	properties,
	execute,
});
