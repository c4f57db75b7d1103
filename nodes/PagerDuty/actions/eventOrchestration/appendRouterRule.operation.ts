import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orchestrationLocator, orchestrationPath, readOrchestrationPath } from './fields';
import { putRouter, ruleFields, ruleOf, writableRouter } from './routerRules';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [orchestrationLocator.field, ...ruleFields];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const rule = ruleOf(this, itemIndex, {
		label: this.getNodeParameter('label', itemIndex, ''),
		conditions: this.getNodeParameter('conditions', itemIndex, ''),
		routeTo: this.getNodeParameter('routeTo', itemIndex),
		disabled: this.getNodeParameter('disabled', itemIndex, false),
	});
	const router = writableRouter(
		await readOrchestrationPath(this, orchestrationPath(this, itemIndex, '/router')),
	);
	const [start] = router.sets as IDataObject[];
	start.rules = [...(start.rules as IDataObject[]), rule];
	return await putRouter(this, itemIndex, router);
}

export const appendRouterRule = defineOperation({
	value: 'appendRouterRule',
	name: 'Append Router Rule',
	action: 'Append a router rule to an event orchestration',
	description:
		"Add one rule at the end of an event orchestration's router (before the catch-all), keeping the rules there and their IDs: events matching its conditions go to the chosen service. Needs the orchestration's ID (Event Orchestration → Get Many) and the service's ID. Returns the router.",
	endpoints: ['GET /event_orchestrations/{id}/router', 'PUT /event_orchestrations/{id}/router'],
	properties,
	execute,
});
