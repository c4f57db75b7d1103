import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { orchestrationLocator, orchestrationPath, readOrchestrationPath } from './fields';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await readOrchestrationPath(this, orchestrationPath(this, itemIndex, '/global'));
}

export const getGlobalRules = defineOperation({
	value: 'getGlobalRules',
	name: 'Get Global Rules',
	action: 'Get the global rules of an event orchestration',
	description:
		"Read an event orchestration's global rules, which act on every event before the router (e.g. set severity, suppress, annotate): rule sets, rules and the catch-all. Needs the orchestration's ID (Event Orchestration → Get Many).",
	endpoints: ['GET /event_orchestrations/{id}/global'],
	properties: [orchestrationLocator.field],
	execute,
});
