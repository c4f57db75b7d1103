import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeParameterResourceLocator,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ParameterSource } from './parameters';
import { readParameterValue } from './parameters';
import { CURSOR_FIELDS, nextCursorOf } from './transport/paging';
import { pagerDutyApiRequest } from './transport/rest';
import type { IdFormat } from './validation';
import {
	PAGERDUTY_ID_FORMAT,
	UUID_ID_FORMAT,
	idSchema,
	invalidParameter,
	pagerDutyIdSchema,
	validate,
} from './validation';

/** The REST list a locator's "From List" mode pages through. */
export interface LocatorList {
	/**
	 * Its path; a function of the editor's context for a list that depends on another parameter
	 * (the posts of the status page chosen above: read that choice with `chosenId`).
	 */
	path: string | ((context: ILoadOptionsFunctions) => string);
	/** The answer's property holding the records; dotted when nested (`service.integrations`). */
	property: string;
	/** PagerDuty filters this list by name (with `queryParam`); otherwise the page is filtered here. */
	serverQuery: boolean;
	/** The query parameter of that filter when it is not `query` (automation actions: `name`). */
	queryParam?: string;
	qs?: IDataObject | ((context: ILoadOptionsFunctions) => IDataObject);
	/**
	 * How the list pages (CONTRIBUTING, "Paging kinds"): `offset` (the default), `cursor`
	 * (`cursor` → `next_cursor`), `after` (`after` → `after`), or `none` (one answer holds it all).
	 * The pagination token n8n hands back is the next offset or the cursor itself.
	 */
	paging?: 'offset' | 'cursor' | 'after' | 'none';
	name?: (record: IDataObject) => string;
}

/** What the editor and the readers know of one kind of PagerDuty object. */
export interface LocatorKindDefinition {
	noun: string;
	/** Not derived from the noun's first letter: "a user", "an incident". */
	article: 'a' | 'an';
	/** The listSearch method of its "From List" mode; saved workflows' editors ask for it by name. */
	searchMethod: string;
	list: LocatorList;
	/** The web app's path to one object, before its ID (US or EU host); none: no "By URL" mode. */
	urlPath?: string;
	urlExample?: string;
	idExample: string;
	/** Its IDs' format when they are not letters and digits (event orchestrations: `UUID_ID_FORMAT`). */
	idFormat?: IdFormat;
}

