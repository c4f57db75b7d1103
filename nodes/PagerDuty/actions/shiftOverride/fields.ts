import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isGiven, scheduleItemTarget, shiftMember, shiftTimes } from '../shiftSchedule/fields';

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
export const overrideTarget = (
	context: IExecuteFunctions,
	itemIndex: number,
	withOverride = false,
) =>
	scheduleItemTarget(
		context,
		itemIndex,
		'/overrides',
		withOverride ? { name: 'overrideId', label: 'Override ID' } : undefined,
	);

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

/** PagerDuty's override fields from one item: on create all of them (`whole`), on update the ones given. */
export function overrideBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	whole: boolean,
): IDataObject {
	const override = shiftTimes(context, itemIndex, fields, whole);
	if (whole || isGiven(fields.overridingMember))
		override.overriding_member = shiftMember(
			context,
			itemIndex,
			'Overriding Member',
			fields.overridingMember,
		);
	return override;
}
