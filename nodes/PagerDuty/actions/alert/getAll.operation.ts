import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { alertIncidentLocator } from './fields';
import { optionsCollection, returnAllAndLimit } from '../../descriptions/common';
import { includeField, includeValues } from '../../descriptions/include';
import { pathId } from '../../helpers/utils';
import { readList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	alertIncidentLocator.field,
	...returnAllAndLimit('alerts'),
	optionsCollection([
		{
			displayName: 'Alert Key',
			name: 'alertKey',
			type: 'string',
			default: '',
			description:
				'Only alerts with this de-duplication key (the dedup_key of the Events API event)',
		},
		includeField([
			{ name: 'First Trigger Log Entries', value: 'firstTriggerLogEntries' },
			{ name: 'Incidents', value: 'incidents' },
			{ name: 'Services', value: 'services' },
		]),
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			options: [
				{ name: 'Created At, Newest First', value: 'created_at:desc' },
				{ name: 'Created At, Oldest First', value: 'created_at:asc' },
				{ name: 'Resolved At, Newest First', value: 'resolved_at:desc' },
				{ name: 'Resolved At, Oldest First', value: 'resolved_at:asc' },
			],
			default: 'created_at:asc',
			description: 'Order of the alerts',
		},
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			options: [
				{ name: 'Resolved', value: 'resolved' },
				{ name: 'Triggered', value: 'triggered' },
			],
			default: [],
			description: 'Only alerts in these statuses; all when empty',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const incidentId = alertIncidentLocator.read(this, itemIndex);
	return await readList(this, itemIndex, {
		path: `/incidents/${pathId(incidentId)}/alerts`,
		property: 'alerts',
		query: (options) => ({
			alert_key: options.alertKey,
			include: includeValues(options.include),
			sort_by: options.sortBy,
			statuses: options.statuses,
		}),
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description: 'List the alerts of an incident, filtered by status or alert key',
	endpoints: ['GET /incidents/{id}/alerts'],
	properties,
	execute,
});
