import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit, sinceUntilFields, timeZoneField } from '../../descriptions/common';
import { listLimit, withoutEmpty } from '../../helpers/utils';
import { optionalDateTime } from '../../helpers/validation';
import { pagerDutyApiRequestAllItems } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllAndLimit('log entries'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Include',
				name: 'include',
				type: 'multiOptions',
				options: [
					{ name: 'Channels', value: 'channels' },
					{ name: 'Incidents', value: 'incidents' },
					{ name: 'Services', value: 'services' },
					{ name: 'Teams', value: 'teams' },
				],
				default: [],
				description: 'Related objects to return in full instead of as references',
			},
			{
				displayName: 'Is Overview',
				name: 'isOverview',
				type: 'boolean',
				default: false,
				description: 'Whether to return only the entries that show the most important changes to incidents',
			},
			...sinceUntilFields('the log entries'),
			timeZoneField,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['logEntry'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = listLimit(returnAll, this.getNodeParameter('limit', itemIndex, 100));
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const since = optionalDateTime(this, itemIndex, 'Since', options.since);
	const until = optionalDateTime(this, itemIndex, 'Until', options.until);
	const qs = withoutEmpty({
		include: options.include,
		is_overview: options.isOverview,
		since,
		until,
		time_zone: options.timeZone,
	});
	return await pagerDutyApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/log_entries', qs },
		'log_entries',
		{ maxItems: limit, timeWindow: { since, until, defaultDays: 30 } },
	);
}
