import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { incidentWorkflowLocator } from './fields';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [incidentWorkflowLocator.field];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const workflowId = incidentWorkflowLocator.read(this, itemIndex);
	return await readRecord(this, `/incident_workflows/${pathId(workflowId)}`, 'incident_workflow');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description:
		"Read one incident workflow with its steps (each step's action and inputs). Needs the workflow's ID (Incident Workflow → Get Many).",
	endpoints: ['GET /incident_workflows/{id}'],
	properties,
	execute,
});
