import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isGiven, scheduleItemTarget, shiftMember, shiftTimes } from '../shiftSchedule/fields';

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
export const customShiftTarget = (
	context: IExecuteFunctions,
	itemIndex: number,
	withShift = false,
) =>
	scheduleItemTarget(
		context,
		itemIndex,
		'/custom_shifts',
		withShift ? { name: 'customShiftId', label: 'Custom Shift ID' } : undefined,
	);

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
	const shift = shiftTimes(context, itemIndex, fields, whole);
	if (whole || isGiven(fields.member))
		shift.assignments = [
			{
				type: 'shift_assignment',
				member: shiftMember(context, itemIndex, 'Member', fields.member),
			},
		];
	return shift;
}
