import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { ParameterSource } from './parameters';

/**
 * A PagerDuty ID: letters and digits. The one pattern for IDs, in validation and in the editor's
 * locators; refusing anything else also keeps user input out of URL paths.
 */
export const PAGERDUTY_ID = /^[A-Za-z0-9]+$/;

/**
 * What one kind of ID looks like. `pattern` is anchored (`^…$`) and admits nothing a URL path
 * would need to escape; `description` completes "must be …" in errors.
 */
export interface IdFormat {
	pattern: RegExp;
	description: string;
}

/** Most PagerDuty objects: letters and digits (automation actions' 26-character IDs too). */
export const PAGERDUTY_ID_FORMAT: IdFormat = {
	pattern: PAGERDUTY_ID,
	description: 'a PagerDuty ID such as PABC123 (letters and digits only)',
};

/** Event orchestrations: a UUID. */
export const UUID_ID_FORMAT: IdFormat = {
	pattern: /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/,
	description: 'a UUID such as b02e973d-9620-4e0a-9edc-00fedf7d4694',
};

/** The schema of a required ID of one format. */
export const idSchema = ({ pattern, description }: IdFormat) =>
	z
		.string({ invalid_type_error: 'must be text' })
		.trim()
		.min(1, 'must not be empty')
		.regex(pattern, `must be ${description}`);

export const pagerDutyIdSchema = idSchema(PAGERDUTY_ID_FORMAT);

/** Where an invalid value came from: the node, and the item when there is one (hooks have none). */
type ErrorSource = Pick<ParameterSource, 'getNode'>;

export const emailSchema = z
	.string()
	.trim()
	.email('must be an email address such as name@example.com');

export const dateTimeSchema = z
	.string()
	.trim()
	.refine(
		(value) => !Number.isNaN(Date.parse(value)),
		'must be a date and time such as 2026-11-01T00:00:00Z',
	);

export const jsonObjectSchema = z
	.union([z.string(), z.record(z.unknown())])
	.transform((value, context) => {
		if (typeof value !== 'string') return value;
		if (value.trim() === '') return {};
		try {
			const parsed: unknown = JSON.parse(value);
			if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
			context.addIssue({
				code: z.ZodIssueCode.custom,
				message: 'must be a JSON object such as {"key": "value"}',
			});
		} catch (error) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				message: `is not valid JSON (${(error as Error).message})`,
			});
		}
		return z.NEVER;
	});

/** Checks a value against a schema; a failure names the parameter and the item it came from. */
export function validate<Schema extends z.ZodTypeAny>(
	context: ErrorSource,
	itemIndex: number | undefined,
	label: string,
	schema: Schema,
	value: unknown,
): z.output<Schema> {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	// The first problem is the one to fix first (an empty ID is not also "not an ID").
	throw invalidParameter(context, itemIndex, label, result.error.issues[0].message);
}

/** The error for a parameter value that cannot be sent: names the parameter, the problem and the item. */
export function invalidParameter(
	context: ErrorSource,
	itemIndex: number | undefined,
	label: string,
	reason: string,
): NodeOperationError {
	const where = itemIndex === undefined ? '' : ` (item ${itemIndex})`;
	return new NodeOperationError(context.getNode(), `"${label}" ${reason}${where}`, { itemIndex });
}

/** Reads a parameter of this item and validates it. */
export function readParameter<Schema extends z.ZodTypeAny>(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	schema: Schema,
): z.output<Schema> {
	return validate(context, itemIndex, label, schema, context.getNodeParameter(name, itemIndex));
}

/** An optional email: empty means "not given". */
export function readOptionalEmail(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string | undefined {
	const value = context.getNodeParameter(name, itemIndex, '') as string;
	if (typeof value === 'string' && value.trim() === '') return undefined;
	return validate(context, itemIndex, label, emailSchema, value);
}

/** An optional date-time option: empty means "not given". */
export function optionalDateTime(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return validate(context, itemIndex, label, dateTimeSchema, value);
}

/** Splits a comma-separated ID list and validates each ID. */
export function parseIdList(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
): string[] {
	const ids = Array.isArray(value) ? value : String(value ?? '').split(',');
	return ids
		.map((id) => String(id).trim())
		.filter((id) => id !== '')
		.map((id) => validate(context, itemIndex, label, pagerDutyIdSchema, id));
}

/** An IANA time zone name such as Europe/Berlin, as the runtime knows them. */
export const timeZoneSchema = z
	.string()
	.trim()
	.refine((zone) => {
		try {
			new Intl.DateTimeFormat('en-US', { timeZone: zone });
			return true;
		} catch {
			return false;
		}
	}, 'must be an IANA time zone such as Europe/Berlin');
