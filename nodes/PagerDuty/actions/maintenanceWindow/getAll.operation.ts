import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseIdList } from '../../../shared/validation';
import {
	optionsCollection,
	queryFilter,
	returnAllAndLimit,
	teamIdsFilter,
} from '../../descriptions/common';
import { includeValues } from '../../descriptions/include';
import { readList } from '../common';
import { maintenanceWindowIncludeField, windowFields } from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('maintenance windows'),
	optionsCollection([
		{
			displayName: 'Filter',
			name: 'filter',
			type: 'options',
			options: [
				{ name: 'All', value: 'all', description: 'Every window, whatever its time' },
				{ name: 'Future', value: 'future', description: 'Windows that have not started yet' },
				{ name: 'Ongoing', value: 'ongoing', description: 'Windows in progress now' },
				{ name: 'Open', value: 'open', description: 'Windows in progress or still to come' },
				{ name: 'Past', value: 'past', description: 'Windows that have ended' },
			],
			default: 'open',
			description: 'Which windows to return, by where they lie in time',
		},
		maintenanceWindowIncludeField,
		queryFilter('windows whose description'),
		{
			...windowFields.serviceIds,
			description:
				'Only windows on these services. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		teamIdsFilter('windows on services'),
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/maintenance_windows',
		property: 'maintenance_windows',
		query: (options) => ({
			filter: options.filter,
			include: includeValues(options.include),
			query: options.query,
			service_ids: parseIdList(this, itemIndex, 'Services', options.serviceIds),
			team_ids: parseIdList(this, itemIndex, 'Team Names or IDs', options.teamIds),
		}),
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description: 'List maintenance windows: past, ongoing or future, by service, team or description',
	endpoints: ['GET /maintenance_windows'],
	properties,
	execute,
});
