import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { orchestrationLocator, orchestrationPath, readOrchestrationPath } from './fields';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await readOrchestrationPath(this, orchestrationPath(this, itemIndex, '/router'));
}

export const getRouter = defineOperation({
	value: 'getRouter',
	name: 'Get Router',
	action: 'Get the router of an event orchestration',
	description:
		"Read an event orchestration's router: its rules, in order, each with conditions and the service it routes matching events to, and the catch-all route. Needs the orchestration's ID (Event Orchestration → Get Many).",
	endpoints: ['GET /event_orchestrations/{id}/router'],
	properties: [orchestrationLocator.field],
	execute,
});
