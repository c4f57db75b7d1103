import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import * as create from './create.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { create, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['incidentNote'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: "Add a note to an incident's timeline; returns the note",
				action: 'Create an incident note',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the notes of an incident, oldest first',
				action: 'Get many incident notes',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Replace the text of a note on an incident; returns the note',
				action: 'Update an incident note',
			},
		],
		default: 'create',
	},
	...create.description,
	...getAll.description,
	...update.description,
];
