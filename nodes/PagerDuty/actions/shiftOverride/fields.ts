import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyIdSchema, readParameter } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import {
	readSpan,
	shiftMember,
	shiftScheduleLocator,
	shiftSchedulePath,
} from '../shiftSchedule/fields';

export const overrideIdField: INodeProperties = {
	displayName: 'Override ID',
	name: 'overrideId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. POV1A2B',
	description: 'ID of the override (Shift-Based Override → Get Many or Create)',
};

/** The item's schedule and (with `withOverride`) override, checked, and the path they make. */
export function overrideTarget(
	context: IExecuteFunctions,
	itemIndex: number,
	withOverride = false,
) {
	const scheduleId = shiftScheduleLocator.read(context, itemIndex);
	const overrides = shiftSchedulePath(scheduleId, '/overrides');
	if (!withOverride) return { path: overrides, scheduleId };
	const overrideId = readParameter(
		context,
		itemIndex,
		'overrideId',
		'Override ID',
		pagerDutyIdSchema,
	);
	return { path: `${overrides}/${pathId(overrideId)}`, scheduleId, overrideId };
}

const memberDescription = 'a user ID (User → Get Many), or EMPTY for an unfilled slot';

/** Start, End and the overriding member; Create shows them as parameters, Update in "Update Fields". */
export const overrideFields: INodeProperties[] = [
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		default: '',
		description: 'When the override begins',
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		default: '',
		description: 'When the override ends; after Start',
	},
	{
		displayName: 'Overriding Member',
		name: 'overridingMember',
		type: 'string',
		default: '',
		placeholder: 'e.g. PUSER02',
		description: `Who takes over: ${memberDescription}`,
	},
];

export const overriddenMemberField: INodeProperties = {
	displayName: 'Overridden Member',
	name: 'overriddenMember',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. PUSER01',
	description: `Who is replaced (on call in the rotation or custom shift at that time): ${memberDescription}`,
};

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/** PagerDuty's override fields from one item: on create all of them (`whole`), on update the ones given. */
export function overrideBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	whole: boolean,
): IDataObject {
	const override: IDataObject = {};
	const { start, end } = readSpan(
		context,
		itemIndex,
		fields,
		{ start: ['start', 'Start'], end: ['end', 'End'] },
		whole,
	);
	if (start !== undefined) override.start_time = start;
	if (end !== undefined) override.end_time = end;
	if (whole || given(fields.overridingMember))
		override.overriding_member = shiftMember(
			context,
			itemIndex,
			'Overriding Member',
			fields.overridingMember,
		);
	return override;
}
