import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { locator } from '../../../shared/locators';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';

export const orchestrationLocator = locator('eventOrchestration', {
	displayName: 'Event Orchestration',
	name: 'eventOrchestrationId',
	required: true,
	description:
		'The global event orchestration: pick it from the list or give its ID, a UUID (from Event Orchestration → Get Many)',
});

/** Reads one path of an orchestration (`router`, `global`) or of a service, as PagerDuty has it. */
export async function readOrchestrationPath(
	context: IExecuteFunctions,
	path: string,
	qs?: IDataObject,
): Promise<IDataObject> {
	const response = await pagerDutyApiRequest.call(context, { method: 'GET', path, qs });
	return response.orchestration_path as IDataObject;
}

/** The API path of the orchestration chosen in this item, plus `suffix`. */
export function orchestrationPath(
	context: IExecuteFunctions,
	itemIndex: number,
	suffix = '',
): string {
	return `/event_orchestrations/${pathId(orchestrationLocator.read(context, itemIndex))}${suffix}`;
}
