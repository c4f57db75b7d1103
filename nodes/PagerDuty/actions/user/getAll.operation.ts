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
import { userIncludeField } from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('users'),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return only the main fields (ID, name, email, role, job title, time zone, URL, teams and anything asked for under Include) instead of the whole user',
	},
	optionsCollection([
		userIncludeField,
		queryFilter('users whose name or email'),
		teamIdsFilter('members'),
	]),
];

const SIMPLE_FIELDS = ['id', 'name', 'email', 'role', 'job_title', 'time_zone', 'html_url'];

function simplify(user: IDataObject, include: string[]): IDataObject {
	const simple: IDataObject = {};
	for (const field of [...SIMPLE_FIELDS, ...include])
		if (user[field] !== undefined) simple[field] = user[field];
	if (!include.includes('teams')) {
		simple.teams = ((user.teams as IDataObject[] | undefined) ?? []).map((team) => ({
			id: team.id,
			name: team.summary,
		}));
	}
	return simple;
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/users',
		property: 'users',
		query: (options) => ({
			query: options.query,
			team_ids: parseIdList(this, itemIndex, 'Team Names or IDs', options.teamIds),
			include: includeValues(options.include),
		}),
		simplify: {
			byDefault: true,
			record: (user, options) => simplify(user, includeValues(options.include)),
		},
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description: 'List users, optionally by name or email text and by team',
	endpoints: ['GET /users'],
	properties,
	execute,
});
