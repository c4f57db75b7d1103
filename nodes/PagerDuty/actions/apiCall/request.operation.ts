import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { jsonObjectSchema, readOptionalEmail, readParameter } from '../../../shared/validation';
import { fromEmailField } from '../../descriptions/common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
		default: 'GET',
		description: 'HTTP method of the PagerDuty REST API v2 endpoint',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '',
		placeholder: '/incidents/Q2T4ZLRMNV8ICM/alerts',
		description:
			"Endpoint path below the credential's REST host, starting with a slash, as in PagerDuty's API reference",
	},
	{
		displayName: 'Query Parameters (JSON)',
		name: 'query',
		type: 'json',
		default: '{}',
		description:
			'Query parameters as a JSON object; lists become repeated `name[]=` parameters, e.g. {"statuses": ["triggered"], "limit": 10}',
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { method: ['POST', 'PUT'] } },
		description:
			'Request body as a JSON object, e.g. {"incident": {"type": "incident_reference", "status": "acknowledged"}}',
	},
	fromEmailField,
];

const pathSchema = z
	.string()
	.trim()
	.regex(
		/^\/[A-Za-z0-9_\-/.]*$/,
		'must be a path such as /incidents (starting with a slash, no host or query)',
	)
	.refine((path) => !path.split('/').includes('..'), 'must not climb out of the API root with ..')
	// `//host/…` is a URL to another host, not a path below the credential's.
	.refine((path) => !path.includes('//'), 'must be a path such as /incidents, without "//"');

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const path = readParameter(this, itemIndex, 'path', 'Path', pathSchema);
	const qs = readParameter(
		this,
		itemIndex,
		'query',
		'Query Parameters (JSON)',
		jsonObjectSchema,
	) as IDataObject;
	const body =
		method === 'POST' || method === 'PUT'
			? (readParameter(this, itemIndex, 'body', 'Body (JSON)', jsonObjectSchema) as IDataObject)
			: undefined;
	const from = readOptionalEmail(this, itemIndex, 'email', 'Email');
	return await pagerDutyApiRequest.call(this, { method, path, qs, body, from });
}

export const request = defineOperation({
	value: 'request',
	name: 'Make a Request',
	action: 'Make an API request',
	description:
		'Call any PagerDuty REST API v2 endpoint with this credential, region, error handling and headers',
	endpoints: 'any',
	properties,
	execute,
});
