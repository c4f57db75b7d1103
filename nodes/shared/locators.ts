import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeParameterResourceLocator,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';

import type { ParameterSource } from './parameters';
import { readParameterValue } from './parameters';
import { pagerDutyApiRequest } from './transport/rest';
import { PAGERDUTY_ID, invalidParameter, pagerDutyIdSchema, validate } from './validation';

/** What the editor and the readers know of one kind of PagerDuty object. */
interface LocatorKindDefinition {
	noun: string;
	/** The listSearch method of its "From List" mode; saved workflows' editors ask for it by name. */
	searchMethod: string;
	/** The REST list that "From List" pages through. */
	list: {
		path: string;
		property: string;
		/** PagerDuty filters this list by name with `query`; otherwise the page is filtered here. */
		serverQuery: boolean;
		qs?: IDataObject;
		name?: (record: IDataObject) => string;
	};
	/** The web app's path to one object, before its ID (US or EU host); none: no "By URL" mode. */
	urlPath?: string;
	urlExample?: string;
	idExample: string;
}

const LOCATOR_KINDS = {
	incident: {
		noun: 'incident',
		searchMethod: 'searchIncidents',
		// Incidents have no name filter in PagerDuty: the list shows open incidents, newest first.
		list: {
			path: '/incidents',
			property: 'incidents',
			serverQuery: false,
			qs: { statuses: ['triggered', 'acknowledged'], sort_by: 'created_at:desc' },
			name: (incident) => `#${incident.incident_number} ${incident.title}`,
		},
		urlPath: 'incidents/',
		urlExample: 'https://acme.pagerduty.com/incidents/Q2T4ZLRMNV8ICM',
		idExample: 'Q2T4ZLRMNV8ICM',
	},
	service: {
		noun: 'service',
		searchMethod: 'searchServices',
		list: { path: '/services', property: 'services', serverQuery: true },
		urlPath: '(?:service-directory|services)/',
		urlExample: 'https://acme.pagerduty.com/service-directory/PWIXJZS',
		idExample: 'PWIXJZS',
	},
	escalationPolicy: {
		noun: 'escalation policy',
		searchMethod: 'searchEscalationPolicies',
		list: { path: '/escalation_policies', property: 'escalation_policies', serverQuery: true },
		urlPath: 'escalation_policies[/#]',
		urlExample: 'https://acme.pagerduty.com/escalation_policies#PT20YPA',
		idExample: 'PT20YPA',
	},
	schedule: {
		noun: 'schedule',
		searchMethod: 'searchSchedules',
		list: { path: '/schedules', property: 'schedules', serverQuery: true },
		urlPath: 'schedules[/#]',
		urlExample: 'https://acme.pagerduty.com/schedules#PI7DH85',
		idExample: 'PI7DH85',
	},
	user: {
		noun: 'user',
		searchMethod: 'searchUsers',
		list: {
			path: '/users',
			property: 'users',
			serverQuery: true,
			name: (user) => `${user.name} (${user.email})`,
		},
		urlPath: 'users/',
		urlExample: 'https://acme.pagerduty.com/users/PXPGF42',
		idExample: 'PXPGF42',
	},
	team: {
		noun: 'team',
		searchMethod: 'searchTeams',
		list: { path: '/teams', property: 'teams', serverQuery: true },
		urlPath: 'teams/',
		urlExample: 'https://acme.pagerduty.com/teams/PQ9K7I8',
		idExample: 'PQ9K7I8',
	},
	priority: {
		// Priorities have no page of their own in PagerDuty's web app, so no URL mode.
		noun: 'priority',
		searchMethod: 'searchPriorities',
		list: { path: '/priorities', property: 'priorities', serverQuery: false },
		idExample: 'P53ZZH5',
	},
} satisfies Record<string, LocatorKindDefinition>;

export type LocatorKind = keyof typeof LOCATOR_KINDS;

const kindOf = (kind: LocatorKind): LocatorKindDefinition => LOCATOR_KINDS[kind];

const WEB_HOST = String.raw`https://[a-z0-9-]+\.(?:eu\.)?pagerduty\.com`;
const ID_IN_URL = PAGERDUTY_ID.source.slice(1, -1);

/** The web app's URL for one object of each kind, US or EU; the first group is the ID. */
const URL_PATTERNS = Object.fromEntries(
	Object.entries(LOCATOR_KINDS).map(([kind, { urlPath }]: [string, LocatorKindDefinition]) => [
		kind,
		urlPath === undefined
			? undefined
			: new RegExp(`^${WEB_HOST}/${urlPath}(${ID_IN_URL})(?:[/?#].*)?$`),
	]),
) as Record<LocatorKind, RegExp | undefined>;

/** The ID in a PagerDuty web URL for this kind of object, or undefined when the URL is not one. */
export function idFromUrl(kind: LocatorKind, url: string): string | undefined {
	return URL_PATTERNS[kind]?.exec(url.trim())?.[1];
}

const isLocatorValue = (value: unknown): value is INodeParameterResourceLocator =>
	typeof value === 'object' && value !== null && 'mode' in value;

/** Whether a locator value (or a plain ID string, as older workflows hold) was left empty. */
export const isEmptyLocatorValue = (value: unknown) =>
	String((isLocatorValue(value) ? value.value : value) ?? '').trim() === '';

