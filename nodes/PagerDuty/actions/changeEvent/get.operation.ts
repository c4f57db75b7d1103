import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pagerDutyIdSchema, readParameter } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{
		displayName: 'Change Event ID',
		name: 'changeEventId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 01BBYA6PEVW6A852BUO6QYUE7O',
		description: 'ID of the change event, as returned by Change Event → Get Many (its ID field)',
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readParameter(this, itemIndex, 'changeEventId', 'Change Event ID', pagerDutyIdSchema);
	return await readRecord(this, `/change_events/${pathId(id)}`, 'change_event');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one change event (a deploy or configuration change sent to PagerDuty) by ID',
	endpoints: ['GET /change_events/{id}'],
	properties,
	execute,
});
