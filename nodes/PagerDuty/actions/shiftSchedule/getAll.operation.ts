import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseIdList } from '../../../shared/validation';
import {
	optionsCollection,
	queryFilter,
	returnAllAndLimit,
	teamIdsFilter,
} from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('schedules'),
	optionsCollection([queryFilter('schedules whose name'), teamIdsFilter('schedules')]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/v3/schedules',
		property: 'schedules',
		// The list's answer has no total.
		paging: 'offsetWithoutTotal',
		query: (options) => ({
			query: options.query,
			team_ids: parseIdList(this, itemIndex, 'Team IDs', options.teamIds),
		}),
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		'List shift-based schedules, optionally by name text or team, as references: ID, summary (the name) and URLs. Layer-based schedules are listed by Schedule → Get Many. Returns one item per schedule.',
	endpoints: ['GET /v3/schedules'],
	properties,
	execute,
});
