import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	customDetailsFields,
	dedupKeyField,
	dedupKeySchema,
	imagesField,
	linksField,
	optionalUrl,
	readCustomDetails,
	readImages,
	readLinks,
	readTimestamp,
	severitySchema,
	sourceSchema,
	summaryField,
	summarySchema,
	timestampField,
} from './fields';
import { sendEvent } from '../../../shared/transport/events';
import { readParameter, validate } from '../../../shared/validation';
import { additionalFieldsCollection } from '../../descriptions/common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	summaryField('What is wrong, as shown in the incident title and notifications'),
	{
		displayName: 'Source',
		name: 'source',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. db-01.example.com',
		description: 'Where the problem is: the affected system, preferably a hostname or FQDN',
	},
	{
		displayName: 'Severity',
		name: 'severity',
		type: 'options',
		options: [
			{ name: 'Critical', value: 'critical' },
			{ name: 'Error', value: 'error' },
			{ name: 'Warning', value: 'warning' },
			{ name: 'Info', value: 'info' },
		],
		default: 'error',
		description: "How bad it is; the service's urgency rules may use it",
	},
	dedupKeyField(false),
	...customDetailsFields,
	additionalFieldsCollection([
		{
			displayName: 'Class',
			name: 'class',
			type: 'string',
			default: '',
			placeholder: 'e.g. disk',
			description: 'The class or type of the event',
		},
		{
			displayName: 'Client',
			name: 'client',
			type: 'string',
			default: '',
			placeholder: 'e.g. Monitoring Service',
			description: 'Name of the monitoring client that is sending the event',
		},
		{
			displayName: 'Client URL',
			name: 'clientUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://monitoring.example.com',
			description: 'URL of the monitoring client that is sending the event',
		},
		{
			displayName: 'Component',
			name: 'component',
			type: 'string',
			default: '',
			placeholder: 'e.g. postgres',
			description: 'The part or component of the source that is affected',
		},
		{
			displayName: 'Group',
			name: 'group',
			type: 'string',
			default: '',
			placeholder: 'e.g. prod-datapipe',
			description: 'A cluster or grouping of sources',
		},
		{ ...timestampField },
	]),
	imagesField,
	linksField,
];

const optionalText = z.string().trim().optional();

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const summary = readParameter(this, itemIndex, 'summary', 'Summary', summarySchema);
	const source = readParameter(this, itemIndex, 'source', 'Source', sourceSchema);
	const severity = readParameter(this, itemIndex, 'severity', 'Severity', severitySchema);
	const givenKey = String(this.getNodeParameter('dedupKey', itemIndex, '') ?? '').trim();
	// A key of our own (PagerDuty would generate one otherwise) makes a retried trigger safe: the
	// repeat updates the same alert instead of opening a second one.
	const dedupKey =
		givenKey === ''
			? randomUUID()
			: validate(this, itemIndex, 'Dedup Key', dedupKeySchema, givenKey);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const payload: IDataObject = { summary, source, severity };
	for (const name of ['component', 'group', 'class'] as const) {
		const value = validate(
			this,
			itemIndex,
			name,
			optionalText,
			additional[name] as string | undefined,
		);
		if (value) payload[name] = value;
	}
	const timestamp = readTimestamp(this, itemIndex, additional.timestamp);
	if (timestamp) payload.timestamp = timestamp;
	const customDetails = readCustomDetails(this, itemIndex);
	if (customDetails) payload.custom_details = customDetails;

	const event: IDataObject = { event_action: 'trigger', dedup_key: dedupKey, payload };
	const client = String(additional.client ?? '').trim();
	if (client) event.client = client;
	if (String(additional.clientUrl ?? '').trim() !== '') {
		event.client_url = validate(this, itemIndex, 'Client URL', optionalUrl, additional.clientUrl);
	}
	const images = readImages(this, itemIndex);
	if (images) event.images = images;
	const links = readLinks(this, itemIndex);
	if (links) event.links = links;

	return await sendEvent.call(this, '/v2/enqueue', event, itemIndex);
}

export const trigger = defineOperation({
	value: 'trigger',
	name: 'Trigger',
	description: 'Raise an alert on the service the routing key belongs to (Events API v2)',
	endpoints: ['POST /v2/enqueue'],
	properties,
	execute,
});
