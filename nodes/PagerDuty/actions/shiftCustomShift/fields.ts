import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyIdSchema, readParameter } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import {
	readSpan,
	shiftMember,
	shiftScheduleLocator,
	shiftSchedulePath,
} from '../shiftSchedule/fields';

export const customShiftIdField: INodeProperties = {
	displayName: 'Custom Shift ID',
	name: 'customShiftId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. PCS1A2B',
	description: 'ID of the custom shift (Custom Shift → Get Many or Create)',
};

/** The item's schedule and (with `withShift`) custom shift, checked, and the path they make. */
export function customShiftTarget(
	context: IExecuteFunctions,
	itemIndex: number,
	withShift = false,
) {
	const scheduleId = shiftScheduleLocator.read(context, itemIndex);
	const shifts = shiftSchedulePath(scheduleId, '/custom_shifts');
	if (!withShift) return { path: shifts, scheduleId };
	const shiftId = readParameter(
		context,
		itemIndex,
		'customShiftId',
		'Custom Shift ID',
		pagerDutyIdSchema,
	);
	return { path: `${shifts}/${pathId(shiftId)}`, scheduleId, shiftId };
}

/** Start, End and Member of a custom shift; Create shows them as parameters, Update in "Update Fields". */
export const customShiftFields: INodeProperties[] = [
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		default: '',
		description: 'When the shift begins',
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		default: '',
		description: 'When the shift ends; after Start',
	},
	{
		displayName: 'Member',
		name: 'member',
		type: 'string',
		default: '',
		placeholder: 'e.g. PUSER01',
		description:
			'Who is on call in the shift: a user ID (User → Get Many), or EMPTY for an unfilled shift',
	},
];

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * PagerDuty's custom shift fields from one item: on create all of them (`whole`), on update the
 * ones given.
 */
export function customShiftBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	whole: boolean,
): IDataObject {
	const shift: IDataObject = {};
	const { start, end } = readSpan(
		context,
		itemIndex,
		fields,
		{ start: ['start', 'Start'], end: ['end', 'End'] },
		whole,
	);
	if (start !== undefined) shift.start_time = start;
	if (end !== undefined) shift.end_time = end;
	if (whole || given(fields.member))
		shift.assignments = [
			{
				type: 'shift_assignment',
				member: shiftMember(context, itemIndex, 'Member', fields.member),
			},
		];
	return shift;
}
