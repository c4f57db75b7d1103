import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validate } from '../../../shared/validation';
import { updateFieldsCollection } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readRecord, requireChanges, sendRecord } from '../common';
import { layersField, readLayers, scheduleLocator, scheduleTimeZoneField } from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	scheduleLocator.field,
	updateFieldsCollection([
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'What the schedule covers',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'New name of the schedule',
		},
		scheduleTimeZoneField,
	]),
	layersField('New layers, replacing all current ones. Leave empty to keep the current layers.'),
];

/** The current schedule in the shape PagerDuty's update takes (no rendered entries). */
function asUpdateBody(current: IDataObject): IDataObject {
	const layers = (current.schedule_layers as IDataObject[] | undefined) ?? [];
	return {
		type: 'schedule',
		name: current.name,
		description: current.description ?? '',
		time_zone: current.time_zone,
		schedule_layers: layers.map((layer) => ({
			id: layer.id,
			name: layer.name,
			start: layer.start,
			...(layer.end ? { end: layer.end } : {}),
			rotation_virtual_start: layer.rotation_virtual_start,
			rotation_turn_length_seconds: layer.rotation_turn_length_seconds,
			users: ((layer.users as IDataObject[] | undefined) ?? []).map((entry) => {
				const user = entry.user as IDataObject;
				return { user: { id: user.id, type: 'user_reference' } };
			}),
			restrictions: layer.restrictions ?? [],
		})),
	};
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const scheduleId = scheduleLocator.read(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = {};
	const nonEmpty = z.string().trim().min(1, 'must not be empty');
	if (fields.name !== undefined)
		changes.name = validate(this, itemIndex, 'Name', nonEmpty, fields.name);
	if (fields.description !== undefined) changes.description = fields.description;
	if (fields.timeZone !== undefined)
		changes.time_zone = validate(this, itemIndex, 'Time Zone', nonEmpty, fields.timeZone);
	const layers = readLayers(this, itemIndex);
	if (layers) changes.schedule_layers = layers;
	requireChanges(this, itemIndex, changes);
	const path = `/schedules/${pathId(scheduleId)}`;
	// PagerDuty's update replaces the whole schedule: read it, so that what is not changed is kept.
	const current = await readRecord(this, path, 'schedule');
	return await sendRecord(this, 'PUT', path, 'schedule', { ...asUpdateBody(current), ...changes });
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description:
		'Rename a schedule, change its time zone, description or layers; what is not given is kept',
	endpoints: ['GET /schedules/{id}', 'PUT /schedules/{id}'],
	properties,
	execute,
});
