import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { locator } from '../../../shared/locators';
import {
	invalidParameter,
	optionalDateTime,
	pagerDutyIdSchema,
	readParameter,
	validate,
} from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import { statusPageLocator } from '../statusPage/fields';

export const postLocator = locator('statusPagePost', {
	displayName: 'Post',
	name: 'postId',
	required: true,
	description:
		"The status page's post: pick one of the chosen page's posts, or give its ID (from Status Page Post → Get Many)",
});

/** The path of a status page's posts, or of one post, for the item's page (and post). */
export function postPath(context: IExecuteFunctions, itemIndex: number, withPost = true): string {
	const statusPageId = statusPageLocator.read(context, itemIndex);
	const posts = `/status_pages/${pathId(statusPageId)}/posts`;
	return withPost ? `${posts}/${pathId(postLocator.read(context, itemIndex))}` : posts;
}

export const reviewedStatusField: INodeProperties = {
	displayName: 'Reviewed Status',
	name: 'reviewedStatus',
	type: 'options',
	options: [
		{ name: 'Approved', value: 'approved' },
		{ name: 'Not Reviewed', value: 'not_reviewed' },
	],
	default: 'approved',
	description: 'Only updates that were approved for the page, or only those not reviewed yet',
};

const dropdown = (method: string) => ({
	loadOptionsMethod: method,
	loadOptionsDependsOn: ['statusPageId.value', 'postType', 'postId.value'],
});

/** The fields of a post update: Create sends them as the post's first update, Create Update as a new one. */
export const postUpdateFields: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'What readers of the status page are told (HTML allowed)',
	},
	{
		displayName: 'Status Name or ID',
		name: 'status',
		type: 'options',
		typeOptions: dropdown('getStatusPageStatuses'),
		required: true,
		default: '',
		description:
			'Where the post stands, e.g. investigating or resolved (IDs from Status Page → Get Many Statuses, for the post\'s type). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Severity Name or ID',
		name: 'severity',
		type: 'options',
		typeOptions: dropdown('getStatusPageSeverities'),
		required: true,
		default: '',
		description:
			'How bad it is, e.g. minor or major (IDs from Status Page → Get Many Severities, for the post\'s type). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Impacted Services',
		name: 'impactedServices',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Impacted Service',
		default: {},
		description: "The page's services this update concerns and how each is affected",
		options: [
			{
				displayName: 'Impacted Service',
				name: 'service',
				values: [
					{
						displayName: 'Service Name or ID',
						name: 'service',
						type: 'options',
						typeOptions: dropdown('getStatusPageServices'),
						default: '',
						description:
							'One of the status page\'s services (IDs from Status Page → Get Many Services). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Impact Name or ID',
						name: 'impact',
						type: 'options',
						typeOptions: dropdown('getStatusPageImpacts'),
						default: '',
						description:
							'How the service is affected, e.g. partial outage (IDs from Status Page → Get Many Impacts). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				],
			},
		],
	},
	{
		displayName: 'Update Fields',
		name: 'updateOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Notify Subscribers',
				name: 'notifySubscribers',
				type: 'boolean',
				default: false,
				description: "Whether to notify the page's subscribers of this update",
			},
			{
				displayName: 'Reported At',
				name: 'reportedAt',
				type: 'dateTime',
				default: '',
				description: 'When this was reported (ISO 8601); now when empty',
			},
			{
				displayName: 'Update Frequency (Minutes)',
				name: 'updateFrequencyMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30,
				description: 'How often readers can expect the next update',
			},
		],
	},
];

const messageSchema = z.string().trim().min(1, 'must not be empty');
const minutesSchema = z.number().int('must be a whole number').min(1, 'must be at least 1');

const reference = (id: string, type: string) => ({ id, type });

/** The item's post update as PagerDuty takes it; every required field is sent, empty ones as null or []. */
export function readPostUpdate(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const id = (name: string, label: string) =>
		readParameter(context, itemIndex, name, label, pagerDutyIdSchema);
	const { service: services = [] } = context.getNodeParameter(
		'impactedServices',
		itemIndex,
		{},
	) as {
		service?: IDataObject[];
	};
	const options = context.getNodeParameter('updateOptions', itemIndex, {}) as IDataObject;
	const minutes =
		options.updateFrequencyMinutes === undefined
			? undefined
			: validate(
					context,
					itemIndex,
					'Update Frequency (Minutes)',
					minutesSchema,
					options.updateFrequencyMinutes,
				);
	const reportedAt = optionalDateTime(context, itemIndex, 'Reported At', options.reportedAt);
	return {
		type: 'status_page_post_update',
		message: readParameter(context, itemIndex, 'message', 'Message', messageSchema),
		status: reference(id('status', 'Status Name or ID'), 'status_page_status'),
		severity: reference(id('severity', 'Severity Name or ID'), 'status_page_severity'),
		impacted_services: services.map((entry) => ({
			service: reference(
				validate(
					context,
					itemIndex,
					'Impacted Services → Service',
					pagerDutyIdSchema,
					entry.service,
				),
				'status_page_service',
			),
			impact: reference(
				validate(context, itemIndex, 'Impacted Services → Impact', pagerDutyIdSchema, entry.impact),
				'status_page_impact',
			),
		})),
		update_frequency_ms: minutes === undefined ? null : minutes * 60_000,
		notify_subscribers: options.notifySubscribers === true,
		...(reportedAt !== undefined && { reported_at: reportedAt }),
	};
}

/** Starts At / Ends At as PagerDuty takes them (null when empty); the end must come after the start. */
export function postWindow(
	context: IExecuteFunctions,
	itemIndex: number,
	startsAt: unknown,
	endsAt: unknown,
): { starts_at: string | null; ends_at: string | null } {
	const start = optionalDateTime(context, itemIndex, 'Starts At', startsAt) ?? null;
	const end = optionalDateTime(context, itemIndex, 'Ends At', endsAt) ?? null;
	if (start !== null && end !== null && Date.parse(end) <= Date.parse(start))
		throw invalidParameter(context, itemIndex, 'Ends At', 'must be after "Starts At"');
	return { starts_at: start, ends_at: end };
}
