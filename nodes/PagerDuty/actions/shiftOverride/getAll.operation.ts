import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { overrideTarget } from './fields';
import { defineOperation } from '../registry';
import { readShiftList, shiftListChecksItself, shiftListProperties } from '../shiftSchedule/fields';

const properties: INodeProperties[] = shiftListProperties('overrides');

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { path } = overrideTarget(this, itemIndex);
	return await readShiftList(this, itemIndex, path, 'overrides');
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		'List the overrides of a shift-based schedule that overlap a time window, by start. Needs the schedule (Shift-Based Schedule → Get Many). Returns one item per override.',
	endpoints: ['GET /v3/schedules/{id}/overrides'],
	properties,
	checksItself: shiftListChecksItself,
	execute,
});
