import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { dedupKeyField, dedupKeySchema } from './fields';
import { sendEvent } from '../../../shared/transport/events';
import { readParameter } from '../../../shared/validation';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [dedupKeyField(true)];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const dedupKey = readParameter(this, itemIndex, 'dedupKey', 'Dedup Key', dedupKeySchema);
	return await sendEvent.call(
		this,
		'/v2/enqueue',
		{ event_action: 'acknowledge', dedup_key: dedupKey },
		itemIndex,
	);
}

export const acknowledge = defineOperation({
	value: 'acknowledge',
	name: 'Acknowledge',
	action: 'Acknowledge an alert',
	description: 'Acknowledge the open alert with a dedup key (Events API v2)',
	endpoints: ['POST /v2/enqueue'],
	properties,
	execute,
});
