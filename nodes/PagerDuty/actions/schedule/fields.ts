import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { itemSuffix } from '../../../shared/errors';
import { locator } from '../../../shared/locators';
import { dateTimeValue, optionalDateTime, parseIdList, validate } from '../../../shared/validation';
import { namesOrIdsField } from '../../descriptions/common';
import { reference } from '../../helpers/utils';

export const scheduleLocator = locator('schedule', {
	displayName: 'Schedule',
	name: 'scheduleId',
	required: true,
	description:
		'The on-call schedule: pick it from the list, paste its PagerDuty URL, or give its ID (from Schedule → Get Many or Create)',
});

export const scheduleTimeZoneField: INodeProperties = {
	displayName: 'Time Zone Name or ID',
	name: 'timeZone',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTimezones' },
	default: '',
	description:
		'Time zone the schedule\'s rotations are reckoned in, e.g. for daily hand-offs at 09:00 local time (IANA name such as Europe/Berlin). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Since/Until of a time window; `what` completes "Start of the time window for …". */
export function windowFields(what: string, required = false): INodeProperties[] {
	return [
		{
			displayName: 'Since',
			name: 'since',
			type: 'dateTime',
			required,
			default: '',
			description: `Start of the time window for ${what} (ISO 8601 with offset, e.g. 2026-11-01T00:00:00Z)`,
		},
		{
			displayName: 'Until',
			name: 'until',
			type: 'dateTime',
			required,
			default: '',
			description: `End of the time window for ${what} (ISO 8601 with offset, e.g. 2026-11-08T00:00:00Z)`,
		},
	];
}

export const overflowField: INodeProperties = {
	displayName: 'Overflow',
	name: 'overflow',
	type: 'boolean',
	default: false,
	description:
		'Whether entries that run past the window keep their real start and end; by default they are cut at Since and Until',
};

const TURN_UNITS: Record<string, number> = {
	seconds: 1,
	hours: 3600,
	days: 86_400,
	weeks: 604_800,
};

/** A layer's fields, one constant each: `layersField` lists them in the order a layer is set up. */
const layerName: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	description: 'Name of the layer, e.g. Primary or Weekend; PagerDuty numbers unnamed layers',
};

const layerUsers = namesOrIdsField({
	displayName: 'Rotation User Names or IDs',
	name: 'userIds',
	loadOptionsMethod: 'getUsers',
	description: 'Users taking turns, in the order you pick them',
});

const layerStart: INodeProperties = {
	displayName: 'Start',
	name: 'start',
	type: 'dateTime',
	default: '',
	description: 'When the layer takes effect (ISO 8601 with offset, e.g. 2026-11-02T09:00:00+01:00)',
};

const layerRotationStart: INodeProperties = {
	displayName: 'Rotation Start',
	name: 'rotationVirtualStart',
	type: 'dateTime',
	default: '',
	description:
		"The moment the rotation is reckoned from: the first user's turn begins here and hand-offs fall on it plus whole turns (e.g. a Monday 09:00 for weekly hand-offs on Monday mornings). ISO 8601 with offset; empty: the layer's Start.",
};

const layerTurnLength: INodeProperties = {
	displayName: 'Turn Length',
	name: 'turnLength',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1,
	description: "How long each user's turn lasts, in the unit below",
};

const layerTurnLengthUnit: INodeProperties = {
	displayName: 'Turn Length Unit',
	name: 'turnLengthUnit',
	type: 'options',
	options: [
		{ name: 'Days', value: 'days' },
		{ name: 'Hours', value: 'hours' },
		{ name: 'Seconds', value: 'seconds' },
		{ name: 'Weeks', value: 'weeks' },
	],
	default: 'weeks',
	description: 'Unit of Turn Length; PagerDuty stores turns in seconds',
};

const layerEnd: INodeProperties = {
	displayName: 'End',
	name: 'end',
	type: 'dateTime',
	default: '',
	description: 'When the layer stops (ISO 8601 with offset); empty: it runs on',
};

export function layersField(description: string): INodeProperties {
	return {
		displayName: 'Layers',
		name: 'layers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Layer',
		default: {},
		description,
		options: [
			{
				displayName: 'Layer',
				name: 'layer',
				// In the order a layer is set up (who, from when, how long a turn), not alphabetical: n8n
				// shows a fixed collection's fields as listed here.
				values: [
					layerName,
					layerUsers,
					layerStart,
					layerRotationStart,
					layerTurnLength,
					layerTurnLengthUnit,
					layerEnd,
				],
			},
		],
	};
}

const turnSchema = z.coerce
	.number({ invalid_type_error: 'must be a number' })
	.positive('must be more than 0');

/** The item's layers as PagerDuty takes them; undefined when none were given. */
export function readLayers(
	context: IExecuteFunctions,
	itemIndex: number,
): IDataObject[] | undefined {
	const layers = context.getNodeParameter('layers.layer', itemIndex, []) as IDataObject[];
	if (layers.length === 0) return undefined;
	return layers.map((layer, index) => {
		const label = `Layers → Layer ${index + 1}`;
		const start = dateTimeValue(context, itemIndex, `${label} → Start`, layer.start ?? '');
		const users = parseIdList(
			context,
			itemIndex,
			`${label} → Rotation User Names or IDs`,
			layer.userIds,
		);
		if (users.length === 0) {
			throw new NodeOperationError(
				context.getNode(),
				`"${label} → Rotation User Names or IDs" needs at least one user${itemSuffix(itemIndex)}`,
				{ itemIndex },
			);
		}
		const turn = validate(
			context,
			itemIndex,
			`${label} → Turn Length`,
			turnSchema,
			layer.turnLength ?? 1,
		);
		const seconds = Math.round(turn * TURN_UNITS[String(layer.turnLengthUnit ?? 'weeks')]);
		const end = optionalDateTime(context, itemIndex, `${label} → End`, layer.end);
		return {
			...(layer.name ? { name: layer.name } : {}),
			start,
			...(end ? { end } : {}),
			rotation_virtual_start:
				optionalDateTime(
					context,
					itemIndex,
					`${label} → Rotation Start`,
					layer.rotationVirtualStart,
				) ?? start,
			rotation_turn_length_seconds: seconds,
			users: users.map((id) => ({ user: reference(id, 'user') })),
		};
	});
}
