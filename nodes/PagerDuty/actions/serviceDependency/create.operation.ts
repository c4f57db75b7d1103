import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { relationshipFields, sendRelationship } from './fields';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await sendRelationship(this, itemIndex, 'associate');
}

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	description:
		"Record that one service relies on another (PagerDuty's associate): technical or business services, either way round. Needs both services' IDs (Service → Get Many, Business Service → Get Many). Returns the dependency; one that exists already is returned as it is.",
	endpoints: ['POST /service_dependencies/associate'],
	properties: relationshipFields,
	execute,
});
