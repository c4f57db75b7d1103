import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { incidentLocator } from './fields';
import { additionalDetails, fullIncidentOption, readIntelligence } from './intelligence';
import { optionalDateTime } from '../../../shared/validation';
import { optionsCollection } from '../../descriptions/common';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	incidentLocator.field,
	optionsCollection([
		fullIncidentOption(false),
		{
			displayName: 'Since',
			name: 'since',
			type: 'dateTime',
			default: '',
			description:
				"Start of the period the incident's occurrences are counted in (ISO 8601, e.g. 2026-08-01T00:00:00Z); PagerDuty picks one when empty",
		},
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const incidentId = incidentLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await readIntelligence(
		this,
		`/incidents/${pathId(incidentId)}/outlier_incident`,
		withoutEmpty({
			since: optionalDateTime(this, itemIndex, 'Since', options.since),
			additional_details: additionalDetails(options),
		}),
	);
	return response.outlier_incident as IDataObject;
}

export const getOutlier = defineOperation({
	value: 'getOutlier',
	name: 'Get Outlier',
	action: 'Get outlier details of an incident',
	description:
		"Tell whether an incident is unusual for its service: how often incidents with the same title pattern occurred there (count, frequency) and PagerDuty's category (e.g. rare), with the pattern it recognised. Needs the incident's ID (Incident → Get Many) and PagerDuty AIOps. Returns { incident: { …, occurrence }, incident_template }.",
	endpoints: ['GET /incidents/{id}/outlier_incident'],
	properties,
	execute,
});
