import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shiftScheduleLocator, shiftSchedulePath } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { optionalDateTime, timeZoneSchema, validate } from '../../../shared/validation';
import { optionsCollection, timeZoneField } from '../../descriptions/common';
import { withoutEmpty } from '../../helpers/utils';
import { defineOperation } from '../registry';
import { overflowField, windowFields } from '../schedule/fields';

const properties: INodeProperties[] = [
	shiftScheduleLocator.field,
	optionsCollection([
		{
			displayName: 'Include Final Schedule',
			name: 'includeFinalSchedule',
			type: 'boolean',
			default: false,
			description:
				'Whether to return who is on call when within Since–Until (final_schedule: the computed shifts after overrides, and the share of the window covered)',
		},
		overflowField,
		...windowFields('the final schedule (two weeks when only one end or none is given)'),
		{
			...timeZoneField,
			description: `${timeZoneField.description} Empty: UTC.`,
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const scheduleId = shiftScheduleLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: shiftSchedulePath(scheduleId),
		qs: withoutEmpty({
			since: optionalDateTime(this, itemIndex, 'Since', options.since),
			until: optionalDateTime(this, itemIndex, 'Until', options.until),
			time_zone: options.timeZone
				? validate(this, itemIndex, 'Time Zone', timeZoneSchema, options.timeZone)
				: undefined,
			overflow: options.overflow ? true : undefined,
			include: options.includeFinalSchedule ? ['final_schedule'] : undefined,
		}),
	});
	return response.schedule as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description:
		'Read a shift-based schedule: name, time zone, teams, users, escalation policies and its rotations with their events; with Include Final Schedule, who is on call when in a time window. Needs the schedule (Shift-Based Schedule → Get Many). Returns the schedule.',
	endpoints: ['GET /v3/schedules/{id}'],
	properties,
	execute,
});
