import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	dateTimeSchema,
	invalidParameter,
	pagerDutyIdSchema,
	readParameter,
	validate,
} from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import { shiftMember, shiftScheduleLocator, shiftSchedulePath } from '../shiftSchedule/fields';

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
 * ones given. Start and End must both be given, End after Start.
 */
export function customShiftBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	whole: boolean,
): IDataObject {
	const shift: IDataObject = {};
	if (whole || given(fields.start) || given(fields.end)) {
		if (!whole && given(fields.start) !== given(fields.end))
			throw invalidParameter(
				context,
				itemIndex,
				'Start',
				'and "End" are both needed to move the shift',
			);
		const start = validate(context, itemIndex, 'Start', dateTimeSchema, fields.start);
		const end = validate(context, itemIndex, 'End', dateTimeSchema, fields.end);
		if (Date.parse(end) <= Date.parse(start))
			throw invalidParameter(context, itemIndex, 'End', 'must be after "Start"');
		shift.start_time = start;
		shift.end_time = end;
	}
	if (whole || given(fields.member))
		shift.assignments = [
			{
				type: 'shift_assignment',
				member: shiftMember(context, itemIndex, 'Member', fields.member),
			},
		];
	return shift;
}
