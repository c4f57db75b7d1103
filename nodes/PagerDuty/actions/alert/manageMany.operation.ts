import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { alertChangeFields, alertIncidentLocator, readAlertChange } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { invalidParameter, parseIdList, readOptionalEmail } from '../../../shared/validation';
import { fromEmailField } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { inBulkChunks } from '../incident/bulk';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	alertIncidentLocator.field,
	{
		displayName: 'Alert IDs',
		name: 'alertIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Q3K2MD4CXKHYWM,Q0PX7B2RT4LMNA',
		description:
			"IDs of the incident's alerts to change, comma-separated or an expression giving an array (e.g. the ID fields from Alert → Get Many). Any number: they are sent in requests of up to 250.",
	},
	...alertChangeFields,
	fromEmailField,
];

/** Returns the changed alerts in the order given; requests sent before a failing one stay applied. */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const incidentId = alertIncidentLocator.read(this, itemIndex);
	const alertIds = [
		...new Set(
			parseIdList(this, itemIndex, 'Alert IDs', this.getNodeParameter('alertIds', itemIndex)),
		),
	];
	if (alertIds.length === 0)
		throw invalidParameter(this, itemIndex, 'Alert IDs', 'must list at least one alert ID');
	const change = readAlertChange(this, itemIndex);
	const from = readOptionalEmail(this, itemIndex, 'email', 'Email');

	const alerts: IDataObject[] = [];
	for (const chunk of inBulkChunks(alertIds)) {
		const response = await pagerDutyApiRequest.call(this, {
			method: 'PUT',
			path: `/incidents/${pathId(incidentId)}/alerts`,
			body: { alerts: chunk.map((id) => ({ id, type: 'alert', ...change })) },
			from,
		});
		alerts.push(...((response.alerts as IDataObject[] | undefined) ?? []));
	}
	return alerts;
}

export const manageMany = defineOperation({
	value: 'manageMany',
	name: 'Update Many',
	description: "Resolve a list of an incident's alerts, or move them to another incident, at once",
	endpoints: ['PUT /incidents/{id}/alerts'],
	properties,
	execute,
});
