import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readOrchestrationPath } from './fields';
import { optionsCollection } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';
import { serviceLocator } from '../service/fields';

const properties: INodeProperties[] = [
	serviceLocator.field,
	optionsCollection([
		{
			displayName: 'Include Migrated Metadata',
			name: 'includeMigratedMetadata',
			type: 'boolean',
			default: false,
			description:
				'Whether to add when, how and by whom the rules were migrated from the older event rules',
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const serviceId = serviceLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await readOrchestrationPath(
		this,
		`/event_orchestrations/services/${pathId(serviceId)}`,
		options.includeMigratedMetadata ? { include: ['migrated_metadata'] } : undefined,
	);
}

export const getServiceRules = defineOperation({
	value: 'getServiceRules',
	name: 'Get Service Rules',
	action: 'Get the service rules of an event orchestration',
	description:
		"Read a service's event orchestration: the rules PagerDuty applies to the events routed to that service. Needs the service's ID (Service → Get Many), not an orchestration's.",
	endpoints: ['GET /event_orchestrations/services/{service_id}'],
	properties,
	execute,
});
