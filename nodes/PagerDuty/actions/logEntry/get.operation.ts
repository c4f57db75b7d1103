import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyIdSchema, readParameter } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{
		displayName: 'Log Entry ID',
		name: 'logEntryId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. R2XGXEI3W0FHMYDGJ0AGVY8Q3A',
		description: 'ID of the log entry, as returned by Log Entry → Get Many (its ID field)',
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const logEntryId = readParameter(
		this,
		itemIndex,
		'logEntryId',
		'Log Entry ID',
		pagerDutyIdSchema,
	);
	return await readRecord(this, `/log_entries/${pathId(logEntryId)}`, 'log_entry');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: "Read one log entry (an event on an incident's timeline) by ID",
	endpoints: ['GET /log_entries/{id}'],
	properties,
	execute,
});
