import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { layersField, readLayers, scheduleTimeZoneField } from './fields';
import { itemSuffix } from '../../../shared/errors';
import { readParameter } from '../../../shared/validation';
import { additionalFieldsCollection } from '../../descriptions/common';
import { sendRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the new on-call schedule',
	},
	{ ...scheduleTimeZoneField, required: true },
	layersField(
		'The rotations that make up the schedule, at least one. Where layers overlap, the later layer in this list wins.',
	),
	additionalFieldsCollection([
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'What the schedule covers',
		},
	]),
];

const nonEmpty = z.string().trim().min(1, 'must not be empty');

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readParameter(this, itemIndex, 'name', 'Name', nonEmpty);
	const timeZone = readParameter(this, itemIndex, 'timeZone', 'Time Zone', nonEmpty);
	const layers = readLayers(this, itemIndex);
	if (!layers) {
		throw new NodeOperationError(
			this.getNode(),
			`Add at least one layer under "Layers"${itemSuffix(itemIndex)}`,
			{ itemIndex },
		);
	}
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return await sendRecord(this, 'POST', '/schedules', 'schedule', {
		type: 'schedule',
		name,
		time_zone: timeZone,
		...(additionalFields.description !== undefined && {
			description: additionalFields.description,
		}),
		schedule_layers: layers,
	});
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description: 'Add an on-call schedule made of one or more rotating layers of users',
	endpoints: ['POST /schedules'],
	properties,
	execute,
});
