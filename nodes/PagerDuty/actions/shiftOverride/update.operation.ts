import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { overrideBody, overrideFields, overrideIdField, overrideTarget } from './fields';
import { updateFieldsCollection } from '../../descriptions/common';
import { updateRecord } from '../common';
import { defineOperation } from '../registry';
import { shiftScheduleLocator } from '../shiftSchedule/fields';

const properties: INodeProperties[] = [
	shiftScheduleLocator.field,
	overrideIdField,
	updateFieldsCollection(overrideFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { path } = overrideTarget(this, itemIndex, true);
	return await updateRecord(this, itemIndex, { path, key: 'override' }, (fields) =>
		overrideBody(this, itemIndex, fields, false),
	);
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description:
		"Move an override (Start, End) or give it to another overriding member; the overridden member cannot change. Needs the schedule and the override's ID (Shift-Based Override → Get Many). Returns the override.",
	endpoints: ['PUT /v3/schedules/{id}/overrides/{override_id}'],
	properties,
	execute,
});
