import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locator } from '../../../shared/locators';
import { pagerDutyIdSchema, readParameter } from '../../../shared/validation';

export const shiftScheduleLocator = locator('shiftSchedule', {
	displayName: 'Shift-Based Schedule',
	name: 'shiftScheduleId',
	required: true,
	description:
		'The shift-based schedule: pick it from the list, paste its PagerDuty URL, or give its ID (from Shift-Based Schedule → Get Many or Create)',
});

/** A rotation of the schedule chosen above (the list depends on it), or its ID by expression. */
export const rotationIdField: INodeProperties = {
	displayName: 'Rotation Name or ID',
	name: 'rotationId',
	type: 'options',
	typeOptions: {
		loadOptionsMethod: 'getShiftScheduleRotations',
		loadOptionsDependsOn: ['shiftScheduleId.value'],
	},
	required: true,
	default: '',
	description:
		'A rotation of the schedule (Shift-Based Schedule → Get Many Rotations lists them). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const readRotationId = (context: IExecuteFunctions, itemIndex: number) =>
	readParameter(context, itemIndex, 'rotationId', 'Rotation', pagerDutyIdSchema);

/** The path of a shift-based schedule (or of something under it, with `rest`). */
export const shiftSchedulePath = (scheduleId: string, rest = '') =>
	`/v3/schedules/${encodeURIComponent(scheduleId)}${rest}`;

/** Since/Until of a read of a shift-based schedule; `what` completes "the window of …". */
export function shiftWindowFields(what: string, required = false): INodeProperties[] {
	return [
		{
			displayName: 'Since',
			name: 'since',
			type: 'dateTime',
			required,
			default: '',
			description: `Start of the time window of ${what}`,
		},
		{
			displayName: 'Until',
			name: 'until',
			type: 'dateTime',
			required,
			default: '',
			description: `End of the time window of ${what}`,
		},
	];
}
