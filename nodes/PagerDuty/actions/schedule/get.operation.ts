import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { overflowField, scheduleLocator, windowFields } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { optionalDateTime } from '../../../shared/validation';
import { optionsCollection, timeZoneField } from '../../descriptions/common';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	scheduleLocator.field,
	optionsCollection([
		overflowField,
		...windowFields(
			'the rendered on-call entries (final_schedule.rendered_schedule_entries); with only one of them given, PagerDuty uses a two-week window',
		),
		{
			...timeZoneField,
			description: `${timeZoneField.description} Empty: the schedule's own time zone.`,
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const scheduleId = scheduleLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/schedules/${pathId(scheduleId)}`,
		qs: withoutEmpty({
			since: optionalDateTime(this, itemIndex, 'Since', options.since),
			until: optionalDateTime(this, itemIndex, 'Until', options.until),
			time_zone: options.timeZone,
			overflow: options.overflow || undefined,
		}),
	});
	return response.schedule as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description:
		'Read one schedule with its layers and who is on call when (rendered for a time window)',
	endpoints: ['GET /schedules/{id}'],
	properties,
	execute,
});
