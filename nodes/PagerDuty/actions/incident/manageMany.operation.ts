import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { incidentChanges, incidentChangesCheckedThemselves } from './body';
import { planBulkRequests, sendBulkUpdate } from './bulk';
import { incidentChangeOptions } from './fields';
import { invalidParameter, parseIdList, readOptionalEmail } from '../../../shared/validation';
import { fromEmailField } from '../../descriptions/common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	{
		displayName: 'Incident IDs',
		name: 'incidentIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Q2T4ZLRMNV8ICM,Q1RZ5T3SXKEXAB',
		description:
			'IDs of the incidents to change, comma-separated, or an expression giving an array of IDs (e.g. the ID fields from Incident → Get Many). Any number: they are sent to PagerDuty in requests of up to 250.',
	},
	fromEmailField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The same changes are made to every listed incident',
		options: incidentChangeOptions,
	},
];

/**
 * One item changes a list of incidents with PagerDuty's bulk update and returns every updated
 * incident, in the order given. When a request of the list fails, the requests before it stay
 * applied (PagerDuty has no transaction across requests).
 */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const incidentIds = [
		...new Set(
			parseIdList(this, itemIndex, 'Incident IDs', this.getNodeParameter('incidentIds', itemIndex)),
		),
	];
	if (incidentIds.length === 0)
		throw invalidParameter(this, itemIndex, 'Incident IDs', 'must list at least one incident ID');
	const from = readOptionalEmail(this, itemIndex, 'email', 'Email');
	const changes = incidentChanges(
		this,
		itemIndex,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
	);
	if (Object.keys(changes).length === 0)
		throw invalidParameter(this, itemIndex, 'Update Fields', 'must contain at least one change');

	const updated = new Map<string, IDataObject>();
	const updates = incidentIds.map((incidentId) => ({ itemIndex, incidentId, from, changes }));
	for (const batch of planBulkRequests(updates)) {
		for (const [id, incident] of await sendBulkUpdate(this, batch)) updated.set(id, incident);
	}
	return incidentIds
		.map((id) => updated.get(id))
		.filter((incident): incident is IDataObject => incident !== undefined);
}

export const manageMany = defineOperation({
	value: 'manageMany',
	name: 'Update Many',
	description:
		"Acknowledge, resolve, reassign, escalate or re-prioritise a list of incidents at once (PagerDuty's bulk update)",
	endpoints: ['PUT /incidents'],
	properties,
	checksItself: incidentChangesCheckedThemselves,
	execute,
});
