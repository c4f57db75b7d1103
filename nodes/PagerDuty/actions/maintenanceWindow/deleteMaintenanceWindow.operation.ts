import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { explainStatus } from '../common';
import { maintenanceWindowIdField, readMaintenanceWindowId } from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [maintenanceWindowIdField];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readMaintenanceWindowId(this, itemIndex);
	await explainStatus(
		this,
		405,
		{
			message: 'This maintenance window has already ended, so it cannot be deleted',
			description:
				'PagerDuty deletes windows that have not started and ends ongoing ones; ended windows stay in the history. Use Maintenance Window → Get Many with Filter "Open" to find the ones that can still be deleted.',
		},
		async () =>
			await pagerDutyApiRequest.call(this, {
				method: 'DELETE',
				path: `/maintenance_windows/${pathId(id)}`,
			}),
	);
	return { deleted: true, id };
}

export const deleteMaintenanceWindow = defineOperation({
	value: 'delete',
	name: 'Delete',
	description:
		'Delete a window that has not started, or end an ongoing one now; ended windows cannot be deleted',
	endpoints: ['DELETE /maintenance_windows/{id}'],
	properties,
	execute,
});
