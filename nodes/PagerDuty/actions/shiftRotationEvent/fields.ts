import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	dateTimeValue,
	invalidParameter,
	timeZoneSchema,
	validate,
} from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import { scheduleTimeZoneField } from '../schedule/fields';
import {
	isGiven,
	readRotationId,
	readSpan,
	scheduleItemTarget,
	shiftMember,
} from '../shiftSchedule/fields';

export const eventIdField: INodeProperties = {
	displayName: 'Event ID',
	name: 'eventId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. PEV1A2B',
	description:
		"ID of the rotation's event (Shift Rotation Event → Get Many, or the events of Shift-Based Schedule → Get Rotation)",
};

/** The item's schedule, rotation and (with `withEvent`) event, checked, and the path they make. */
export function eventTarget(context: IExecuteFunctions, itemIndex: number, withEvent = false) {
	const rotationId = readRotationId(context, itemIndex);
	const target = scheduleItemTarget(
		context,
		itemIndex,
		`/rotations/${pathId(rotationId)}/events`,
		withEvent ? { name: 'eventId', label: 'Event ID' } : undefined,
	);
	return { ...target, rotationId };
}

/** The fields of an event; Create shows them as parameters, Update in "Update Fields". */
export const eventFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Name of the event, e.g. Weekday business hours (up to 255 characters)',
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description:
			'Start of the first on-call window; each recurrence repeats it (e.g. Monday 09:00 for weekly hand-offs on Monday mornings)',
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		description: 'End of the first on-call window; after Start Time',
	},
	{
		...scheduleTimeZoneField,
		description:
			'Time zone the recurring window is reckoned in, so that 09:00 stays 09:00 across daylight saving (IANA name such as Europe/Berlin). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Recurrence',
		name: 'recurrence',
		type: 'string',
		typeOptions: { rows: 3 },
		default: 'RRULE:FREQ=WEEKLY',
		placeholder: 'RRULE:FREQ=WEEKLY;BYDAY=MO',
		description:
			"How the window repeats (RFC 5545), one rule per line: exactly one RRULE line with FREQ, then any EXDATE or RDATE lines. PagerDuty's web editor opens only events with FREQ=WEEKLY, DAILY, MONTHLY or HOURLY and plain two-letter BYDAY days; others are managed through the API.",
	},
	{
		displayName: 'Effective Since',
		name: 'effectiveSince',
		type: 'dateTime',
		default: '',
		description:
			'When the event starts producing shifts; a time in the past (or empty on create) means now',
	},
	{
		displayName: 'Effective Until',
		name: 'effectiveUntil',
		type: 'dateTime',
		default: '',
		description: 'When the event stops producing shifts; empty: it runs on',
	},
	{
		displayName: 'Assignment',
		name: 'assignment',
		type: 'options',
		options: [
			{
				name: 'Rotating',
				value: 'rotating_member_assignment_strategy',
				description: 'Members take turns, in the order given',
			},
			{
				name: 'Everyone',
				value: 'every_member_assignment_strategy',
				description: 'All members are on call together',
			},
		],
		default: 'rotating_member_assignment_strategy',
		description: 'Who of the members is on call in each window',
	},
	{
		displayName: 'Shifts per Member',
		name: 'shiftsPerMember',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'How many windows in a row each member takes before the next one (rotating only)',
	},
	{
		displayName: 'Members',
		name: 'members',
		type: 'string',
		default: '',
		placeholder: 'PUSER01,PUSER02,EMPTY',
		description:
			'Users on call, in turn order (1 to 20 comma-separated user IDs, from User → Get Many); EMPTY stands for an unfilled slot',
	},
];

const nameSchema = z
	.string()
	.trim()
	.min(1, 'must not be empty')
	.max(255, 'must be at most 255 characters');
const shiftsSchema = z.coerce
	.number({ invalid_type_error: 'must be a number' })
	.int('must be a whole number')
	.min(1, 'must be 1 or more');

