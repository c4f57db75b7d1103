import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locator } from '../../../shared/locators';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import {
	dateTimeValue,
	invalidParameter,
	pagerDutyIdSchema,
	readDateTime,
	readParameter,
	timeZoneSchema,
	validate,
} from '../../../shared/validation';
import { optionsCollection, returnAllAndLimit, timeZoneField } from '../../descriptions/common';
import { readList } from '../common';
import { overflowField, windowFields } from '../schedule/fields';

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

/** A shift member: a user ID, or EMPTY for an unfilled slot. */
export function shiftMember(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
): IDataObject {
	const token = String(value ?? '').trim();
	if (token.toUpperCase() === 'EMPTY') return { type: 'empty_member' };
	return {
		type: 'user_member',
		user_id: validate(context, itemIndex, label, pagerDutyIdSchema, token),
	};
}

/**
 * The fields of a windowed list of a shift-based schedule (custom shifts, overrides): the
 * schedule, Since and Until (PagerDuty requires them), Return All / Limit and Options.
 */
export function shiftListProperties(plural: string): INodeProperties[] {
	return [
		shiftScheduleLocator.field,
		...windowFields(`the ${plural} (required): ${plural} overlapping it are returned`, true),
		...returnAllAndLimit(plural),
		optionsCollection([overflowField, timeZoneField]),
	];
}

/**
 * What a windowed list checks itself: PagerDuty's v3 lists refuse an empty window, which the
 * router's check of Since–Until lets through (other lists may ask for one).
 */
export const shiftListChecksItself = ['until'];

/** One item's windowed list: Since and Until (required), the Options, all or up to the Limit. */
export async function readShiftList(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	property: string,
): Promise<IDataObject[]> {
	const since = readDateTime(context, itemIndex, 'since', 'Since');
	const until = readDateTime(context, itemIndex, 'until', 'Until');
	if (Date.parse(until) <= Date.parse(since))
		throw invalidParameter(context, itemIndex, 'Until', 'must be after "Since"');
	return await readList(context, itemIndex, {
		path,
		property,
		paging: 'offsetWithoutTotal',
		query: (options) => ({
			since,
			until,
			overflow: options.overflow ? true : undefined,
			time_zone: options.timeZone
				? validate(context, itemIndex, 'Time Zone', timeZoneSchema, options.timeZone)
				: undefined,
		}),
	});
}

/**
 * The start and end of a shift, override or event window from one item's fields, as PagerDuty
 * takes them: both on create (`whole`), on update the ones given (PagerDuty checks one alone
 * against the stored other). That the end comes after the start is the router's check of the
 * declared Start–End (Start Time–End Time) fields.
 */
export function readSpan(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	names: { start: [name: string, label: string]; end: [name: string, label: string] },
	whole: boolean,
): { start?: string; end?: string } {
	const read = ([name, label]: [string, string]) => {
		const value = fields[name];
		if (!whole && !isGiven(value)) return undefined;
		return dateTimeValue(context, itemIndex, label, value ?? '');
	};
	return { start: read(names.start), end: read(names.end) };
}

/**
 * The item's schedule and, with `item`, one object under `collection` (a custom shift, an
 * override), both checked, and the path they make.
 */
export function scheduleItemTarget(
	context: IExecuteFunctions,
	itemIndex: number,
	collection: string,
	item?: { name: string; label: string },
): { path: string; scheduleId: string; id?: string } {
	const scheduleId = shiftScheduleLocator.read(context, itemIndex);
	const path = shiftSchedulePath(scheduleId, collection);
	if (!item) return { path, scheduleId };
	const id = readParameter(context, itemIndex, item.name, item.label, pagerDutyIdSchema);
	return { path: `${path}/${encodeURIComponent(id)}`, scheduleId, id };
}

/** Creates one object where PagerDuty takes a list (`{ [key]: [object] }`), and returns it. */
export async function createOne(
	context: IExecuteFunctions,
	path: string,
	key: string,
	object: IDataObject,
): Promise<IDataObject> {
	const response = await pagerDutyApiRequest.call(context, {
		method: 'POST',
		path,
		body: { [key]: [object] },
	});
	const [created] = (response[key] as IDataObject[] | undefined) ?? [];
	return created;
}

/** Whether an optional field holds a value. */
export const isGiven = (value: unknown) => value !== undefined && value !== null && value !== '';

/** `start_time`/`end_time` of a custom shift or an override from its Start and End fields. */
export function shiftTimes(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	whole: boolean,
): IDataObject {
	const { start, end } = readSpan(
		context,
		itemIndex,
		fields,
		{ start: ['start', 'Start'], end: ['end', 'End'] },
		whole,
	);
	return {
		...(start !== undefined && { start_time: start }),
		...(end !== undefined && { end_time: end }),
	};
}
