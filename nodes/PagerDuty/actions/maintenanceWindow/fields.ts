import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemSuffix } from '../../../shared/errors';
import {
	dateTimeValue,
	pagerDutyIdSchema,
	parseIdList,
	readParameter,
} from '../../../shared/validation';
import { namesOrIdsField } from '../../descriptions/common';
import { includeField } from '../../descriptions/include';
import { reference } from '../../helpers/utils';

export const maintenanceWindowIdField: INodeProperties = {
	displayName: 'Maintenance Window ID',
	name: 'maintenanceWindowId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. PW98YIO',
	description:
		'ID of the maintenance window, as returned by Maintenance Window → Get Many or Create',
};

export const readMaintenanceWindowId = (context: IExecuteFunctions, itemIndex: number) =>
	readParameter(
		context,
		itemIndex,
		'maintenanceWindowId',
		'Maintenance Window ID',
		pagerDutyIdSchema,
	);

export const maintenanceWindowIncludeField: INodeProperties = includeField(
	[
		{ name: 'Services', value: 'services' },
		{ name: 'Teams', value: 'teams' },
		{ name: 'Users', value: 'users' },
	],
	'Related objects to return in full instead of as references (users: who created the window)',
);

const timeDescription = (which: string) =>
	`When the window ${which} (ISO 8601 with offset, e.g. 2026-11-01T22:00:00Z)`;

/** The window's fields; Create shows them as required parameters, Update inside "Update Fields". */
export const windowFields = {
	startTime: {
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description: `${timeDescription('starts')}. Incidents on its services are not created from then on.`,
	},
	endTime: {
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		description: `${timeDescription('ends')}; must be after the start time`,
	},
	serviceIds: namesOrIdsField({
		displayName: 'Service Names or IDs',
		name: 'serviceIds',
		loadOptionsMethod: 'getServices',
		description: 'Services that are in maintenance during the window (IDs from Service → Get Many)',
	}),
	description: {
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Why the services are in maintenance, shown in PagerDuty',
	},
} satisfies Record<string, INodeProperties>;

export interface WindowInput {
	startTime?: unknown;
	endTime?: unknown;
	serviceIds?: unknown;
	description?: unknown;
}

/** PagerDuty's `maintenance_window` fields from one item's values, checked (end after start, a service). */
export function windowBody(
	context: IExecuteFunctions,
	itemIndex: number,
	input: WindowInput,
): IDataObject {
	const window: IDataObject = {};
	if (input.startTime !== undefined)
		window.start_time = dateTimeValue(context, itemIndex, 'Start Time', input.startTime);
	if (input.endTime !== undefined)
		window.end_time = dateTimeValue(context, itemIndex, 'End Time', input.endTime);
	if (input.serviceIds !== undefined) {
		const ids = parseIdList(context, itemIndex, 'Services', input.serviceIds);
		if (ids.length === 0) {
			throw new NodeOperationError(
				context.getNode(),
				`"Services" must name at least one service${itemSuffix(itemIndex)}`,
				{ itemIndex },
			);
		}
		window.services = ids.map((id) => reference(id, 'service'));
	}
	if (input.description !== undefined) window.description = input.description;
	return window;
}

export function checkTimes(
	context: IExecuteFunctions,
	itemIndex: number,
	window: IDataObject,
): void {
	if (Date.parse(String(window.end_time)) > Date.parse(String(window.start_time))) return;
	throw new NodeOperationError(
		context.getNode(),
		`"End Time" must be after "Start Time"${itemSuffix(itemIndex)}`,
		{
			itemIndex,
			description: `The window runs from ${String(window.start_time)} to ${String(window.end_time)}.`,
		},
	);
}
