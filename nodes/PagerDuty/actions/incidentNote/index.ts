import { create } from './create.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';
import { defineResource } from '../registry';

export const incidentNote = defineResource({
	option: {
		name: 'Incident Note',
		value: 'incidentNote',
		description: "Notes on an incident's timeline",
	},
	noun: 'incident note',
	plural: 'incident notes',
	article: 'an',
	defaultOperation: 'create',
	operations: [create, getAll, update],
});
