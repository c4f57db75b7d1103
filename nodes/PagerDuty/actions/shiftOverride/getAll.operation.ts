import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { overrideTarget } from './fields';
import { returnAllAndLimit } from '../../descriptions/common';
import { defineOperation } from '../registry';
import {
	readShiftList,
	shiftListOptions,
	shiftScheduleLocator,
	shiftWindowFields,
} from '../shiftSchedule/fields';

const properties: INodeProperties[] = [
	shiftScheduleLocator.field,
	...shiftWindowFields('the overrides (required): overrides overlapping it are returned', true),
	...returnAllAndLimit('overrides'),
	shiftListOptions,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { path } = overrideTarget(this, itemIndex);
	return await readShiftList(this, itemIndex, path, 'overrides');
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many shift-based overrides',
	description:
		'List the overrides of a shift-based schedule that overlap a time window, by start. Needs the schedule (Shift-Based Schedule → Get Many). Returns one item per override.',
	endpoints: ['GET /v3/schedules/{id}/overrides'],
	properties,
	execute,
});
