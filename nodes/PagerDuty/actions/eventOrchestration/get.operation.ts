import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { orchestrationLocator, orchestrationPath } from './fields';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await readRecord(this, orchestrationPath(this, itemIndex), 'orchestration');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description:
		'Read one global event orchestration: name, team, number of routes and its integrations, whose routing keys send events to it. Needs its ID (Event Orchestration → Get Many).',
	endpoints: ['GET /event_orchestrations/{id}'],
	properties: [orchestrationLocator.field],
	execute,
});
