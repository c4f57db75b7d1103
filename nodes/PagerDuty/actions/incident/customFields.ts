import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { z } from 'zod';

import { chosenId } from '../../../shared/locators';
import type { PagerDutyContext } from '../../../shared/transport/rest';
import { pagerDutyApiRequestRecords } from '../../../shared/transport/rest';
import { invalidParameter, optionalDateTime, validate } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';

/** An incident's custom field values as PagerDuty lists them: every field, set or not. */
export async function readCustomFieldValues(
	context: PagerDutyContext,
	incidentId: string,
): Promise<IDataObject[]> {
	return await pagerDutyApiRequestRecords.call(
		context,
		{ method: 'GET', path: `/incidents/${pathId(incidentId)}/custom_fields/values` },
		'custom_fields',
	);
}

export const customFieldsSimplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return one item mapping each field name to its value instead of one item per field with its type and description',
};

/** One item `{ name: value }` when Simplify is on, else one item per field. */
export function customFieldsOutput(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject[],
): IDataObject | IDataObject[] {
	if (!(context.getNodeParameter('simplify', itemIndex, true) as boolean)) return fields;
	return Object.fromEntries(fields.map((field) => [String(field.name), field.value ?? null]));
}

/** The incident's fields for the Set dropdown: the display name shown, the field name saved. */
export async function customFieldOptions(
	context: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await readCustomFieldValues(context, chosenId(context, 'incident', 'incidentId'));
	return fields.map((field) => ({
		name: String(field.display_name ?? field.name),
		value: String(field.name),
		description: [`${String(field.data_type)}, ${String(field.field_type)}`, field.description]
			.filter(Boolean)
			.join(': '),
	}));
}

const MAX_TEXT = 200;
const MAX_MULTI_VALUES = 10;

const textSchema = z
	.string()
	.max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`)
	.min(1, 'must not be empty');

const urlSchema = textSchema.refine(
	(value) => /^https?:\/\/[^\s]+$/i.test(value),
	'must be an http(s) URL such as https://status.example.com',
);

const INTEGER_TEXT = /^[+-]?\d+$/;
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number given as a number, or as text matching `pattern`; NaN otherwise. */
const numberOf = (raw: unknown, pattern: RegExp) =>
	typeof raw === 'number'
		? raw
		: pattern.test(String(raw).trim())
			? Number(String(raw).trim())
			: NaN;

/** One value of a field, checked and converted to the field's data type. */
function singleValue(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	dataType: string,
	raw: unknown,
): boolean | number | string {
	const refuse = (reason: string) => invalidParameter(context, itemIndex, label, reason);
	switch (dataType) {
		case 'boolean': {
			const text = String(raw).trim().toLowerCase();
			if (typeof raw === 'boolean') return raw;
			if (text === 'true' || text === 'false') return text === 'true';
			throw refuse('must be true or false');
		}
		case 'integer': {
			const value = numberOf(raw, INTEGER_TEXT);
			if (!Number.isSafeInteger(value)) throw refuse('must be a whole number');
			return value;
		}
		case 'float': {
			const value = numberOf(raw, NUMBER_TEXT);
			if (!Number.isFinite(value)) throw refuse('must be a number such as 2.5');
			return value;
		}
		case 'datetime':
			return optionalDateTime(context, itemIndex, label, raw) as string;
		case 'url':
			return validate(context, itemIndex, label, urlSchema, String(raw).trim());
		default:
			return validate(context, itemIndex, label, textSchema, String(raw));
	}
}

/** A multi-value field's values: an array, a JSON array or a comma-separated list. */
function listOf(context: IExecuteFunctions, itemIndex: number, label: string, raw: unknown) {
	if (Array.isArray(raw)) return raw as unknown[];
	const text = String(raw).trim();
	if (text.startsWith('[')) {
		try {
			const parsed: unknown = JSON.parse(text);
			if (Array.isArray(parsed)) return parsed;
		} catch {
			// Not JSON: read as a comma-separated list below.
		}
		throw invalidParameter(
			context,
			itemIndex,
			label,
			'must be a JSON array such as ["eu-west", "us-east"] or a comma-separated list',
		);
	}
	return text
		.split(',')
		.map((value) => value.trim())
		.filter((value) => value !== '');
}

/** A field's new value as PagerDuty takes it, checked against the field's type before sending. */
export function fieldValue(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	field: IDataObject,
	raw: unknown,
): boolean | number | string | string[] {
	const dataType = String(field.data_type);
	if (!String(field.field_type).startsWith('multi'))
		return singleValue(context, itemIndex, label, dataType, raw);
	const values = listOf(context, itemIndex, label, raw).map((value) =>
		String(singleValue(context, itemIndex, label, dataType, value)),
	);
	if (values.length === 0) throw invalidParameter(context, itemIndex, label, 'must not be empty');
	if (values.length > MAX_MULTI_VALUES)
		throw invalidParameter(context, itemIndex, label, `takes at most ${MAX_MULTI_VALUES} values`);
	if (new Set(values).size !== values.length)
		throw invalidParameter(context, itemIndex, label, 'must not repeat a value');
	return values;
}
