import { addSubscribers } from './addSubscribers.operation';
import { create } from './create.operation';
import { createResponderRequest } from './createResponderRequest.operation';
import { createStatusUpdate } from './createStatusUpdate.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getAllPast } from './getAllPast.operation';
import { getAllRelated } from './getAllRelated.operation';
import { getAllSubscribers } from './getAllSubscribers.operation';
import { getCustomFieldValues } from './getCustomFieldValues.operation';
import { getOutlier } from './getOutlier.operation';
import { manageMany } from './manageMany.operation';
import { merge } from './merge.operation';
import { removeSubscribers } from './removeSubscribers.operation';
import { setCustomFieldValues } from './setCustomFieldValues.operation';
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
		getAllRelated,
		getAllPast,
		getOutlier,
		getCustomFieldValues,
		setCustomFieldValues,
		getAllSubscribers,
		addSubscribers,
		removeSubscribers,
	],
});