const LOCATOR_KINDS = {
	incident: {
		noun: 'incident',
		article: 'an',
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
		article: 'a',
		searchMethod: 'searchServices',
		list: { path: '/services', property: 'services', serverQuery: true },
		urlPath: '(?:service-directory|services)/',
		urlExample: 'https://acme.pagerduty.com/service-directory/PWIXJZS',
		idExample: 'PWIXJZS',
	},
	escalationPolicy: {
		noun: 'escalation policy',
		article: 'an',
		searchMethod: 'searchEscalationPolicies',
		list: { path: '/escalation_policies', property: 'escalation_policies', serverQuery: true },
		urlPath: 'escalation_policies[/#]',
		urlExample: 'https://acme.pagerduty.com/escalation_policies#PT20YPA',
		idExample: 'PT20YPA',
	},
	schedule: {
		noun: 'schedule',
		article: 'a',
		searchMethod: 'searchSchedules',
		list: { path: '/schedules', property: 'schedules', serverQuery: true },
		urlPath: 'schedules[/#]',
		urlExample: 'https://acme.pagerduty.com/schedules#PI7DH85',
		idExample: 'PI7DH85',
	},
	user: {
		noun: 'user',
		article: 'a',
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
		article: 'a',
		searchMethod: 'searchTeams',
		list: { path: '/teams', property: 'teams', serverQuery: true },
		urlPath: 'teams/',
		urlExample: 'https://acme.pagerduty.com/teams/PQ9K7I8',
		idExample: 'PQ9K7I8',
	},
	priority: {
		// Priorities have no page of their own in PagerDuty's web app, so no URL mode.
		noun: 'priority',
		article: 'a',
		searchMethod: 'searchPriorities',
		list: { path: '/priorities', property: 'priorities', serverQuery: false },
		idExample: 'P53ZZH5',
	},
	incidentWorkflow: {
		noun: 'incident workflow',
		article: 'an',
		searchMethod: 'searchIncidentWorkflows',
		list: { path: '/incident_workflows', property: 'incident_workflows', serverQuery: true },
		urlPath: 'flex-workflows/workflows/',
		urlExample: 'https://acme.pagerduty.com/flex-workflows/workflows/PSFEVL7',
		idExample: 'PSFEVL7',
	},
	statusPage: {
		// A page's `url` is the public page (often a custom domain), not the web app: no URL mode.
		noun: 'status page',
		article: 'a',
		searchMethod: 'searchStatusPages',
		list: {
			path: '/status_pages',
			property: 'status_pages',
			serverQuery: false,
			name: (page) => `${page.name} (${page.status_page_type})`,
		},
		idExample: 'PT4KHLK',
	},
	statusPagePost: {
		noun: 'post',
		article: 'a',
		searchMethod: 'searchStatusPagePosts',
		list: {
			path: (context): string =>
				`/status_pages/${chosenId(context, 'statusPage', 'statusPageId')}/posts`,
			property: 'posts',
			serverQuery: false,
			name: (post) => `${post.title} (${post.post_type})`,
		},
		idExample: 'PIJ90N7',
	},
	businessService: {
		// PagerDuty has no name filter for business services, and their html_url is null: no URL mode.
		noun: 'business service',
		article: 'a',
		searchMethod: 'searchBusinessServices',
		list: { path: '/business_services', property: 'business_services', serverQuery: false },
		idExample: 'P3X2XX3',
	},
	serviceIntegration: {
		// A service's integrations come with the service (include[]=integrations), all in one answer.
		noun: 'service integration',
		article: 'a',
		searchMethod: 'searchServiceIntegrations',
		list: {
			path: (context): string => `/services/${chosenId(context, 'service', 'serviceId')}`,
			property: 'service.integrations',
			qs: { include: ['integrations'] },
			serverQuery: false,
			paging: 'none',
			name: (integration) =>
				`${integration.name ?? integration.summary} (${String(integration.type).replace(/_inbound_integration$/, '')})`,
		},
		urlPath: 'services/[A-Za-z0-9]+/integrations/',
		urlExample: 'https://acme.pagerduty.com/services/PWIXJZS/integrations/PE1U9CH',
		idExample: 'PE1U9CH',
	},
	eventOrchestration: {
		// No name filter in PagerDuty, no web URL in the API, and the list declares no `total`.
		noun: 'event orchestration',
		article: 'an',
		searchMethod: 'searchEventOrchestrations',
		list: { path: '/event_orchestrations', property: 'orchestrations', serverQuery: false },
		idExample: 'b02e973d-9620-4e0a-9edc-00fedf7d4694',
		idFormat: UUID_ID_FORMAT,
	},
	alertGroupingSetting: {
		// Paged by an `after` cursor, no name filter; a setting's name may be null.
		noun: 'alert grouping setting',
		article: 'an',
		searchMethod: 'searchAlertGroupingSettings',
		list: {
			path: '/alert_grouping_settings',
			property: 'alert_grouping_settings',
			serverQuery: false,
			paging: 'after',
			name: (setting) => String(setting.name ?? `${setting.type} ${setting.id}`),
		},
		idExample: 'PZC4OMW',
	},
	automationAction: {
		// Paged by cursor; PagerDuty filters by `name` (part of it, any case), not `query`.
		noun: 'automation action',
		article: 'an',
		searchMethod: 'searchAutomationActions',
		list: {
			path: '/automation_actions/actions',
			property: 'actions',
			serverQuery: true,
			queryParam: 'name',
			paging: 'cursor',
		},
		idExample: '01DA2MLYN0J5EFC1LKWXUKDDKT',
	},
	tag: {
		// Tags have no web page (html_url is null); PagerDuty's query filter matches their labels.
		noun: 'tag',
		article: 'a',
		searchMethod: 'searchTags',
		list: { path: '/tags', property: 'tags', serverQuery: true, name: (tag) => String(tag.label) },
		idExample: 'P5IYCNZ',
	},
	shiftSchedule: {
		// Shift-based (v3) schedules list as references: their name is the summary.
		noun: 'shift-based schedule',
		article: 'a',
		searchMethod: 'searchShiftSchedules',
		list: {
			path: '/v3/schedules',
			property: 'schedules',
			serverQuery: true,
			name: (schedule) => String(schedule.summary),
		},
		urlPath: 'schedules/',
		urlExample: 'https://acme.pagerduty.com/schedules/PS1A2B3C',
		idExample: 'PS1A2B3C',
	},
} satisfies Record<string, LocatorKindDefinition>;