interface LocatorOptions {
	displayName: string;
	/** The parameter's name; `read` reads it. */
	name: string;
	description: string;
	required?: boolean;
}

/** A resource-locator parameter for one kind of PagerDuty object: its field and its reader. */
export interface Locator {
	kind: LocatorKind;
	/** The editor field: pick from a searchable list, paste the web URL (US or EU), or give the ID. */
	field: INodeProperties;
	/** The validated ID in this parameter: of one item, or of the node where there are no items (hooks). */
	read(source: ParameterSource, itemIndex?: number): string;
	/** The validated ID in a value already read, e.g. from an "Additional Fields" collection. */
	readValue(source: ParameterSource, value: unknown, itemIndex?: number): string;
}

function modesOf(kind: LocatorKind): INodePropertyMode[] {
	const { noun, searchMethod, urlExample, idExample } = kindOf(kind);
	const urlPattern = URL_PATTERNS[kind];
	// Modes are not parameters; the lint rule asking for a default mistakes them for ones.
	const modes: INodePropertyMode[] = [
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: `Select a ${noun}...`,
			typeOptions: { searchListMethod: searchMethod, searchable: true },
		},
	];
	if (urlPattern) {
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
		modes.push({
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: urlExample,
			validation: [
				{
					type: 'regex',
					properties: {
						regex: urlPattern.source,
						errorMessage: `Not a PagerDuty ${noun} URL (e.g. ${urlExample})`,
					},
				},
			],
			extractValue: { type: 'regex', regex: urlPattern.source },
		});
	}
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
	modes.push({
		displayName: 'By ID',
		name: 'id',
		type: 'string',
		placeholder: idExample,
		validation: [
			{
				type: 'regex',
				properties: {
					regex: PAGERDUTY_ID.source,
					errorMessage: 'A PagerDuty ID has letters and digits only',
				},
			},
		],
	});
	return modes;
}

/**
 * Declares a resource-locator parameter. Its reader takes the locator's three modes and also a
 * plain string (workflows saved by n8n's built-in node hold IDs that way); a URL in a plain string
 * is read like the URL mode. Errors name the field by its display name.
 */
export function locator(kind: LocatorKind, options: LocatorOptions): Locator {
	const label = options.displayName;
	const readValue = (source: ParameterSource, raw: unknown, itemIndex?: number): string => {
		const mode = isLocatorValue(raw) ? raw.mode : undefined;
		const value = String((isLocatorValue(raw) ? raw.value : raw) ?? '').trim();
		if (mode === 'url' || /^https?:\/\//i.test(value)) {
			const id = idFromUrl(kind, value);
			if (id) return id;
			const { noun, urlExample } = kindOf(kind);
			throw invalidParameter(
				source,
				itemIndex,
				label,
				urlExample
					? `must be a PagerDuty ${noun} URL such as ${urlExample}, or the same on <subdomain>.eu.pagerduty.com`
					: `must be an ID: PagerDuty has no web page for a ${noun}`,
			);
		}
		return validate(source, itemIndex, label, pagerDutyIdSchema, value);
	};
	return {
		kind,
		field: {
			displayName: options.displayName,
			name: options.name,
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: options.required ?? false,
			description: options.description,
			modes: modesOf(kind),
		},
		read: (source, itemIndex) =>
			readValue(source, readParameterValue(source, options.name, itemIndex), itemIndex),
		readValue,
	};
}

const SEARCH_PAGE = 25;

/**
 * One page of a kind's list for a locator's "From List" mode. The pagination token is the next
 * offset, as text (n8n passes it back unchanged).
 */
async function searchPage(
	context: ILoadOptionsFunctions,
	kind: LocatorKind,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { list } = kindOf(kind);
	const offset = Number(paginationToken ?? 0) || 0;
	const term = filter?.trim();
	const page = await pagerDutyApiRequest.call(context, {
		method: 'GET',
		path: list.path,
		qs: {
			...list.qs,
			limit: SEARCH_PAGE,
			offset,
			...(list.serverQuery && term ? { query: term } : {}),
		},
	});
	const nameOf =
		list.name ?? ((record: IDataObject) => String(record.name ?? record.summary ?? record.id));
	const records = (page[list.property] as IDataObject[] | undefined) ?? [];
	const matching =
		list.serverQuery || !term
			? records
			: records.filter((record) => nameOf(record).toLowerCase().includes(term.toLowerCase()));
	return {
		results: matching.map((record) => ({
			name: nameOf(record),
			value: String(record.id),
			...(record.html_url ? { url: String(record.html_url) } : {}),
		})),
		paginationToken: page.more === true ? String(offset + SEARCH_PAGE) : undefined,
	};
}

type SearchMethod = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/** The `methods.listSearch` functions behind these kinds' "From List" modes, under their method names. */
export function listSearchFor(...kinds: LocatorKind[]): Record<string, SearchMethod> {
	return Object.fromEntries(
		kinds.map((kind): [string, SearchMethod] => [
			kindOf(kind).searchMethod,
			async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
				return await searchPage(this, kind, filter, paginationToken);
			},
		]),
	);
}

/** Every locator kind's search function: the PagerDuty node's `methods.listSearch`. */
export const listSearch = listSearchFor(...(Object.keys(LOCATOR_KINDS) as LocatorKind[]));
