import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	customFieldsOutput,
	customFieldsSimplifyField,
	fieldValue,
	readCustomFieldValues,
} from './customFields';
import { incidentLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { invalidParameter } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import { explainStatus } from '../common';
import { defineOperation } from '../registry';

const FIELDS_LABEL = 'Custom Fields';

const properties: INodeProperties[] = [
	incidentLocator.field,
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		description: 'The fields to set; fields not listed keep their values',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getIncidentCustomFields',
							loadOptionsDependsOn: ['incidentId.value'],
						},
						default: '',
						description:
							'The custom field, by its name (e.g. environment). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						displayOptions: { show: { clear: [false] } },
						description:
							'The new value, written as the field takes it: true/false, a whole number, a number, text (≤ 200 characters), a date-time (ISO 8601) or an http(s) URL. Multi-value fields take a comma-separated list or a JSON array (at most 10 values).',
					},
					{
						displayName: 'Clear',
						name: 'clear',
						type: 'boolean',
						default: false,
						description: 'Whether to remove the value instead of setting one',
					},
				],
			},
		],
	},
	customFieldsSimplifyField,
];

interface FieldInput {
	name?: string;
	value?: unknown;
	clear?: boolean;
}

/** The request's values: each named field checked against the incident's fields and its type. */
function plannedValues(
	context: IExecuteFunctions,
	itemIndex: number,
	inputs: FieldInput[],
	fields: IDataObject[],
): IDataObject[] {
	if (inputs.length === 0)
		throw invalidParameter(context, itemIndex, FIELDS_LABEL, 'must list at least one field');
	const seen = new Set<string>();
	return inputs.map((input) => {
		const wanted = String(input.name ?? '').trim();
		const field = fields.find(({ name, id }) => name === wanted || id === wanted);
		if (!field)
			throw invalidParameter(
				context,
				itemIndex,
				FIELDS_LABEL,
				`names a field the incident does not have: "${wanted}" (its fields: ${fields.map(({ name }) => String(name)).join(', ') || 'none'})`,
			);
		const label = `${FIELDS_LABEL} → ${String(field.name)}`;
		if (seen.has(String(field.id)))
			throw invalidParameter(context, itemIndex, label, 'is listed twice');
		seen.add(String(field.id));
		if (input.clear === true) return { id: field.id, value: null };
		if (input.value === undefined || input.value === null || String(input.value).trim() === '')
			throw invalidParameter(
				context,
				itemIndex,
				label,
				'has no value: give one, or turn on Clear to remove it',
			);
		return { id: field.id, value: fieldValue(context, itemIndex, label, field, input.value) };
	});
}

async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const incidentId = incidentLocator.read(this, itemIndex);
	const { field: inputs = [] } = this.getNodeParameter('customFields', itemIndex, {}) as {
		field?: FieldInput[];
	};
	// The incident's fields and their types, to check the values before sending them.
	const fields = await readCustomFieldValues(this, incidentId);
	const customFields = plannedValues(this, itemIndex, inputs, fields);
	const response = await explainStatus(
		this,
		400,
		{
			message: 'PagerDuty refused a custom field value',
			description:
				"Fields with fixed options take only one of their options (see the field under Incident Types → Custom Fields in PagerDuty's web app).",
		},
		async () =>
			await pagerDutyApiRequest.call(this, {
				method: 'PUT',
				path: `/incidents/${pathId(incidentId)}/custom_fields/values`,
				body: { custom_fields: customFields },
			}),
	);
	return customFieldsOutput(this, itemIndex, (response.custom_fields as IDataObject[]) ?? []);
}

export const setCustomFieldValues = defineOperation({
	value: 'setCustomFieldValues',
	name: 'Set Custom Field Values',
	action: 'Set custom field values on an incident',
	description:
		"Set or clear values of an incident's custom fields (e.g. environment = production); other fields keep theirs. Needs the incident's ID (Incident → Get Many) and the field names (Incident → Get Custom Field Values). Values are checked against each field's type before sending. Returns all the incident's values after the change, as Get Custom Field Values does.",
	endpoints: [
		'GET /incidents/{id}/custom_fields/values',
		'PUT /incidents/{id}/custom_fields/values',
	],
	properties,
	execute,
});
