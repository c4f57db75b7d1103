import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';

import { httpUrlSchema, invalidParameter, isTimeZone, toInstant } from './validation';

// Checks every parameter an operation declares, from its declaration, before the operation runs:
// whatever set the value (the editor, an expression, an AI agent), nothing PagerDuty would refuse or
// misread is sent, and the error names the parameter and the item. Operations added later get
// these checks by declaring their fields; their own code checks only what a declaration cannot say.

/** The editor's lists whose values the runtime knows without asking PagerDuty. */
const LOCAL_OPTION_LISTS: Record<string, { valid(value: unknown): boolean; problem: string }> = {
	getTimezones: { valid: isTimeZone, problem: 'must be an IANA time zone such as Europe/Berlin' },
};

/** How errors name a field: as its label reads, without n8n's "Name or ID" for lists from the API. */
const labelOf = (property: INodeProperties) =>
	property.displayName.replace(/ (Name or ID|Names or IDs)$/, '');

/**
 * Time windows by their fields' names: the end must come after the start. Lists (since/until) may
 * ask for an empty window; spans (maintenance windows, overrides, layers) may not.
 */
const WINDOWS = [
	{ start: 'since', end: 'until', problem: (start: string) => `must not be before ${start}` },
	{ start: 'start', end: 'end', problem: (start: string) => `must be after "${start}"` },
	{ start: 'startTime', end: 'endTime', problem: (start: string) => `must be after "${start}"` },
] as const;

/** Fields whose name says they hold a link PagerDuty stores and shows. */
const isLinkField = (name: string) => /url$/i.test(name) || name === 'href' || name === 'src';

const httpUrl = httpUrlSchema();

/** n8n throws for a missing parameter unless given a fallback; this one tells "missing" apart. */
const ABSENT = '\u0000absent';

interface Scope {
	context: IExecuteFunctions;
	itemIndex: number;
	/** Parameters the operation checks with words of its own. */
	skip: ReadonlySet<string>;
	/** Saved values accepted beside the declared options, by parameter name (older workflows'). */
	accepted: Readonly<Record<string, readonly unknown[]>>;
}

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const show = (value: unknown) =>
	typeof value === 'number' && !Number.isFinite(value)
		? String(value)
		: (JSON.stringify(value) ?? String(value));

function numberProblem(property: INodeProperties, value: unknown): string | undefined {
	const { minValue, maxValue, numberPrecision } = property.typeOptions ?? {};
	const whole = !numberPrecision;
	let range = '';
	if (minValue !== undefined && maxValue !== undefined) range = ` from ${minValue} to ${maxValue}`;
	else if (minValue !== undefined) range = ` of at least ${minValue}`;
	else if (maxValue !== undefined) range = ` of at most ${maxValue}`;
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value)
				: NaN;
	const fits =
		Number.isFinite(number) &&
		(!whole || Number.isInteger(number)) &&
		(minValue === undefined || number >= minValue) &&
		(maxValue === undefined || number <= maxValue);
	return fits
		? undefined
		: `must be ${whole ? 'a whole number' : 'a number'}${range} (not ${show(value)})`;
}

function choiceProblem(
	scope: Scope,
	property: INodeProperties,
	value: unknown,
): string | undefined {
	const method = property.typeOptions?.loadOptionsMethod as string | undefined;
	// Lists PagerDuty serves (services, users, …) hold IDs, picked or given by an expression as a
	// list or as comma-separated text: their readers check them.
	if (method !== undefined && !LOCAL_OPTION_LISTS[method]) return undefined;
	const values = property.type === 'multiOptions' ? value : [value];
	if (!Array.isArray(values)) return `must be a list (not ${show(value)})`;
	if (method !== undefined) {
		const list = LOCAL_OPTION_LISTS[method];
		return values.every((entry) => entry === '' || list.valid(entry)) ? undefined : list.problem;
	}
	const allowed = ((property.options ?? []) as INodePropertyOptions[]).map(
		(option) => option.value,
	);
	const alsoAccepted = scope.accepted[property.name] ?? [];
	const wrong = values.find(
		(entry) =>
			!allowed.includes(entry) && !alsoAccepted.includes(entry) && entry !== property.default,
	);
	return wrong === undefined
		? undefined
		: `must be one of ${allowed.join(', ')} (not ${show(wrong)})`;
}

