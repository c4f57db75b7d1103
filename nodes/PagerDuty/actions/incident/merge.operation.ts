import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locator } from '../../../shared/locators';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { invalidParameter, parseIdList, readOptionalEmail } from '../../../shared/validation';
import { fromEmailField } from '../../descriptions/common';
import { pathId, reference } from '../../helpers/utils';
import { defineOperation } from '../registry';

const targetIncidentLocator = locator('incident', {
	displayName: 'Target Incident',
	name: 'incidentId',
	required: true,
	description:
		'The open incident that receives the alerts of the source incidents and stays open (its ID from Incident → Get Many, or its URL)',
});

const properties: INodeProperties[] = [
	targetIncidentLocator.field,
	{
		displayName: 'Source Incident IDs',
		name: 'sourceIncidentIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Q1RZ5T3SXKEXAB,Q0AB3DE7FGH2JK',
		description:
			'IDs of the incidents to merge into the target, comma-separated or an expression giving an array. They must be open; PagerDuty moves their alerts to the target and resolves them.',
	},
	fromEmailField,
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const targetId = targetIncidentLocator.read(this, itemIndex);
	const sourceIds = [
		...new Set(
			parseIdList(
				this,
				itemIndex,
				'Source Incident IDs',
				this.getNodeParameter('sourceIncidentIds', itemIndex),
			),
		),
	];
	if (sourceIds.length === 0)
		throw invalidParameter(
			this,
			itemIndex,
			'Source Incident IDs',
			'must list at least one incident ID',
		);
	if (sourceIds.includes(targetId)) {
		throw invalidParameter(
			this,
			itemIndex,
			'Source Incident IDs',
			`must not contain the target incident ${targetId}`,
		);
	}
	const response = await pagerDutyApiRequest.call(this, {
		method: 'PUT',
		path: `/incidents/${pathId(targetId)}/merge`,
		body: { source_incidents: sourceIds.map((id) => reference(id, 'incident')) },
		from: readOptionalEmail(this, itemIndex, 'email', 'Email'),
	});
	return response.incident as IDataObject;
}

export const merge = defineOperation({
	value: 'merge',
	name: 'Merge',
	action: 'Merge incidents into an incident',
	description:
		'Merge open incidents into one: their alerts move to the target and they are resolved',
	endpoints: ['PUT /incidents/{id}/merge'],
	properties,
	execute,
});
