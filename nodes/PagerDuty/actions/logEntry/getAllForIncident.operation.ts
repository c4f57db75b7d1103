import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { logEntryListOptions, readLogEntryList, SIMPLIFIED_LOG_ENTRY_FIELDS } from './list';
import { returnAllAndLimit } from '../../descriptions/common';
import { simplifyField } from '../../descriptions/simplify';
import { pathId } from '../../helpers/utils';
import { incidentLocator } from '../incident/fields';
import { defineOperation } from '../registry';

/** How far back a list too long for one query is sliced when Since is empty. */
const INCIDENT_HISTORY_DAYS = 365;

const properties: INodeProperties[] = [
	incidentLocator.field,
	...returnAllAndLimit('log entries'),
	simplifyField(SIMPLIFIED_LOG_ENTRY_FIELDS),
	logEntryListOptions,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const incidentId = incidentLocator.read(this, itemIndex);
	return await readLogEntryList(
		this,
		itemIndex,
		`/incidents/${pathId(incidentId)}/log_entries`,
		INCIDENT_HISTORY_DAYS,
	);
}

export const getAllForIncident = defineOperation({
	value: 'getAllForIncident',
	name: 'Get Many for an Incident',
	action: 'Get many log entries for an incident',
	description:
		'List the timeline of one incident (triggers, acknowledgements, notes, escalations …), newest first',
	endpoints: ['GET /incidents/{id}/log_entries'],
	properties,
	execute,
});
