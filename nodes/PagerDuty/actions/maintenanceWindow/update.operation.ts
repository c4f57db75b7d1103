import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateFieldsCollection } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readRecord, requireChanges, sendRecord } from '../common';
import {
	checkTimes,
	maintenanceWindowIdField,
	readMaintenanceWindowId,
	windowBody,
	windowFields,
} from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	maintenanceWindowIdField,
	updateFieldsCollection([
		windowFields.description,
		windowFields.endTime,
		windowFields.serviceIds,
		windowFields.startTime,
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readMaintenanceWindowId(this, itemIndex);
	const changes = windowBody(
		this,
		itemIndex,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
	);
	requireChanges(this, itemIndex, changes);
	const path = `/maintenance_windows/${pathId(id)}`;
	// PagerDuty's update takes the whole window, so the fields that stay are read first.
	const current = await readRecord(this, path, 'maintenance_window');
	const window: IDataObject = {
		type: 'maintenance_window',
		start_time: current.start_time,
		end_time: current.end_time,
		services: ((current.services as IDataObject[] | undefined) ?? []).map(({ id, type }) => ({
			id,
			type,
		})),
		...changes,
	};
	checkTimes(this, itemIndex, window);
	return await sendRecord(this, 'PUT', path, 'maintenance_window', window);
}

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	description: "Change a window's times, services or description",
	endpoints: ['GET /maintenance_windows/{id}', 'PUT /maintenance_windows/{id}'],
	properties,
	execute,
});
