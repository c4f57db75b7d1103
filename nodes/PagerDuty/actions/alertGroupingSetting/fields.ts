import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { locator } from '../../../shared/locators';
import { invalidParameter, parseIdList, validate } from '../../../shared/validation';
import { reference } from '../../helpers/utils';

export const settingLocator = locator('alertGroupingSetting', {
	displayName: 'Alert Grouping Setting',
	name: 'alertGroupingSettingId',
	required: true,
	description:
		'The alert grouping setting: pick it from the list or give its ID (from Alert Grouping Setting → Get Many or Create)',
});

type GroupingType = 'content_based' | 'content_based_intelligent' | 'intelligent' | 'time';

const TYPE_NAMES: Record<GroupingType, string> = {
	content_based: 'Content Based',
	content_based_intelligent: 'Content Based Intelligent',
	intelligent: 'Intelligent',
	time: 'Time',
};

export const typeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [
		{
			name: TYPE_NAMES.content_based,
			value: 'content_based',
			description: 'Alerts with the same values in the chosen Fields are grouped',
		},
		{
			name: TYPE_NAMES.content_based_intelligent,
			value: 'content_based_intelligent',
			description: 'Content-based grouping refined by machine learning; for one service only',
		},
		{
			name: TYPE_NAMES.intelligent,
			value: 'intelligent',
			description: 'Machine learning groups alerts that look alike',
		},
		{
			name: TYPE_NAMES.time,
			value: 'time',
			description: 'Alerts arriving within the Timeout of the first one are grouped',
		},
	],
	default: 'content_based',
	description: 'How alerts are grouped into incidents',
};

export const serviceIdsField: INodeProperties = {
	displayName: 'Service IDs',
	name: 'serviceIds',
	type: 'string',
	default: '',
	placeholder: 'PSVC001,PSVC002',
	description:
		'The services whose alerts this setting groups (comma-separated IDs, from Service → Get Many); Content Based Intelligent takes exactly one',
};

/** A config setting: its field, the types it belongs to, its key in PagerDuty's config, its check. */
interface ConfigSetting {
	field: INodeProperties;
	types: GroupingType[];
	key: string;
	read(
		context: IExecuteFunctions,
		itemIndex: number,
		type: GroupingType,
		value: unknown,
	): IDataObject[string];
}

const CONTENT_TYPES: GroupingType[] = ['content_based', 'content_based_intelligent'];

/** A number of seconds that is 0 (a special meaning) or between min and max. */
const seconds = (min: number, max: number, zeroMeans: string) =>
	z.coerce
		.number({ invalid_type_error: 'must be a number of seconds' })
		.int('must be a whole number of seconds')
		.refine(
			(value) => value === 0 || (value >= min && value <= max),
			`must be 0 (${zeroMeans}) or ${min} to ${max} seconds`,
		);

const fieldList = (
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
) => {
	const names = (Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((name) => String(name).trim())
		.filter((name) => name !== '');
	if (names.length === 0)
		throw invalidParameter(context, itemIndex, label, 'must name at least one field');
	return names;
};

const CONFIG_SETTINGS: ConfigSetting[] = [
	{
		field: {
			displayName: 'Aggregate',
			name: 'aggregate',
			type: 'options',
			options: [
				{ name: 'All', value: 'all', description: 'Alerts are grouped when every field matches' },
				{
					name: 'Any',
					value: 'any',
					description: 'Alerts are grouped when at least one field matches',
				},
			],
			default: 'all',
			description: 'Content-based types: whether all or any of the Fields must match',
		},
		types: CONTENT_TYPES,
		key: 'aggregate',
		read: (context, itemIndex, _type, value) =>
			validate(
				context,
				itemIndex,
				'Aggregate',
				z.enum(['all', 'any'], { errorMap: () => ({ message: "must be 'all' or 'any'" }) }),
				value,
			),
	},
	{
		field: {
			displayName: 'Fields',
			name: 'fields',
			type: 'string',
			default: '',
			placeholder: 'source, component, custom_details.host',
			description:
				'Content-based types: the alert fields compared, comma-separated (e.g. summary, source, component, class, group or custom_details.&lt;name&gt;)',
		},
		types: CONTENT_TYPES,
		key: 'fields',
		read: (context, itemIndex, _type, value) => fieldList(context, itemIndex, 'Fields', value),
	},
	{
		field: {
			displayName: 'IAG Fields',
			name: 'iagFields',
			type: 'string',
			default: 'summary',
			description:
				'Intelligent type: the alert fields machine learning groups on, comma-separated (PagerDuty uses summary)',
		},
		types: ['intelligent'],
		key: 'iag_fields',
		read: (context, itemIndex, _type, value) => fieldList(context, itemIndex, 'IAG Fields', value),
	},
	{
		field: {
			displayName: 'Time Window (Seconds)',
			name: 'timeWindow',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 86400 },
			default: 0,
			description:
				"Content-based and Intelligent types: how long after the latest grouped alert a new one still joins. 0 is PagerDuty's recommended window; otherwise 300 to 3600 seconds (Content Based: up to 86400).",
		},
		types: [...CONTENT_TYPES, 'intelligent'],
		key: 'time_window',
		read: (context, itemIndex, type, value) =>
			validate(
				context,
				itemIndex,
				'Time Window (Seconds)',
				seconds(300, type === 'content_based' ? 86400 : 3600, 'recommended'),
				value,
			),
	},
	{
		field: {
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 86400 },
			default: 0,
			description:
				'Time type: how long after the first alert others join it. 0 groups until the incident is resolved; otherwise 60 to 86400 seconds.',
		},
		types: ['time'],
		key: 'timeout',
		read: (context, itemIndex, _type, value) =>
			validate(
				context,
				itemIndex,
				'Timeout (Seconds)',
				seconds(60, 86400, 'until the incident resolves'),
				value,
			),
	},
];

