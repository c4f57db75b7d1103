import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { actionLocator } from './fields';
import { pagerDutyIdSchema, validate } from '../../../shared/validation';
import { optionsCollection } from '../../descriptions/common';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { sendRecord } from '../common';
import { incidentLocator } from '../incident/fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	actionLocator.field,
	incidentLocator.field,
	optionsCollection([
		{
			displayName: 'Alert ID',
			name: 'alertId',
			type: 'string',
			default: '',
			description: "The incident's alert the action is about (from Alert → Get Many), if one",
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const actionId = actionLocator.read(this, itemIndex);
	const incidentId = incidentLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const alertId = options.alertId
		? validate(this, itemIndex, 'Alert ID', pagerDutyIdSchema, options.alertId)
		: undefined;
	return await sendRecord(
		this,
		'POST',
		`/automation_actions/actions/${pathId(actionId)}/invocations`,
		'invocation',
		{ metadata: withoutEmpty({ incident_id: incidentId, alert_id: alertId }) },
	);
}

export const invoke = defineOperation({
	value: 'invoke',
	name: 'Invoke',
	description:
		"Run an automation action on an incident (its runner picks it up). Needs the action's ID (Automation Action → Get Many) and the incident's ID. Returns the invocation, whose state starts as prepared or created.",
	endpoints: ['POST /automation_actions/actions/{id}/invocations'],
	properties,
	execute,
});
