import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { postTitleSchema } from './create.operation';
import { postLocator, postPath, postWindow } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { validate } from '../../../shared/validation';
import { updateFieldsCollection } from '../../descriptions/common';
import { withoutEmpty } from '../../helpers/utils';
import { readRecord, requireChanges } from '../common';
import { defineOperation } from '../registry';
import { NEEDS_STATUS_PAGE, statusPageLocator } from '../statusPage/fields';

const properties: INodeProperties[] = [
	statusPageLocator.field,
	postLocator.field,
	updateFieldsCollection([
		{
			displayName: 'Ends At',
			name: 'endsAt',
			type: 'dateTime',
			default: '',
			description: 'When it ended or the maintenance ends (ISO 8601); after Starts At',
		},
		{
			displayName: 'Starts At',
			name: 'startsAt',
			type: 'dateTime',
			default: '',
			description: 'When the incident began or the maintenance starts (ISO 8601)',
		},
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			description: 'The headline readers see, at most 128 characters',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const path = postPath(this, itemIndex);
	const changes = withoutEmpty(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	requireChanges(this, itemIndex, changes);
	const title =
		changes.title === undefined
			? undefined
			: validate(this, itemIndex, 'Title', postTitleSchema, changes.title);
	// PagerDuty's update replaces the post's title, type, times and page together: read, then merge.
	const current = await readRecord(this, path, 'post');
	const post = {
		type: 'status_page_post',
		title: title ?? current.title,
		post_type: current.post_type,
		...postWindow(
			this,
			itemIndex,
			changes.startsAt ?? current.starts_at,
			changes.endsAt ?? current.ends_at,
		),
		status_page: current.status_page,
	};
	const response = await pagerDutyApiRequest.call(this, { method: 'PUT', path, body: { post } });
	return response.post as IDataObject;
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description: `Change a post's title, start or end; the rest is kept. ${NEEDS_STATUS_PAGE} Needs the post's ID (Status Page Post → Get Many). To tell readers something new, use Create Update instead. Returns the post.`,
	endpoints: ['GET /status_pages/{id}/posts/{post_id}', 'PUT /status_pages/{id}/posts/{post_id}'],
	properties,
	execute,
});