/** The config fields, for Update's collection (every type's; the type decides which apply). */
export const configFields: INodeProperties[] = CONFIG_SETTINGS.map(({ field }) => field);

/** The config fields for Create, each shown for the types it belongs to. */
export const configFieldsByType: INodeProperties[] = CONFIG_SETTINGS.map(({ field, types }) => ({
	...field,
	displayOptions: { show: { type: types } },
}));

/** The config fields a type takes, by parameter name: Create reads only these. */
export const configFieldNamesOf = (type: string) =>
	CONFIG_SETTINGS.filter(({ types }) => types.includes(type as GroupingType)).map(
		({ field }) => field.name,
	);

/**
 * PagerDuty's config for a type: `base` (the current config, when the type stays) with the values
 * given, each checked. A value for a setting of another type is refused, naming it; content-based
 * types need their Fields.
 */
export function configOf(
	context: IExecuteFunctions,
	itemIndex: number,
	type: GroupingType,
	values: IDataObject,
	base: IDataObject = {},
): IDataObject {
	const config: IDataObject = {};
	for (const setting of CONFIG_SETTINGS) {
		const value = values[setting.field.name];
		const applies = setting.types.includes(type);
		if (value !== undefined && !applies)
			throw invalidParameter(
				context,
				itemIndex,
				setting.field.displayName,
				`does not apply to ${TYPE_NAMES[type]} grouping`,
			);
		if (!applies) continue;
		if (value !== undefined) config[setting.key] = setting.read(context, itemIndex, type, value);
		else if (base[setting.key] !== undefined) config[setting.key] = base[setting.key];
	}
	if (CONTENT_TYPES.includes(type)) {
		config.aggregate ??= 'all';
		if (config.fields === undefined)
			throw invalidParameter(
				context,
				itemIndex,
				'Fields',
				`is required for ${TYPE_NAMES[type]} grouping`,
			);
	}
	return config;
}

/** The services of a setting as references; Content Based Intelligent takes exactly one. */
export function servicesOf(
	context: IExecuteFunctions,
	itemIndex: number,
	type: string,
	ids: string[],
): IDataObject[] {
	if (ids.length === 0)
		throw invalidParameter(context, itemIndex, 'Service IDs', 'must name at least one service');
	if (type === 'content_based_intelligent' && ids.length !== 1)
		throw invalidParameter(
			context,
			itemIndex,
			'Service IDs',
			'must name exactly one service for Content Based Intelligent grouping',
		);
	return ids.map((id) => reference(id, 'service'));
}

export const readServiceIds = (context: IExecuteFunctions, itemIndex: number, value: unknown) =>
	parseIdList(context, itemIndex, 'Service IDs', value);

export const nameAndDescriptionFields: INodeProperties[] = [
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'What the setting is for',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'A short label for the setting',
	},
];

export type { GroupingType };
