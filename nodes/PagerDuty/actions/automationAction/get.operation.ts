import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { actionLocator } from './fields';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const actionId = actionLocator.read(this, itemIndex);
	return await readRecord(this, `/automation_actions/actions/${pathId(actionId)}`, 'action');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description:
		'Read one automation action: what it runs (script or Process Automation job), its runner, services and teams, and whether it may run on resolved incidents. Needs its ID (Automation Action → Get Many).',
	endpoints: ['GET /automation_actions/actions/{id}'],
	properties: [actionLocator.field],
	execute,
});
