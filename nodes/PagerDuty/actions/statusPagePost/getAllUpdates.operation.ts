import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { postLocator, postPath, reviewedStatusField } from './fields';
import { optionsCollection, returnAllAndLimit } from '../../descriptions/common';
import { readList } from '../common';
import { defineOperation } from '../registry';
import { NEEDS_STATUS_PAGE, statusPageLocator } from '../statusPage/fields';

const properties: INodeProperties[] = [
	statusPageLocator.field,
	postLocator.field,
	...returnAllAndLimit('updates'),
	optionsCollection([reviewedStatusField]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: `${postPath(this, itemIndex)}/post_updates`,
		property: 'post_updates',
		paging: 'offsetWithoutTotal',
		query: (options) => ({ reviewed_status: options.reviewedStatus }),
	});
}

export const getAllUpdates = defineOperation({
	value: 'getAllUpdates',
	name: 'Get Many Updates',
	action: 'Get many updates of a status page post',
	description: `List the updates of a status page post, oldest first: message, status, severity, impacted services and when each was reported. ${NEEDS_STATUS_PAGE} Needs the post's ID (Status Page Post → Get Many).`,
	endpoints: ['GET /status_pages/{id}/posts/{post_id}/post_updates'],
	properties,
	execute,
});