/** The problem with one value, or undefined; collections are checked level by level below. */
function valueProblem(scope: Scope, property: INodeProperties, value: unknown): string | undefined {
	switch (property.type) {
		case 'number':
			return numberProblem(property, value);
		case 'boolean':
			return typeof value === 'boolean' ? undefined : `must be true or false (not ${show(value)})`;
		case 'options':
		case 'multiOptions':
			return choiceProblem(scope, property, value);
		case 'dateTime':
			return value === '' ||
				value === null ||
				toInstant(value, scope.context.getTimezone()) !== undefined
				? undefined
				: 'must be a date and time such as 2026-11-01T00:00:00Z';
		case 'string':
			if (!isLinkField(property.name) || value === '' || value === null) return undefined;
			return httpUrl.safeParse(value).error?.issues[0].message;
		default:
			return undefined;
	}
}

/** Checks one level of values (the parameters, a collection, one entry of a fixed collection). */
function checkLevel(
	scope: Scope,
	properties: INodeProperties[],
	values: IDataObject,
	labelAt: (property: INodeProperties) => string,
): void {
	const fail = (property: INodeProperties, problem: string) => {
		throw invalidParameter(scope.context, scope.itemIndex, labelAt(property), problem);
	};
	const names = properties.map((property) => property.name);
	for (const property of properties) {
		const value = values[property.name];
		if (value === undefined || scope.skip.has(property.name)) continue;
		// A name declared twice (shown under different conditions) has no one declaration to check against.
		if (names.indexOf(property.name) !== names.lastIndexOf(property.name)) continue;
		const problem = valueProblem(scope, property, value);
		if (problem !== undefined) fail(property, problem);
		if (property.type === 'collection' && isObject(value)) {
			checkLevel(scope, (property.options ?? []) as INodeProperties[], value, labelOf);
		}
		if (property.type === 'fixedCollection' && isObject(value)) {
			for (const group of (property.options ?? []) as INodePropertyCollection[]) {
				const entries = value[group.name];
				const list = Array.isArray(entries) ? entries : entries === undefined ? [] : [entries];
				list.forEach((entry, index) => {
					if (!isObject(entry)) return;
					const where = Array.isArray(entries)
						? `${property.displayName} → ${group.displayName} ${index + 1}`
						: property.displayName;
					checkLevel(scope, group.values, entry, (child) => `${where} → ${labelOf(child)}`);
				});
			}
		}
	}
	checkWindows(scope, properties, values, fail);
}

function checkWindows(
	scope: Scope,
	properties: INodeProperties[],
	values: IDataObject,
	fail: (property: INodeProperties, problem: string) => never,
): void {
	const zone = scope.context.getTimezone();
	const field = (name: string) =>
		properties.find((property) => property.name === name && property.type === 'dateTime');
	for (const window of WINDOWS) {
		const [start, end] = [field(window.start), field(window.end)];
		if (!start || !end || scope.skip.has(end.name)) continue;
		const [from, to] = [toInstant(values[start.name], zone), toInstant(values[end.name], zone)];
		if (from === undefined || to === undefined) continue;
		const emptyAllowed = window.start === 'since';
		if (to > from || (emptyAllowed && to === from)) continue;
		fail(end, window.problem(labelOf(start)));
	}
}

/**
 * Checks one item's values of these parameters against their declarations: numbers (whole, in
 * range), options and multi-options (allowed values, also when set by an expression), booleans,
 * date-times, links (http(s)), time windows (end after start), inside collections and fixed
 * collections too. Throws the error for the first problem; `skip` names parameters the operation
 * checks itself, in its own words; `accepted`, values older workflows saved that are still read.
 */
export function checkParameters(
	context: IExecuteFunctions,
	itemIndex: number,
	properties: INodeProperties[],
	skip: readonly string[] = [],
	accepted: Readonly<Record<string, readonly unknown[]>> = {},
): void {
	const values: IDataObject = {};
	for (const property of properties) {
		// A parameter not shown (Limit with Return All on) is not in the node's parameters.
		const value = context.getNodeParameter(property.name, itemIndex, ABSENT);
		if (value !== ABSENT) values[property.name] = value as IDataObject[string];
	}
	checkLevel({ context, itemIndex, skip: new Set(skip), accepted }, properties, values, labelOf);
}
