import { create } from './create.operation';
import { deleteMaintenanceWindow } from './deleteMaintenanceWindow.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const maintenanceWindow = defineResource({
	option: {
		name: 'Maintenance Window',
		value: 'maintenanceWindow',
		description: 'Time windows in which services open no incidents',
	},
	noun: 'maintenance window',
	plural: 'maintenance windows',
	article: 'a',
	defaultOperation: 'getAll',
	operations: [create, deleteMaintenanceWindow, get, getAll, update],
});
