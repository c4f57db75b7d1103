import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { relationshipFields, sendRelationship } from './fields';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return { deleted: true, ...(await sendRelationship(this, itemIndex, 'disassociate')) };
}

export const deleteServiceDependency = defineOperation({
	value: 'delete',
	name: 'Delete',
	description:
		"Remove the dependency between two services (PagerDuty's disassociate), named by its supporting and its dependent service. Returns the removed dependency.",
	endpoints: ['POST /service_dependencies/disassociate'],
	properties: relationshipFields,
	execute,
});
