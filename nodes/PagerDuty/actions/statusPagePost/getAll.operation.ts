import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { postPath, reviewedStatusField } from './fields';
import { parseIdList } from '../../../shared/validation';
import { optionsCollection, returnAllAndLimit } from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';
import { NEEDS_STATUS_PAGE, postTypeFilter, statusPageLocator } from '../statusPage/fields';

const properties: INodeProperties[] = [
	statusPageLocator.field,
	...returnAllAndLimit('posts'),
	optionsCollection([
		postTypeFilter('Only incident posts or only maintenance posts'),
		{
			...reviewedStatusField,
			description: 'Only posts whose latest update was approved, or only those not reviewed yet',
		},
		{
			displayName: 'Status Names or IDs',
			name: 'statuses',
			type: 'multiOptions',
			typeOptions: {
				loadOptionsMethod: 'getStatusPageStatuses',
				loadOptionsDependsOn: ['statusPageId.value'],
			},
			default: [],
			description:
				'Only posts in one of these statuses (IDs from Status Page → Get Many Statuses). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: postPath(this, itemIndex, false),
		property: 'posts',
		paging: 'offsetWithoutTotal',
		query: (options) => ({
			post_type: options.postType,
			reviewed_status: options.reviewedStatus,
			status: parseIdList(this, itemIndex, 'Status Names or IDs', options.statuses),
		}),
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description: `List the posts (incident reports and maintenance notices) of a status page, newest first, optionally by type or status. ${NEEDS_STATUS_PAGE} Each post has an ID, title, type, start and end, and its updates as references (Status Page Post → Get Many Updates reads them).`,
	endpoints: ['GET /status_pages/{id}/posts'],
	properties,
	execute,
});
