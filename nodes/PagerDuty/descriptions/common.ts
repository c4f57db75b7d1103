import type { INodeProperties } from 'n8n-workflow';

export const fromEmailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
	description:
		'Email of the PagerDuty user this change is made as (PagerDuty\'s "From" header). Needed with an account-level API key; when empty, the credential\'s Default From Email is used. User API tokens and OAuth2 act as their own user and ignore it.',
};

export const requestSettingsField: INodeProperties = {
	displayName: 'Request Settings',
	name: 'requestSettings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	description: 'How this node paces its requests to PagerDuty',
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 10,
			description:
				'How many requests may be under way at once, for items and for the pages of a list; 1 sends one at a time. The output keeps the input order either way.',
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120,
			description:
				"How long one request may spend waiting to be retried after PagerDuty's rate limit (429) or a passing failure (5xx, timeout) before it fails",
		},
	],
};

export function returnAllAndLimit(noun: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1 },
			// 100 as in n8n's built-in PagerDuty node: saved workflows omit defaults, so a different one would change them.
			// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-limit
			default: 100,
			description: 'Max number of results to return',
			hint: `Any number works: above 100 the ${noun} are read page by page`,
		},
	];
}

export const timeZoneField: INodeProperties = {
	displayName: 'Time Zone Name or ID',
	name: 'timeZone',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTimezones' },
	default: '',
	description:
		'Time zone the dates in the result are rendered in (IANA name such as Europe/Berlin). UTC when empty. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export function sinceUntilFields(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Since',
			name: 'since',
			type: 'dateTime',
			default: '',
			description: `Start of the time window for ${what} (ISO 8601 with offset, e.g. 2026-11-01T00:00:00Z). PagerDuty allows windows of up to 6 months.`,
		},
		{
			displayName: 'Until',
			name: 'until',
			type: 'dateTime',
			default: '',
			description: `End of the time window for ${what} (ISO 8601 with offset, e.g. 2026-11-28T23:59:59Z). PagerDuty allows windows of up to 6 months.`,
		},
	];
}

/** The optional fields of a create, as n8n shows them: an "Add Field" list. */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** The fields an update may change, as n8n shows them: an "Add Field" list. */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** The optional settings of a read (filters, Include): an "Add Field" list named Options. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** A list's "Query" filter: `matching` says where the text is looked for, e.g. 'services whose name'. */
export function queryFilter(matching: string): INodeProperties {
	return {
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		description: `Only ${matching} contains this text`,
	};
}

/** A list's "Sort By" on the name: `what` names the records, e.g. 'services'. */
export function sortByNameField(what: string): INodeProperties {
	return {
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		options: [
			{ name: 'Name (A to Z)', value: 'name:asc' },
			{ name: 'Name (Z to A)', value: 'name:desc' },
		],
		default: 'name:asc',
		description: `Order of the ${what}`,
	};
}

/**
 * n8n's searchable multi-select of PagerDuty objects: picked by name from the list
 * `loadOptionsMethod` loads, or given as IDs by expression. Readers take the array (or a
 * comma-separated text from an expression) with `parseIdList`.
 */
export function namesOrIdsField(field: {
	displayName: string;
	name: string;
	/** A method of the node's `methods.loadOptions` (a registry test checks each exists). */
	loadOptionsMethod: string;
	/** What the picked objects are for, as one sentence without its final period. */
	description: string;
}): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: field.loadOptionsMethod },
		default: [],
		description: `${field.description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

/** The team filter of a list: `what` names the records, e.g. 'services'. */
export function teamIdsFilter(what: string, name = 'teamIds'): INodeProperties {
	return namesOrIdsField({
		displayName: 'Team Names or IDs',
		name,
		loadOptionsMethod: 'getTeams',
		description: `Only ${what} of these teams (needs the teams ability on your account)`,
	});
}

/**
 * Sorted by what the editor shows, as n8n's lint wants lists. A plain comparison of lower-cased
 * names: the first localeCompare of a process builds a collator, milliseconds at load time.
 */
export function sortedByName<T>(items: T[], nameOf: (item: T) => string): T[] {
	const key = (item: T) => nameOf(item).toLowerCase();
	return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
