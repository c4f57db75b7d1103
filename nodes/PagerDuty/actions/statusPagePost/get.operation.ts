import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { postLocator, postPath } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { optionsCollection } from '../../descriptions/common';
import { withoutEmpty } from '../../helpers/utils';
import { defineOperation } from '../registry';
import { NEEDS_STATUS_PAGE, statusPageLocator } from '../statusPage/fields';

const properties: INodeProperties[] = [
	statusPageLocator.field,
	postLocator.field,
	optionsCollection([
		{
			displayName: 'Include Updates',
			name: 'includeUpdates',
			type: 'boolean',
			default: false,
			description:
				"Whether to return the post's updates in full (message, status, severity, impacted services) instead of as references",
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: postPath(this, itemIndex),
		qs: withoutEmpty({
			include: options.includeUpdates === true ? ['status_page_post_update'] : undefined,
		}),
	});
	return response.post as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: `Read one post of a status page: title, type, start and end, and its updates. ${NEEDS_STATUS_PAGE} Needs the post's ID (Status Page Post → Get Many).`,
	endpoints: ['GET /status_pages/{id}/posts/{post_id}'],
	properties,
	execute,
});
