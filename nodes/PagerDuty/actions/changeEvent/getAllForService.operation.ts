import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { changeEventListFields, listChangeEvents } from './list';
import { locatorField } from '../../descriptions/locators';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';

export const description = updateDisplayOptions(
	{ show: { resource: ['changeEvent'], operation: ['getAllForService'] } },
	[
		locatorField('service', {
			displayName: 'Service',
			name: 'serviceId',
			required: true,
			description:
				'The service whose change events to list: pick one, paste its URL, or give its ID (from Service → Get Many)',
		}),
		...changeEventListFields,
	],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const serviceId = readLocatorId(this, itemIndex, 'serviceId', 'Service', 'service');
	return await listChangeEvents(this, itemIndex, `/services/${pathId(serviceId)}/change_events`);
}
