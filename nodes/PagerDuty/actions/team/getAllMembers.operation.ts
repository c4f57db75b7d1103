import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllAndLimit } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readList } from '../common';
import { teamLocator } from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	teamLocator.field,
	...returnAllAndLimit('members'),
	optionsCollection([
		{
			displayName: 'Include User Details',
			name: 'includeUsers',
			type: 'boolean',
			default: false,
			description:
				"Whether to return each member's whole user (email, time zone, role …) instead of a reference",
		},
	]),
];

/** Each member is `{ user, role }`, role being observer, responder or manager. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const teamId = teamLocator.read(this, itemIndex);
	return await readList(this, itemIndex, {
		path: `/teams/${pathId(teamId)}/members`,
		property: 'members',
		query: (options) => ({ include: options.includeUsers ? ['users'] : undefined }),
	});
}

export const getAllMembers = defineOperation({
	value: 'getAllMembers',
	name: 'Get Many Members',
	action: 'Get many members of a team',
	description: "List a team's members with their team roles",
	endpoints: ['GET /teams/{id}/members'],
	properties,
	execute,
});
