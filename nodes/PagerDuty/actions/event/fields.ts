import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	httpUrlSchema,
	jsonObjectSchema,
	optionalDateTime,
	validate,
} from '../../../shared/validation';

/** PagerDuty's Events API v2 limits (developer docs, "Send an Alert Event"). */
export const MAX_SUMMARY_LENGTH = 1024;
export const MAX_DEDUP_KEY_LENGTH = 255;
export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;

export const summarySchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'must not be empty')
	.max(MAX_SUMMARY_LENGTH, `must be at most ${MAX_SUMMARY_LENGTH} characters (PagerDuty's limit)`);

export const sourceSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'must not be empty');

export const severitySchema = z.enum(SEVERITIES, {
	errorMap: () => ({ message: `must be one of ${SEVERITIES.join(', ')}` }),
});

export const dedupKeySchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'is required to acknowledge or resolve an alert')
	.max(
		MAX_DEDUP_KEY_LENGTH,
		`must be at most ${MAX_DEDUP_KEY_LENGTH} characters (PagerDuty's limit)`,
	);

const httpUrl = httpUrlSchema('https://example.com/dashboard');

const httpsUrl = z
	.string()
	.trim()
	.url('must be a URL such as https://example.com/graph.png')
	.refine(
		(value) => /^https:\/\//i.test(value),
		'must be an https URL (PagerDuty only shows images served over HTTPS)',
	);

export const summaryField = (description: string): INodeProperties => ({
	displayName: 'Summary',
	name: 'summary',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Disk usage above 90% on db-01',
	description: `${description} (at most 1,024 characters)`,
});

export const dedupKeyField = (required: boolean): INodeProperties => ({
	displayName: 'Dedup Key',
	name: 'dedupKey',
	type: 'string',
	required,
	default: '',
	description: required
		? 'The dedup key of the alert, as returned when it was triggered (or as you set it). At most 255 characters.'
		: 'Identifies the alert: events with the same key update one open alert instead of opening new ones. When empty, a unique key is generated and returned. At most 255 characters.',
});

export const timestampField: INodeProperties = {
	displayName: 'Timestamp',
	name: 'timestamp',
	type: 'dateTime',
	default: '',
	description: 'When the problem or change happened; when PagerDuty received the event if empty',
};

export const customDetailsFields: INodeProperties[] = [
	{
		displayName: 'Custom Details',
		name: 'customDetailsMode',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Key-Value Pairs', value: 'keyValue' },
			{ name: 'JSON', value: 'json' },
		],
		default: 'none',
		description: "Extra fields shown with the alert or change (PagerDuty's custom_details)",
	},
	{
		displayName: 'Details',
		name: 'customDetailsUi',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Detail',
		default: {},
		displayOptions: { show: { customDetailsMode: ['keyValue'] } },
		options: [
			{
				displayName: 'Detail',
				name: 'details',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Details (JSON)',
		name: 'customDetailsJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { customDetailsMode: ['json'] } },
		description: 'A JSON object, e.g. {"free_space": "1%", "ping_time": "1500ms"}',
	},
];

export const linksField: INodeProperties = {
	displayName: 'Links',
	name: 'linksUi',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Link',
	default: {},
	options: [
		{
			displayName: 'Link',
			name: 'links',
			values: [
				{
					displayName: 'URL',
					name: 'href',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://example.com/runbook',
				},
				{ displayName: 'Text', name: 'text', type: 'string', default: '' },
			],
		},
	],
};

export const imagesField: INodeProperties = {
	displayName: 'Images',
	name: 'imagesUi',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Image',
	default: {},
	options: [
		{
			displayName: 'Image',
			name: 'images',
			values: [
				{
					displayName: 'Image URL',
					name: 'src',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://example.com/graph.png',
					description: 'Where the image is served; PagerDuty requires HTTPS',
				},
				{
					displayName: 'Link URL',
					name: 'href',
					type: 'string',
					default: '',
					description: 'Opened when the image is clicked',
				},
				{ displayName: 'Alt Text', name: 'alt', type: 'string', default: '' },
			],
		},
	],
};

/** The item's custom details as an object, or undefined when there are none. */
export function readCustomDetails(
	context: IExecuteFunctions,
	itemIndex: number,
): IDataObject | undefined {
	const mode = context.getNodeParameter('customDetailsMode', itemIndex, 'none') as string;
	if (mode === 'json') {
		const value = validate(
			context,
			itemIndex,
			'Details (JSON)',
			jsonObjectSchema,
			context.getNodeParameter('customDetailsJson', itemIndex, '{}'),
		);
		return Object.keys(value).length > 0 ? (value as IDataObject) : undefined;
	}
	if (mode === 'keyValue') {
		const rows = ((context.getNodeParameter('customDetailsUi', itemIndex, {}) as IDataObject)
			.details ?? []) as IDataObject[];
		const details: IDataObject = {};
		for (const row of rows) {
			const key = String(row.key ?? '').trim();
			if (key !== '') details[key] = row.value as string;
		}
		return Object.keys(details).length > 0 ? details : undefined;
	}
	return undefined;
}

export function readLinks(
	context: IExecuteFunctions,
	itemIndex: number,
): IDataObject[] | undefined {
	const rows = ((context.getNodeParameter('linksUi', itemIndex, {}) as IDataObject).links ??
		[]) as IDataObject[];
	const links = rows.map((row, index) => ({
		href: validate(context, itemIndex, `Links → URL (link ${index + 1})`, httpUrl, row.href ?? ''),
		...(String(row.text ?? '').trim() !== '' && { text: String(row.text).trim() }),
	}));
	return links.length > 0 ? links : undefined;
}

export function readImages(
	context: IExecuteFunctions,
	itemIndex: number,
): IDataObject[] | undefined {
	const rows = ((context.getNodeParameter('imagesUi', itemIndex, {}) as IDataObject).images ??
		[]) as IDataObject[];
	const images = rows.map((row, index) => {
		const image: IDataObject = {
			src: validate(
				context,
				itemIndex,
				`Images → Image URL (image ${index + 1})`,
				httpsUrl,
				row.src ?? '',
			),
		};
		if (String(row.href ?? '').trim() !== '') {
			image.href = validate(
				context,
				itemIndex,
				`Images → Link URL (image ${index + 1})`,
				httpUrl,
				row.href,
			);
		}
		if (String(row.alt ?? '').trim() !== '') image.alt = String(row.alt).trim();
		return image;
	});
	return images.length > 0 ? images : undefined;
}

/** An optional timestamp (see dateTimeValue), sent with milliseconds as the Events API shows them. */
export function readTimestamp(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): string | undefined {
	const timestamp = optionalDateTime(context, itemIndex, 'Timestamp', value);
	return timestamp === undefined ? undefined : new Date(timestamp).toISOString();
}

export const optionalUrl = httpUrl;
