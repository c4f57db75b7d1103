import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { parseIdList, readParameter, timeZoneSchema, validate } from '../../../shared/validation';
import { additionalFieldsCollection, teamIdsFilter } from '../../descriptions/common';
import { reference } from '../../helpers/utils';
import { sendRecord } from '../common';
import { defineOperation } from '../registry';
import { scheduleTimeZoneField } from '../schedule/fields';

export const shiftScheduleNameSchema = z
	.string()
	.trim()
	.min(1, 'must not be empty')
	.max(255, 'must be at most 255 characters');
export const shiftScheduleDescriptionSchema = z
	.string()
	.max(1024, 'must be at most 1,024 characters');

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the new shift-based schedule (up to 255 characters)',
	},
	{ ...scheduleTimeZoneField, required: true },
	additionalFieldsCollection([
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'What the schedule covers (up to 1,024 characters)',
		},
		{
			...teamIdsFilter('schedules'),
			description:
				'Teams the schedule belongs to (comma-separated IDs, from Team → Get Many). Needs the teams ability on your account.',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readParameter(this, itemIndex, 'name', 'Name', shiftScheduleNameSchema);
	const timeZone = readParameter(this, itemIndex, 'timeZone', 'Time Zone', timeZoneSchema);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const teams = parseIdList(this, itemIndex, 'Team IDs', fields.teamIds);
	return await sendRecord(this, 'POST', '/v3/schedules', 'schedule', {
		name,
		time_zone: timeZone,
		...(fields.description !== undefined && {
			description: validate(
				this,
				itemIndex,
				'Description',
				shiftScheduleDescriptionSchema,
				fields.description,
			),
		}),
		...(teams.length > 0 && { teams: teams.map((id) => reference(id, 'team')) }),
	});
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		"Add an empty shift-based schedule (PagerDuty's current schedule kind); then add rotations (Create Rotation) with events, custom shifts or overrides to it. Returns the new schedule with its ID.",
	endpoints: ['POST /v3/schedules'],
	properties,
	execute,
});
