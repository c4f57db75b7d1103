import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { logEntryListOptions, readLogEntryList, SIMPLIFIED_LOG_ENTRY_FIELDS } from './list';
import { returnAllAndLimit } from '../../descriptions/common';
import { legacySimplifyField } from '../../descriptions/simplify';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('log entries'),
	legacySimplifyField(SIMPLIFIED_LOG_ENTRY_FIELDS),
	logEntryListOptions,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// Without Since/Until PagerDuty lists the last 30 days.
	return await readLogEntryList(this, itemIndex, '/log_entries', 30);
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description: 'List log entries across the account, optionally within a time window',
	endpoints: ['GET /log_entries'],
	properties,
	execute,
});
