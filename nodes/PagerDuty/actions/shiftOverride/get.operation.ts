import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { overrideIdField, overrideTarget } from './fields';
import { readRecord } from '../common';
import { defineOperation } from '../registry';
import { shiftScheduleLocator } from '../shiftSchedule/fields';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = overrideTarget(this, itemIndex, true);
	return await readRecord(this, path, 'override');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description:
		"Read one override of a shift-based schedule: when, what it overrides, and who replaces whom. Needs the schedule and the override's ID (Shift-Based Override → Get Many). Returns the override.",
	endpoints: ['GET /v3/schedules/{id}/overrides/{override_id}'],
	properties: [shiftScheduleLocator.field, overrideIdField],
	execute,
});
