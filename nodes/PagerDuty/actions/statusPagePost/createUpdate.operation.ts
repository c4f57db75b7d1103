import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { postLocator, postPath, postUpdateFields, readPostUpdate } from './fields';
import { sendRecord } from '../common';
import { defineOperation } from '../registry';
import { NEEDS_STATUS_PAGE, statusPageLocator } from '../statusPage/fields';

const properties: INodeProperties[] = [
	statusPageLocator.field,
	postLocator.field,
	...postUpdateFields,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = postPath(this, itemIndex);
	const postId = postLocator.read(this, itemIndex);
	return await sendRecord(this, 'POST', `${path}/post_updates`, 'post_update', {
		...readPostUpdate(this, itemIndex),
		post: { id: postId, type: 'status_page_post' },
	});
}

export const createUpdate = defineOperation({
	value: 'createUpdate',
	name: 'Create Update',
	action: 'Create an update on a status page post',
	description: `Add an update to a status page post: a new message with the post's status (e.g. resolved), severity and impacted services. ${NEEDS_STATUS_PAGE} Needs the post's ID (Status Page Post → Get Many); statuses and severities must be of the post's type. Returns the update.`,
	endpoints: ['POST /status_pages/{id}/posts/{post_id}/post_updates'],
	properties,
	execute,
});
