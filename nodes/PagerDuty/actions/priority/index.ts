import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as getAll from './getAll.operation';

export const operations: ResourceOperations = { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['priority'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					"List the account's incident priorities (such as P1 to P5), most urgent first; their IDs set an incident's priority. Standard and Enterprise plans only.",
				action: 'Get many priorities',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
