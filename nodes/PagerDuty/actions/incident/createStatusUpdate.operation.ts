import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { incidentLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { invalidParameter, readOptionalEmail, readParameter } from '../../../shared/validation';
import { fromEmailField } from '../../descriptions/common';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	incidentLocator.field,
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description:
			"The status update sent to the incident's stakeholders and shown on its timeline (plain text)",
	},
	fromEmailField,
	{
		displayName: 'Custom Email',
		name: 'customEmail',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'A custom HTML email for subscribers instead of the plain message; Subject and HTML Message go together',
		options: [
			{
				displayName: 'HTML Message',
				name: 'htmlMessage',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: 'HTML body of the email; needs Subject',
			},
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
				description: 'Subject line of the email; needs HTML Message',
			},
		],
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const incidentId = incidentLocator.read(this, itemIndex);
	const message = readParameter(
		this,
		itemIndex,
		'message',
		'Message',
		z.string().trim().min(1, 'must not be empty'),
	);
	const customEmail = withoutEmpty(
		this.getNodeParameter('customEmail', itemIndex, {}) as IDataObject,
	);
	if ((customEmail.subject === undefined) !== (customEmail.htmlMessage === undefined)) {
		const missing = customEmail.subject === undefined ? 'Subject' : 'HTML Message';
		throw invalidParameter(
			this,
			itemIndex,
			missing,
			'is needed too: PagerDuty takes Subject and HTML Message together',
		);
	}
	const response = await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: `/incidents/${pathId(incidentId)}/status_updates`,
		body: {
			message,
			...withoutEmpty({ subject: customEmail.subject, html_message: customEmail.htmlMessage }),
		},
		from: readOptionalEmail(this, itemIndex, 'email', 'Email'),
	});
	return response.status_update as IDataObject;
}

export const createStatusUpdate = defineOperation({
	value: 'createStatusUpdate',
	name: 'Create Status Update',
	action: 'Create a status update',
	description:
		"Post a status update to an incident's stakeholders, optionally as a custom HTML email",
	endpoints: ['POST /incidents/{id}/status_updates'],
	properties,
	execute,
});
