import { create } from './create.operation';
import { createResponderRequest } from './createResponderRequest.operation';
import { createStatusUpdate } from './createStatusUpdate.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { manageMany } from './manageMany.operation';
import { merge } from './merge.operation';
import { snooze } from './snooze.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const incident = defineResource({
	option: {
		name: 'Incident',
		value: 'incident',
		description: 'Open, read, acknowledge, resolve, reassign, merge or snooze incidents',
	},
	noun: 'incident',
	plural: 'incidents',
	article: 'an',
	keywords: [
		'pager',
		'snooze',
		'acknowledge',
		'resolve',
		'escalate',
		'reassign',
		'merge incidents',
		'responder',
		'status update',
	],
	defaultOperation: 'create',
	operations: [
		create,
		createResponderRequest,
		createStatusUpdate,
		get,
		getAll,
		manageMany,
		merge,
		snooze,
		update,
	],
});
