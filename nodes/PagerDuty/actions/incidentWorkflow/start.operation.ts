import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { incidentWorkflowLocator } from './fields';
import { validate } from '../../../shared/validation';
import { optionsCollection } from '../../descriptions/common';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { sendRecord } from '../common';
import { incidentLocator } from '../incident/fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	incidentWorkflowLocator.field,
	{
		...incidentLocator.field,
		description:
			'The incident to run the workflow on: pick an open one, paste its PagerDuty URL, or give its ID (from Incident → Get Many)',
	},
	optionsCollection([
		{
			displayName: 'Instance ID',
			name: 'instanceId',
			type: 'string',
			default: '',
			placeholder: 'e.g. deploy-rollback-42',
			description:
				'Your own ID for this run, to tell runs apart; PagerDuty makes one up when empty',
		},
	]),
];

const instanceIdSchema = z.string().trim().max(255, 'must be at most 255 characters');

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const workflowId = incidentWorkflowLocator.read(this, itemIndex);
	const incidentId = incidentLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const instanceId = validate(
		this,
		itemIndex,
		'Instance ID',
		instanceIdSchema,
		options.instanceId ?? '',
	);
	return await sendRecord(
		this,
		'POST',
		`/incident_workflows/${pathId(workflowId)}/instances`,
		'incident_workflow_instance',
		{
			...withoutEmpty({ id: instanceId }),
			incident: { id: incidentId, type: 'incident_reference' },
		},
	);
}

export const start = defineOperation({
	value: 'start',
	name: 'Start',
	description:
		"Run an incident workflow on an incident now, as if a responder started it. Needs the workflow's ID (Incident Workflow → Get Many; it must be enabled) and the incident's ID (Incident → Get Many). Returns the workflow instance: its ID and the incident.",
	endpoints: ['POST /incident_workflows/{id}/instances'],
	properties,
	execute,
});