export type LocatorKind = keyof typeof LOCATOR_KINDS;

const kindOf = (kind: LocatorKind): LocatorKindDefinition => LOCATOR_KINDS[kind];

const idFormatOf = (definition: LocatorKindDefinition) =>
	definition.idFormat ?? PAGERDUTY_ID_FORMAT;

const WEB_HOST = String.raw`https://[a-z0-9-]+\.(?:eu\.)?pagerduty\.com`;

/** The web app's URL for one object of a kind, US or EU; the first group is the ID. */
function urlPatternOf(definition: LocatorKindDefinition): RegExp | undefined {
	if (definition.urlPath === undefined) return undefined;
	const idInUrl = idFormatOf(definition).pattern.source.slice(1, -1);
	return new RegExp(`^${WEB_HOST}/${definition.urlPath}(${idInUrl})(?:[/?#].*)?$`);
}

/** The web app's URL for one object of each kind. */
const URL_PATTERNS = Object.fromEntries(
	Object.entries(LOCATOR_KINDS).map(([kind, definition]: [string, LocatorKindDefinition]) => [
		kind,
		urlPatternOf(definition),
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

/** A locator of a kind outside the table (tests of the mechanism). */
export type KindLocator = Omit<Locator, 'kind'>;

function modesOf(definition: LocatorKindDefinition, urlPattern?: RegExp): INodePropertyMode[] {
	const { noun, article, searchMethod, urlExample, idExample } = definition;
	const idFormat = idFormatOf(definition);
	// Modes are not parameters; the lint rule asking for a default mistakes them for ones.
	const modes: INodePropertyMode[] = [
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: `Select ${article} ${noun}...`,
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
					regex: idFormat.pattern.source,
					errorMessage: `Not ${idFormat.description}`,
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
	return { kind, ...locatorOf(kindOf(kind), options, URL_PATTERNS[kind]) };
}

/**
 * Reads the ID in a locator value of a kind: any of its modes, or a plain string (a URL in one is
 * read like the URL mode). Errors name the parameter by `label`.
 */
function idReader(definition: LocatorKindDefinition, label: string, urlPattern?: RegExp) {
	const schema = definition.idFormat ? idSchema(definition.idFormat) : pagerDutyIdSchema;
	return (source: ParameterSource, raw: unknown, itemIndex?: number): string => {
		const mode = isLocatorValue(raw) ? raw.mode : undefined;
		const value = String((isLocatorValue(raw) ? raw.value : raw) ?? '').trim();
		if (mode === 'url' || /^https?:\/\//i.test(value)) {
			const id = urlPattern?.exec(value)?.[1];
			if (id) return id;
			const { noun, urlExample } = definition;
			throw invalidParameter(
				source,
				itemIndex,
				label,
				urlExample
					? `must be a PagerDuty ${noun} URL such as ${urlExample}, or the same on <subdomain>.eu.pagerduty.com`
					: `must be an ID: PagerDuty has no web page for a ${noun}`,
			);
		}
		return validate(source, itemIndex, label, schema, value);
	};
}

/** A locator parameter of a kind given by its definition (`locator` for the table's kinds). */
export function locatorOf(
	definition: LocatorKindDefinition,
	options: LocatorOptions,
	urlPattern = urlPatternOf(definition),
): KindLocator {
	const readValue = idReader(definition, options.displayName, urlPattern);
	return {
		field: {
			displayName: options.displayName,
			name: options.name,
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: options.required ?? false,
			description: options.description,
			modes: modesOf(definition, urlPattern),
		},
		read: (source, itemIndex) =>
			readValue(source, readParameterValue(source, options.name, itemIndex), itemIndex),
		readValue,
	};
}

const SEARCH_PAGE = 25;

/**
 * For a dependent list's `path` or `qs`: the ID of the `kind` object chosen in the node's
 * `parameterName` (e.g. the status page whose posts to list), as the editor holds it now. It is
 * validated as that kind's ID, so it is safe in a path.
 */
export function chosenId(
	context: ILoadOptionsFunctions,
	kind: LocatorKind,
	parameterName: string,
): string {
	const definition = kindOf(kind);
	const raw = context.getCurrentNodeParameter(parameterName);
	if (isEmptyLocatorValue(raw))
		throw new NodeOperationError(
			context.getNode(),
			`Choose the ${definition.noun} first: this list depends on it`,
		);
	return idReader(definition, definition.noun, URL_PATTERNS[kind])(context, raw);
}

const resolve = <T>(
	value: T | ((context: ILoadOptionsFunctions) => T),
	context: ILoadOptionsFunctions,
) =>
	typeof value === 'function' ? (value as (context: ILoadOptionsFunctions) => T)(context) : value;

const recordsAt = (answer: IDataObject, property: string) =>
	(property
		.split('.')
		.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], answer) as
		| IDataObject[]
		| undefined) ?? [];

/** The query asking for one page of a list, and the token n8n hands back for the page after it. */
function pageOf(list: LocatorList, paginationToken?: string) {
	const paging = list.paging ?? 'offset';
	if (paging === 'none') return { query: {}, next: () => undefined };
	if (paging === 'offset') {
		const offset = Number(paginationToken ?? 0) || 0;
		return {
			query: { limit: SEARCH_PAGE, offset },
			next: (answer: IDataObject) =>
				answer.more === true ? String(offset + SEARCH_PAGE) : undefined,
		};
	}
	const { cursorParam, nextField } = CURSOR_FIELDS[paging];
	return {
		query: { limit: SEARCH_PAGE, ...(paginationToken && { [cursorParam]: paginationToken }) },
		next: (answer: IDataObject) => {
			const cursor = nextCursorOf(answer, nextField);
			// A cursor that names this page again would show it again: the list ends here.
			return cursor === paginationToken ? undefined : cursor;
		},
	};
}

/** One page of a kind's list for a locator's "From List" mode. */
async function searchPage(
	context: ILoadOptionsFunctions,
	{ list }: LocatorKindDefinition,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const term = filter?.trim();
	const page = pageOf(list, paginationToken);
	const answer = await pagerDutyApiRequest.call(context, {
		method: 'GET',
		path: resolve(list.path, context),
		qs: {
			...resolve(list.qs, context),
			...page.query,
			...(list.serverQuery && term ? { [list.queryParam ?? 'query']: term } : {}),
		},
	});
	const nameOf =
		list.name ?? ((record: IDataObject) => String(record.name ?? record.summary ?? record.id));
	const records = recordsAt(answer, list.property);
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
		paginationToken: page.next(answer),
	};
}

type SearchMethod = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/** The listSearch function of a kind's "From List" mode. */
export function searchMethodOf(definition: LocatorKindDefinition): SearchMethod {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await searchPage(this, definition, filter, paginationToken);
	};
}

/** The `methods.listSearch` functions behind these kinds' "From List" modes, under their method names. */
export function listSearchFor(...kinds: LocatorKind[]): Record<string, SearchMethod> {
	return Object.fromEntries(
		kinds.map((kind): [string, SearchMethod] => [
			kindOf(kind).searchMethod,
			searchMethodOf(kindOf(kind)),
		]),
	);
}

/** Every locator kind's search function: the PagerDuty node's `methods.listSearch`. */
export const listSearch = listSearchFor(...(Object.keys(LOCATOR_KINDS) as LocatorKind[]));
