import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseIdList } from '../../../shared/validation';
import {
	namesOrIdsField,
	optionsCollection,
	queryFilter,
	returnAllAndLimit,
	sortByNameField,
	teamIdsFilter,
} from '../../descriptions/common';
import { includeValues } from '../../descriptions/include';
import { readList } from '../common';
import { escalationPolicyIncludeField } from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('escalation policies'),
	optionsCollection([
		escalationPolicyIncludeField,
		queryFilter('policies whose name'),
		sortByNameField('policies'),
		teamIdsFilter('policies'),
		namesOrIdsField({
			displayName: 'User Names or IDs',
			name: 'userIds',
			loadOptionsMethod: 'getUsers',
			description: 'Only policies that notify these users, directly or through a schedule',
		}),
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/escalation_policies',
		property: 'escalation_policies',
		query: (options) => ({
			include: includeValues(options.include),
			query: options.query,
			sort_by: options.sortBy,
			team_ids: parseIdList(this, itemIndex, 'Team Names or IDs', options.teamIds),
			user_ids: parseIdList(this, itemIndex, 'User Names or IDs', options.userIds),
		}),
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description: 'List escalation policies, optionally by name text, team or notified user',
	endpoints: ['GET /escalation_policies'],
	properties,
	execute,
});
