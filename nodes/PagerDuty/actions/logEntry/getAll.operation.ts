import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { logEntryListOptions, readLogEntryList, SIMPLIFIED_LOG_ENTRY_FIELDS } from './list';
import { returnAllAndLimit } from '../../descriptions/common';
import { legacySimplifyField } from '../../descriptions/simplify';

const properties: INodeProperties[] = [
	...returnAllAndLimit('log entries'),
	legacySimplifyField(SIMPLIFIED_LOG_ENTRY_FIELDS),
	logEntryListOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['logEntry'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// Without Since/Until PagerDuty lists the last 30 days.
	return await readLogEntryList(this, itemIndex, '/log_entries', 30);
}
