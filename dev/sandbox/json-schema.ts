/**
 * A small validator for the JSON-Schema subset emitted by tools/derive-contract.js.
 * Violations are plain strings "<path>: <problem>", e.g. "body.incident.service.id: is required".
 */

export interface JsonSchema {
	type?: string | string[];
	enum?: unknown[];
	format?: string;
	pattern?: string;
	minimum?: number;
	maximum?: number;
	exclusiveMinimum?: boolean | number;
	exclusiveMaximum?: boolean | number;
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	uniqueItems?: boolean;
	required?: string[];
	properties?: Record<string, JsonSchema>;
	additionalProperties?: boolean | JsonSchema;
	items?: JsonSchema;
	allOf?: JsonSchema[];
	anyOf?: JsonSchema[];
	oneOf?: JsonSchema[];
	nullable?: boolean;
	readOnly?: boolean;
	default?: unknown;
}

// RFC 3339 (what OpenAPI's date-time, time and partial-time formats mean): seconds are required,
// and a date-time or full time needs Z or a numeric offset, since a zone-less time is ambiguous.
const PARTIAL_TIME = '(\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?';
const OFFSET = '(?:[Zz]|[+-](\\d{2}):(\\d{2}))';
const DATE_TIME = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})[Tt]${PARTIAL_TIME}${OFFSET}$`);
const FULL_TIME = new RegExp(`^${PARTIAL_TIME}${OFFSET}$`);
const LOCAL_TIME = new RegExp(`^${PARTIAL_TIME}$`);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Hour, minute, second and optional offset hour/minute of a time match, in range (second 60: leap second). */
function timeInRange(parts: Array<string | undefined>): boolean {
	const [hour, minute, second, offsetHour = 0, offsetMinute = 0] = parts.map((part) =>
		part === undefined ? 0 : Number(part),
	);
	return hour <= 23 && minute <= 59 && second <= 60 && offsetHour <= 23 && offsetMinute <= 59;
}

let timeZones: Set<string> | undefined;

export function isValidTimeZone(name: string): boolean {
	if (!timeZones) {
		timeZones = new Set(Intl.supportedValuesOf('timeZone'));
		timeZones.add('UTC');
		timeZones.add('Etc/UTC');
	}
	if (timeZones.has(name)) return true;
	try {
		// Aliases (e.g. "US/Eastern") are valid but not in supportedValuesOf.
		new Intl.DateTimeFormat('en-US', { timeZone: name });
		return true;
	} catch {
		return false;
	}
}

/** An RFC 3339 date-time: date, "T", time with seconds, and Z or an offset (2026-01-15T09:00:00+01:00). */
export function isDateTime(value: string): boolean {
	const match = DATE_TIME.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1, 4).map(Number);
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && timeInRange(match.slice(4));
}

function isTime(pattern: RegExp, value: string): boolean {
	const match = pattern.exec(value);
	return match !== null && timeInRange(match.slice(1));
}

/** An absolute URI (RFC 3986 scheme); "url" additionally means a web address, http(s) with a host. */
function isUri(value: string, webOnly: boolean): boolean {
	if (!URI_SCHEME.test(value) || /\s/.test(value)) return false;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return false;
	}
	return !webOnly || ((url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '');
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

function matchesType(expected: string, value: unknown): boolean {
	const actual = typeOf(value);
	if (expected === 'number') return actual === 'number' || actual === 'integer';
	return actual === expected;
}

function describe(value: unknown): string {
	return JSON.stringify(value) ?? String(value);
}

/** The problem with `value` under a string format, or undefined when it fits. */
function formatProblem(format: string, value: string): string | undefined {
	switch (format) {
		case 'date-time':
			return isDateTime(value)
				? undefined
				: 'must be an RFC 3339 date-time with seconds and Z or an offset, e.g. 2026-01-15T09:00:00Z';
		case 'time':
			return isTime(FULL_TIME, value)
				? undefined
				: 'must be an RFC 3339 time with Z or an offset, e.g. 09:00:00Z';
		case 'partial-time':
			return isTime(LOCAL_TIME, value) ? undefined : 'must be a time of day hh:mm:ss';
		case 'email':
			return EMAIL.test(value) ? undefined : 'must be an email address';
		case 'uri':
			return isUri(value, false) ? undefined : 'must be an absolute URI';
		case 'url':
			return isUri(value, true) ? undefined : 'must be an absolute http(s) URL';
		case 'tzinfo':
			return isValidTimeZone(value) ? undefined : 'must be a time zone name';
		default:
			// activesupport-time-zone takes Rails' own zone names besides IANA ones: not checked.
			return undefined;
	}
}

function checkFormat(format: string, value: string, at: string, out: string[]): void {
	const problem = formatProblem(format, value);
	if (problem) out.push(`${at}: ${problem}`);
}

function checkNumber(schema: JsonSchema, value: number, at: string, out: string[]): void {
	if (schema.minimum !== undefined) {
		const exclusive = schema.exclusiveMinimum === true;
		if (exclusive ? value <= schema.minimum : value < schema.minimum) {
			out.push(`${at}: must be ${exclusive ? '>' : '>='} ${schema.minimum}`);
		}
	}
	if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) {
		out.push(`${at}: must be > ${schema.exclusiveMinimum}`);
	}
	if (schema.maximum !== undefined) {
		const exclusive = schema.exclusiveMaximum === true;
		if (exclusive ? value >= schema.maximum : value > schema.maximum) {
			out.push(`${at}: must be ${exclusive ? '<' : '<='} ${schema.maximum}`);
		}
	}
	if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) {
		out.push(`${at}: must be < ${schema.exclusiveMaximum}`);
	}
}

function checkString(schema: JsonSchema, value: string, at: string, out: string[]): void {
	if (schema.minLength !== undefined && value.length < schema.minLength) {
		out.push(`${at}: must be at least ${schema.minLength} characters`);
	}
	if (schema.maxLength !== undefined && value.length > schema.maxLength) {
		out.push(`${at}: must be at most ${schema.maxLength} characters`);
	}
	if (schema.pattern !== undefined) {
		let pattern: RegExp | undefined;
		try {
			pattern = new RegExp(schema.pattern, 'u');
		} catch {
			pattern = undefined; // Spec patterns in non-JS dialects are not enforced.
		}
		if (pattern && !pattern.test(value)) out.push(`${at}: must match pattern ${schema.pattern}`);
	}
	if (schema.format !== undefined) checkFormat(schema.format, value, at, out);
}

function checkArray(schema: JsonSchema, value: unknown[], at: string, out: string[]): void {
	if (schema.minItems !== undefined && value.length < schema.minItems) {
		out.push(`${at}: must have at least ${schema.minItems} items`);
	}
	if (schema.maxItems !== undefined && value.length > schema.maxItems) {
		out.push(`${at}: must have at most ${schema.maxItems} items`);
	}
	if (schema.uniqueItems === true) {
		const seen = new Set(value.map((item) => JSON.stringify(item)));
		if (seen.size !== value.length) out.push(`${at}: must not contain duplicate items`);
	}
	if (schema.items) {
		const items = schema.items;
		value.forEach((item, index) => validateInto(items, item, `${at}[${index}]`, out));
	}
}

function checkObject(
	schema: JsonSchema,
	value: Record<string, unknown>,
	at: string,
	out: string[],
): void {
	for (const name of schema.required ?? []) {
		if (value[name] === undefined) out.push(`${at}.${name}: is required`);
	}
	const properties = schema.properties ?? {};
	for (const [name, propertyValue] of Object.entries(value)) {
		const propertySchema = properties[name];
		if (propertySchema) {
			validateInto(propertySchema, propertyValue, `${at}.${name}`, out);
		} else if (schema.additionalProperties === false) {
			out.push(`${at}.${name}: is not an allowed property`);
		} else if (typeof schema.additionalProperties === 'object') {
			validateInto(schema.additionalProperties, propertyValue, `${at}.${name}`, out);
		}
	}
}

function validateInto(schema: JsonSchema, value: unknown, at: string, out: string[]): void {
	if (value === null && schema.nullable === true) return;

	if (schema.type !== undefined) {
		const types = Array.isArray(schema.type) ? schema.type : [schema.type];
		if (!types.some((type) => matchesType(type, value))) {
			out.push(`${at}: must be ${types.join(' or ')}, got ${typeOf(value)}`);
			return; // Further checks would only repeat the type error.
		}
	}

	if (schema.enum !== undefined && !schema.enum.some((allowed) => allowed === value)) {
		out.push(`${at}: must be one of ${schema.enum.map(describe).join(', ')}`);
	}

	if (typeof value === 'number') checkNumber(schema, value, at, out);
	else if (typeof value === 'string') checkString(schema, value, at, out);
	else if (Array.isArray(value)) checkArray(schema, value, at, out);
	else if (value !== null && typeof value === 'object') {
		checkObject(schema, value as Record<string, unknown>, at, out);
	}

	for (const branch of schema.allOf ?? []) validateInto(branch, value, at, out);

	// oneOf is checked like anyOf: PagerDuty's oneOf branches overlap (open objects),
	// so "exactly one" would reject valid requests.
	for (const alternatives of [schema.anyOf, schema.oneOf]) {
		if (!alternatives || alternatives.length === 0) continue;
		let closest: string[] | undefined;
		for (const branch of alternatives) {
			const branchOut: string[] = [];
			validateInto(branch, value, at, branchOut);
			if (branchOut.length === 0) {
				closest = undefined;
				break;
			}
			if (!closest || branchOut.length < closest.length) closest = branchOut;
		}
		if (closest) {
			out.push(`${at}: does not match any allowed schema`);
			out.push(...closest);
		}
	}
}

/** Returns the violations of `value` against `schema`; an empty array means valid. */
export function validateSchema(schema: JsonSchema, value: unknown, at: string): string[] {
	const out: string[] = [];
	validateInto(schema, value, at, out);
	return out;
}
