import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { postPath, postUpdateFields, postWindow, readPostUpdate } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { readParameter } from '../../../shared/validation';
import { defineOperation } from '../registry';
import { NEEDS_STATUS_PAGE, postTypeOptions, statusPageLocator } from '../statusPage/fields';

export const postTitleSchema = z
	.string()
	.trim()
	.min(1, 'must not be empty')
	.max(128, 'must be at most 128 characters');

const properties: INodeProperties[] = [
	statusPageLocator.field,
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description: 'The headline readers see, at most 128 characters',
	},
	{
		displayName: 'Post Type',
		name: 'postType',
		type: 'options',
		options: postTypeOptions,
		required: true,
		default: 'incident',
		description:
			'An incident report or a maintenance notice; statuses, severities and impacts differ by type',
	},
	{
		displayName: 'Starts At',
		name: 'startsAt',
		type: 'dateTime',
		default: '',
		description: 'When the incident began or the maintenance starts (ISO 8601)',
	},
	{
		displayName: 'Ends At',
		name: 'endsAt',
		type: 'dateTime',
		default: '',
		description: 'When it ended or the maintenance ends (ISO 8601); after Starts At',
	},
	...postUpdateFields,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const statusPageId = statusPageLocator.read(this, itemIndex);
	const path = postPath(this, itemIndex, false);
	const post = {
		type: 'status_page_post',
		title: readParameter(this, itemIndex, 'title', 'Title', postTitleSchema),
		post_type: this.getNodeParameter('postType', itemIndex) as string,
		...postWindow(
			this,
			itemIndex,
			this.getNodeParameter('startsAt', itemIndex, ''),
			this.getNodeParameter('endsAt', itemIndex, ''),
		),
		status_page: { id: statusPageId, type: 'status_page' },
		updates: [readPostUpdate(this, itemIndex)],
	};
	const response = await pagerDutyApiRequest.call(this, { method: 'POST', path, body: { post } });
	return response.post as IDataObject;
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description: `Publish an incident report or a maintenance notice on a status page, with its first update (message, status, severity, impacted services). ${NEEDS_STATUS_PAGE} Status, severity, impact and service IDs come from the Status Page → Get Many Statuses / Severities / Impacts / Services operations. Returns the post.`,
	endpoints: ['POST /status_pages/{id}/posts'],
	properties,
	execute,
});
