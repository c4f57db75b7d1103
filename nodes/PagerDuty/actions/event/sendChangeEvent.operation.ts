import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	customDetailsFields,
	linksField,
	readCustomDetails,
	readLinks,
	readTimestamp,
	summaryField,
	summarySchema,
	timestampField,
} from './fields';
import { sendEvent } from '../../../shared/transport/events';
import { readParameter } from '../../../shared/validation';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	summaryField('What changed, e.g. a deploy or a configuration change'),
	{
		displayName: 'Additional Fields',
		name: 'changeFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Source',
				name: 'source',
				type: 'string',
				default: '',
				placeholder: 'e.g. ci.example.com',
				description: 'The system the change comes from',
			},
			{ ...timestampField },
		],
	},
	...customDetailsFields,
	linksField,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const summary = readParameter(this, itemIndex, 'summary', 'Summary', summarySchema);
	const fields = this.getNodeParameter('changeFields', itemIndex, {}) as IDataObject;
	const payload: IDataObject = { summary };
	const source = String(fields.source ?? '').trim();
	if (source) payload.source = source;
	const timestamp = readTimestamp(this, itemIndex, fields.timestamp);
	if (timestamp) payload.timestamp = timestamp;
	const customDetails = readCustomDetails(this, itemIndex);
	if (customDetails) payload.custom_details = customDetails;
	const event: IDataObject = { payload };
	const links = readLinks(this, itemIndex);
	if (links) event.links = links;
	return await sendEvent.call(this, '/v2/change/enqueue', event, itemIndex);
}

export const sendChangeEvent = defineOperation({
	value: 'sendChangeEvent',
	name: 'Send Change Event',
	action: 'Send a change event',
	description: 'Record a deploy or other change on the service (Events API v2)',
	endpoints: ['POST /v2/change/enqueue'],
	properties,
	execute,
});
