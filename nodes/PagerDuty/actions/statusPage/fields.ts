import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { chosenId, isEmptyLocatorValue, locator } from '../../../shared/locators';
import { pagerDutyApiRequestList } from '../../../shared/transport/paging';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { optionsCollection, returnAllAndLimit } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readList } from '../common';
import type { Operation } from '../registry';
import { defineOperation } from '../registry';

export const statusPageLocator = locator('statusPage', {
	displayName: 'Status Page',
	name: 'statusPageId',
	required: true,
	description:
		'The status page: pick one, or give its ID (from Status Page → Get Many). PagerDuty has no web address for it to paste.',
});

/** Said in the description of every operation that takes a status page. */
export const NEEDS_STATUS_PAGE = "Needs the status page's ID (Status Page → Get Many).";

export const postTypeOptions = [
	{ name: 'Incident', value: 'incident' },
	{ name: 'Maintenance', value: 'maintenance' },
];

/** A list's Post Type filter (`post_type`). */
export const postTypeFilter = (description: string): INodeProperties => ({
	displayName: 'Post Type',
	name: 'postType',
	type: 'options',
	options: postTypeOptions,
	default: 'incident',
	description,
});

/** The lists of a status page the post dropdowns and list operations read. */
export type PageList = 'impacts' | 'severities' | 'statuses' | 'services';

const pageListPath = (statusPageId: string, list: PageList) =>
	`/status_pages/${pathId(statusPageId)}/${list}`;

/**
 * One status page list operation (its impacts, severities, statuses or services), paged with
 * limit/offset and no total; `postTypes` adds the Post Type filter.
 */
export function pageListOperation(definition: {
	list: PageList;
	value: string;
	name: string;
	action: string;
	description: string;
	noun: string;
	postTypes: boolean;
}): Operation {
	const { list, postTypes } = definition;
	const properties: INodeProperties[] = [
		statusPageLocator.field,
		...returnAllAndLimit(definition.noun),
	];
	if (postTypes)
		properties.push(
			optionsCollection([
				postTypeFilter(`Only the ${definition.noun} for posts of this type; both when not set`),
			]),
		);
	return defineOperation({
		value: definition.value,
		name: definition.name,
		action: definition.action,
		description: definition.description,
		endpoints: [`GET /status_pages/{id}/${list}`],
		properties,
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const statusPageId = statusPageLocator.read(this, itemIndex);
			return await readList(this, itemIndex, {
				path: pageListPath(statusPageId, list),
				property: list,
				paging: 'offsetWithoutTotal',
				query: (options) => ({ post_type: postTypes ? options.postType : undefined }),
			});
		},
	});
}

/**
 * The post type the status and severity dropdowns filter by: the node's Post Type (Create), the
 * Post Type option (Get Many), or the chosen post's own type (Create Update). None: both types.
 */
async function chosenPostType(context: ILoadOptionsFunctions): Promise<string | undefined> {
	const postType = context.getCurrentNodeParameter('postType');
	if (typeof postType === 'string' && postType !== '') return postType;
	const options = context.getCurrentNodeParameter('options') as IDataObject | undefined;
	if (typeof options?.postType === 'string' && options.postType !== '') return options.postType;
	const post = context.getCurrentNodeParameter('postId');
	if (post === undefined || isEmptyLocatorValue(post)) return undefined;
	const statusPageId = chosenId(context, 'statusPage', 'statusPageId');
	const postId = chosenId(context, 'statusPagePost', 'postId');
	const response = await pagerDutyApiRequest.call(context, {
		method: 'GET',
		path: `/status_pages/${pathId(statusPageId)}/posts/${pathId(postId)}`,
	});
	return (response.post as IDataObject | undefined)?.post_type as string | undefined;
}

/**
 * A dropdown of the chosen status page's statuses, severities, impacts (labelled by their
 * description, for the chosen post type) or services (by name).
 */
export async function pageListOptions(
	context: ILoadOptionsFunctions,
	list: PageList,
): Promise<INodePropertyOptions[]> {
	const statusPageId = chosenId(context, 'statusPage', 'statusPageId');
	const postType = list === 'services' ? undefined : await chosenPostType(context);
	const records = await pagerDutyApiRequestList.call(
		context,
		{
			method: 'GET',
			path: pageListPath(statusPageId, list),
			qs: postType ? { post_type: postType } : {},
		},
		list,
		'offsetWithoutTotal',
	);
	return records.map((record) => ({
		name:
			list === 'services'
				? String(record.name)
				: `${String(record.description)}${postType ? '' : ` (${String(record.post_type)})`}`,
		value: String(record.id),
	}));
}
