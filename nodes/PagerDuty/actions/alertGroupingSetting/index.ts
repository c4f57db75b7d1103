import { create } from './create.operation';
import { deleteAlertGroupingSetting } from './deleteAlertGroupingSetting.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const alertGroupingSetting = defineResource({
	option: {
		name: 'Alert Grouping Setting',
		value: 'alertGroupingSetting',
		description:
			"How services' alerts are grouped into incidents: by content, time or intelligently",
	},
	noun: 'alert grouping setting',
	plural: 'alert grouping settings',
	article: 'an',
	defaultOperation: 'get',
	operations: [create, deleteAlertGroupingSetting, get, getAll, update],
});