/** The recurrence lines: exactly one RRULE with FREQ, then EXDATE/RDATE lines. */
const recurrenceSchema = z
	.string()
	.transform((text) =>
		text
			.split(/\r?\n/)
			.map((line) => line.trim())
			.filter((line) => line !== ''),
	)
	.superRefine((lines, context) => {
		const rules = lines.filter((line) => line.startsWith('RRULE:'));
		const others = lines.filter((line) => !/^(RRULE|EXDATE|RDATE)[:;]/.test(line));
		if (rules.length !== 1)
			context.addIssue({ code: 'custom', message: 'must hold exactly one RRULE: line' });
		else if (!/(^RRULE:|;)FREQ=[A-Z]+/.test(rules[0]))
			context.addIssue({
				code: 'custom',
				message: 'must give the RRULE a FREQ, e.g. RRULE:FREQ=WEEKLY',
			});
		else if (others.length > 0)
			context.addIssue({
				code: 'custom',
				message: `may hold only RRULE, EXDATE and RDATE lines, not "${others[0]}"`,
			});
	});

/** Members in turn order: user IDs, EMPTY for an unfilled slot; 1 to 20. */
function readMembers(context: IExecuteFunctions, itemIndex: number, value: unknown): IDataObject[] {
	const tokens = String(value ?? '')
		.split(',')
		.map((token) => token.trim())
		.filter((token) => token !== '');
	if (tokens.length < 1 || tokens.length > 20)
		throw invalidParameter(context, itemIndex, 'Members', 'must name 1 to 20 members');
	return tokens.map((token) => shiftMember(context, itemIndex, 'Members', token));
}

/**
 * PagerDuty's `event` body from one item's fields: on create all of them (`whole`), on update the
 * ones given; a time needs the time zone, and an assignment needs its type and members.
 */
export function eventBody(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	whole: boolean,
): IDataObject {
	const check = <Schema extends z.ZodTypeAny>(label: string, schema: Schema, value: unknown) =>
		validate(context, itemIndex, label, schema, value);
	const event: IDataObject = {};
	if (whole || fields.name !== undefined) event.name = check('Name', nameSchema, fields.name);
	const { start, end } = readSpan(
		context,
		itemIndex,
		fields,
		{ start: ['startTime', 'Start Time'], end: ['endTime', 'End Time'] },
		whole,
	);
	if (start !== undefined || end !== undefined) {
		// Each time is a date-time in a time zone, the zone the recurrence is reckoned in.
		if (!isGiven(fields.timeZone))
			throw invalidParameter(
				context,
				itemIndex,
				'Time Zone',
				'is needed with "Start Time" and "End Time"',
			);
		const timeZone = check('Time Zone', timeZoneSchema, fields.timeZone);
		if (start !== undefined) event.start_time = { date_time: start, time_zone: timeZone };
		if (end !== undefined) event.end_time = { date_time: end, time_zone: timeZone };
	}
	if (isGiven(fields.effectiveSince))
		event.effective_since = dateTimeValue(
			context,
			itemIndex,
			'Effective Since',
			fields.effectiveSince,
		);
	else if (whole) event.effective_since = new Date().toISOString();
	if (isGiven(fields.effectiveUntil))
		event.effective_until = dateTimeValue(
			context,
			itemIndex,
			'Effective Until',
			fields.effectiveUntil,
		);
	if (whole || fields.recurrence !== undefined)
		event.recurrence = check('Recurrence', recurrenceSchema, fields.recurrence ?? '');
	if (
		whole ||
		isGiven(fields.assignment) ||
		isGiven(fields.members) ||
		isGiven(fields.shiftsPerMember)
	) {
		if (!isGiven(fields.assignment) || !isGiven(fields.members))
			throw invalidParameter(
				context,
				itemIndex,
				'Members',
				'and "Assignment" are both needed to change who is on call',
			);
		const rotating = fields.assignment === 'rotating_member_assignment_strategy';
		event.assignment_strategy = {
			type: check(
				'Assignment',
				z.enum(['rotating_member_assignment_strategy', 'every_member_assignment_strategy'], {
					message:
						'must be rotating_member_assignment_strategy or every_member_assignment_strategy',
				}),
				fields.assignment,
			),
			...(rotating && {
				shifts_per_member: check('Shifts per Member', shiftsSchema, fields.shiftsPerMember ?? 1),
			}),
			members: readMembers(context, itemIndex, fields.members),
		};
	}
	return event;
}
