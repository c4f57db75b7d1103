import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { itemSuffix } from './errors';
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

/** PagerDuty's IDs are 7 to 26 characters (UUIDs 36); anything far longer is not one (and not sent). */
export const MAX_ID_LENGTH = 64;

/** The schema of a required ID of one format. */
export const idSchema = ({ pattern, description }: IdFormat) =>
	z
		.string({ invalid_type_error: 'must be text' })
		.trim()
		.min(1, 'must not be empty')
		.regex(pattern, `must be ${description}`)
		.max(MAX_ID_LENGTH, `must be ${description}, at most ${MAX_ID_LENGTH} characters`);

export const pagerDutyIdSchema = idSchema(PAGERDUTY_ID_FORMAT);

/** Where an invalid value came from: the node, and the item when there is one (hooks have none). */
type ErrorSource = Pick<ParameterSource, 'getNode'>;

export const emailSchema = z
	.string()
	.trim()
	.email('must be an email address such as name@example.com');

/** An absolute http(s) URL: what PagerDuty stores and shows as a link (`example` in the message). */
export const httpUrlSchema = (example = 'https://example.com') =>
	z
		.string({ invalid_type_error: 'must be text' })
		.trim()
		.url(`must be a URL such as ${example}`)
		.refine((value) => /^https?:\/\/[^/]/i.test(value), 'must be an http(s) URL');

/** Whether the runtime knows this IANA time zone (the Time Zone lists come from the same runtime). */
export function isTimeZone(zone: unknown): boolean {
	if (typeof zone !== 'string' || zone.trim() === '') return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

export const timeZoneSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin');

const DATE_TIME_PROBLEM = 'must be a date and time such as 2026-11-01T00:00:00Z';

/**
 * Checks that a value is a date and time, without reading it: @deprecated for values to send, which
 * need `readDateTime` / `dateTimeValue` (a time without offset is read in the workflow's time zone).
 */
export const dateTimeSchema = z
	.string()
	.trim()
	.refine((value) => toInstant(value, 'UTC') !== undefined, DATE_TIME_PROBLEM);

/** ISO 8601 date, or date and time, with or without an offset: what n8n's date picker and expressions give. */
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** Other date texts Date.parse reads, but only with an explicit zone (RFC 2822: "… GMT", "… +0100"). */
const EXPLICIT_ZONE = /(?:\bGMT|\bUTC|[+-]\d{4})$/i;

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `zone` at `instant`, as if it were UTC: its difference to `instant` is the offset. */
function offsetAt(instant: number, zone: string): number {
	let format = zoneFormats.get(zone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		zoneFormats.set(zone, format);
	}
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		Number(format.formatToParts(instant).find((candidate) => candidate.type === type)?.value);
	const wall = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return wall - Math.floor(instant / 1000) * 1000;
}

/** An instant, and how many digits of a second its value gave (kept when it is sent). */
interface Instant {
	ms: number;
	fractionDigits: number;
}

/**
 * The instant a date-time value means, or undefined when it is none. A value with an offset (or a
 * Date, or a Luxon DateTime from an expression such as `$now`) is that instant; a value without one
 * (n8n's date picker stores `YYYY-MM-DDTHH:mm:ss`) is a wall-clock time in `zone`.
 */
function readInstant(value: unknown, zone: string): Instant | undefined {
	const exact = (ms: number) => (Number.isNaN(ms) ? undefined : { ms, fractionDigits: 3 });
	if (value instanceof Date) return exact(value.getTime());
	const luxon = value as { toMillis?: () => number; isValid?: boolean } | null;
	if (typeof luxon?.toMillis === 'function')
		return luxon.isValid === false ? undefined : exact(luxon.toMillis());
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const match = ISO_DATE_TIME.exec(text);
	if (!match) {
		const parsed = EXPLICIT_ZONE.test(text) ? Date.parse(text) : NaN;
		return Number.isNaN(parsed) ? undefined : { ms: parsed, fractionDigits: 0 };
	}
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
	const fields = [year, month, day, hour, minute, second].map(Number);
	const ms = Math.round(Number(`0.${fraction || '0'}`) * 1000);
	const wall = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], ms);
	// Date.UTC rolls 2026-02-30 over into March: a date that does not round-trip does not exist.
	const back = new Date(wall);
	if (
		back.getUTCFullYear() !== fields[0] ||
		back.getUTCMonth() !== fields[1] - 1 ||
		back.getUTCDate() !== fields[2] ||
		back.getUTCHours() !== fields[3] ||
		back.getUTCMinutes() !== fields[4] ||
		back.getUTCSeconds() !== fields[5]
	)
		return undefined;
	const instant = (ms: number) => ({ ms, fractionDigits: Math.min(fraction.length, 3) });
	if (offset !== undefined) {
		if (/^z$/i.test(offset)) return instant(wall);
		const [, sign, hours, minutes = '0'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset)!;
		const offsetMs = (Number(hours) * 60 + Number(minutes)) * 60_000;
		return instant(sign === '+' ? wall - offsetMs : wall + offsetMs);
	}
	// Two passes: the offset at the first guess may differ from the one at the answer (DST).
	const guess = wall - offsetAt(wall, zone);
	return instant(wall - offsetAt(guess, zone));
}

/** The instant (epoch milliseconds) a date-time value means in `zone`, or undefined (see readInstant). */
export const toInstant = (value: unknown, zone: string) => readInstant(value, zone)?.ms;

/**
 * RFC 3339 in UTC, as PagerDuty takes date-times everywhere (change events take nothing else),
 * with as many digits of a second as the value gave.
 */
function rfc3339({ ms, fractionDigits }: Instant): string {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 19)}${fractionDigits > 0 ? iso.slice(19, 20 + fractionDigits) : ''}Z`;
}

/** What reading a date-time needs: where errors point, and the workflow's time zone. */
type DateTimeSource = ErrorSource & { getTimezone(): string };

/** A date-time value as PagerDuty takes it (RFC 3339, UTC); the error names the parameter and item. */
export function dateTimeValue(
	context: DateTimeSource,
	itemIndex: number,
	label: string,
	value: unknown,
): string {
	const instant = readInstant(value, context.getTimezone());
	if (instant === undefined) throw invalidParameter(context, itemIndex, label, DATE_TIME_PROBLEM);
	return rfc3339(instant);
}

/** Reads a required date-time parameter of this item (see dateTimeValue). */
export function readDateTime(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string {
	return dateTimeValue(context, itemIndex, label, context.getNodeParameter(name, itemIndex, ''));
}

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
	return new NodeOperationError(context.getNode(), `"${label}" ${reason}${itemSuffix(itemIndex)}`, {
		itemIndex,
	});
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

/** An optional date-time value (see dateTimeValue): empty means "not given". */
export function optionalDateTime(
	context: DateTimeSource,
	itemIndex: number,
	label: string,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return dateTimeValue(context, itemIndex, label, value);
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
