import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { changeEventListFields, listChangeEvents } from './list';

export const description = updateDisplayOptions(
	{ show: { resource: ['changeEvent'], operation: ['getAll'] } },
	changeEventListFields,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listChangeEvents(this, itemIndex, '/change_events');
}
