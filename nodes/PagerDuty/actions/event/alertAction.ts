import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { dedupKeyField, dedupKeySchema } from './fields';
import { sendEvent } from '../../../shared/transport/events';
import { readParameter } from '../../../shared/validation';
import type { Operation } from '../registry';
import { defineOperation } from '../registry';

interface AlertActionOptions {
	value: 'acknowledge' | 'resolve';
	name: string;
	description: string;
}

/** Acknowledge or Resolve: the same event for the open alert with a dedup key, with its action. */
export function alertAction(options: AlertActionOptions): Operation {
	return defineOperation({
		...options,
		endpoints: ['POST /v2/enqueue'],
		properties: [dedupKeyField(true)],
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const dedupKey = readParameter(this, itemIndex, 'dedupKey', 'Dedup Key', dedupKeySchema);
			return await sendEvent.call(
				this,
				'/v2/enqueue',
				{ event_action: options.value, dedup_key: dedupKey },
				itemIndex,
			);
		},
	});
}
