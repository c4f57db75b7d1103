import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { overriddenMemberField, overrideBody, overrideFields, overrideTarget } from './fields';
import { pagerDutyIdSchema, readParameter } from '../../../shared/validation';
import { defineOperation } from '../registry';
import { customShiftIdField } from '../shiftCustomShift/fields';
import {
	createOne,
	readRotationId,
	rotationIdField,
	shiftMember,
	shiftScheduleLocator,
} from '../shiftSchedule/fields';

const properties: INodeProperties[] = [
	shiftScheduleLocator.field,
	{
		displayName: 'Override Of',
		name: 'overrideOf',
		type: 'options',
		options: [
			{
				name: 'Rotation',
				value: 'rotation',
				description: "A member's time in one of the rotations",
			},
			{
				name: 'Custom Shift',
				value: 'customShift',
				description: "A member's time in a custom shift",
			},
		],
		default: 'rotation',
		description: 'What the override replaces someone in',
	},
	{ ...rotationIdField, displayOptions: { show: { overrideOf: ['rotation'] } } },
	{ ...customShiftIdField, displayOptions: { show: { overrideOf: ['customShift'] } } },
	// Start, End, then who is replaced before who takes over.
	...overrideFields.slice(0, 2).map((field) => ({ ...field, required: true })),
	overriddenMemberField,
	{ ...overrideFields[2], required: true },
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = overrideTarget(this, itemIndex);
	const overrideOf = this.getNodeParameter('overrideOf', itemIndex) as string;
	const source =
		overrideOf === 'customShift'
			? {
					custom_shift_id: readParameter(
						this,
						itemIndex,
						'customShiftId',
						'Custom Shift ID',
						pagerDutyIdSchema,
					),
				}
			: { rotation_id: readRotationId(this, itemIndex) };
	const fields = Object.fromEntries(
		overrideFields.map((field) => [field.name, this.getNodeParameter(field.name, itemIndex, '')]),
	) as IDataObject;
	const override = {
		type: 'override_shift',
		...source,
		...overrideBody(this, itemIndex, fields, true),
		overridden_member: shiftMember(
			this,
			itemIndex,
			'Overridden Member',
			this.getNodeParameter('overriddenMember', itemIndex, ''),
		),
	};
	// PagerDuty takes a list of overrides; one item makes one override.
	return await createOne(this, path, 'overrides', override);
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		"Put someone on call in a shift-based schedule in place of a member of one rotation or custom shift, for a time range. Needs the schedule, the rotation (Shift-Based Schedule → Get Many Rotations) or custom shift (Custom Shift → Get Many), and both members' user IDs. Returns the override with its ID.",
	endpoints: ['POST /v3/schedules/{id}/overrides'],
	properties,
	execute,
});
