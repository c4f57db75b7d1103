import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { customShiftTarget } from './fields';
import { defineOperation } from '../registry';
import { readShiftList, shiftListChecksItself, shiftListProperties } from '../shiftSchedule/fields';

const properties: INodeProperties[] = shiftListProperties('custom shifts');

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { path } = customShiftTarget(this, itemIndex);
	return await readShiftList(this, itemIndex, path, 'custom_shifts');
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		'List the custom shifts of a shift-based schedule that overlap a time window, by start. Needs the schedule (Shift-Based Schedule → Get Many). Returns one item per shift.',
	endpoints: ['GET /v3/schedules/{id}/custom_shifts'],
	properties,
	checksItself: shiftListChecksItself,
	execute,
});
