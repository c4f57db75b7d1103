import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dedupKeyField, dedupKeySchema } from './fields';
import { readParameter } from '../../helpers/validation';
import { sendEvent } from '../../transport/events';

const properties: INodeProperties[] = [dedupKeyField(true)];

export const description = updateDisplayOptions(
	{ show: { resource: ['event'], operation: ['resolve'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const dedupKey = readParameter(this, itemIndex, 'dedupKey', 'Dedup Key', dedupKeySchema);
	return await sendEvent.call(
		this,
		'/v2/enqueue',
		{ event_action: 'resolve', dedup_key: dedupKey },
		itemIndex,
	);
}
