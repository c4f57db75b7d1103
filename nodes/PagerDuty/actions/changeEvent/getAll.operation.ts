import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { changeEventListFields, listChangeEvents } from './list';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listChangeEvents(this, itemIndex, '/change_events');
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		'List change events across the account, newest first, optionally in a UTC time window',
	endpoints: ['GET /change_events'],
	properties: changeEventListFields,
	execute,
});
