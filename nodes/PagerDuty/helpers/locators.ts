import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { invalidParameter, pagerDutyIdSchema, validate } from './validation';

export type LocatorKind =
	| 'incident'
	| 'service'
	| 'escalationPolicy'
	| 'schedule'
	| 'user'
	| 'team'
	| 'priority';

interface Locator {
	noun: string;
	searchMethod: string;
	/** The web app's URL for one object, US or EU; the first group is the ID. */
	urlPattern?: RegExp;
	urlExample?: string;
	idExample: string;
}

const WEB_HOST = String.raw`https://[a-z0-9-]+\.(?:eu\.)?pagerduty\.com`;
const urlPattern = (path: string) => new RegExp(`^${WEB_HOST}/${path}([A-Za-z0-9]+)(?:[/?#].*)?$`);

export const LOCATORS: Record<LocatorKind, Locator> = {
	incident: {
		noun: 'incident',
		searchMethod: 'searchIncidents',
		urlPattern: urlPattern('incidents/'),
		urlExample: 'https://acme.pagerduty.com/incidents/Q2T4ZLRMNV8ICM',
		idExample: 'Q2T4ZLRMNV8ICM',
	},
	service: {
		noun: 'service',
		searchMethod: 'searchServices',
		urlPattern: urlPattern('(?:service-directory|services)/'),
		urlExample: 'https://acme.pagerduty.com/service-directory/PWIXJZS',
		idExample: 'PWIXJZS',
	},
	escalationPolicy: {
		noun: 'escalation policy',
		searchMethod: 'searchEscalationPolicies',
		urlPattern: urlPattern('escalation_policies[/#]'),
		urlExample: 'https://acme.pagerduty.com/escalation_policies#PT20YPA',
		idExample: 'PT20YPA',
	},
	schedule: {
		noun: 'schedule',
		searchMethod: 'searchSchedules',
		urlPattern: urlPattern('schedules[/#]'),
		urlExample: 'https://acme.pagerduty.com/schedules#PI7DH85',
		idExample: 'PI7DH85',
	},
	user: {
		noun: 'user',
		searchMethod: 'searchUsers',
		urlPattern: urlPattern('users/'),
		urlExample: 'https://acme.pagerduty.com/users/PXPGF42',
		idExample: 'PXPGF42',
	},
	team: {
		noun: 'team',
		searchMethod: 'searchTeams',
		urlPattern: urlPattern('teams/'),
		urlExample: 'https://acme.pagerduty.com/teams/PQ9K7I8',
		idExample: 'PQ9K7I8',
	},
	priority: {
		// Priorities have no page of their own in PagerDuty's web app, so no URL mode.
		noun: 'priority',
		searchMethod: 'searchPriorities',
		idExample: 'P53ZZH5',
	},
};

/** The ID in a PagerDuty web URL for this kind of object, or undefined when the URL is not one. */
export function idFromUrl(kind: LocatorKind, url: string): string | undefined {
	return LOCATORS[kind].urlPattern?.exec(url.trim())?.[1];
}

const isLocator = (value: unknown): value is INodeParameterResourceLocator =>
	typeof value === 'object' && value !== null && 'mode' in value;

/**
 * Reads a resource-locator parameter of one item and returns the validated ID. Takes the
 * locator's three modes and also a plain string (workflows saved by n8n's built-in node hold
 * IDs that way); a URL in a plain string is read like the URL mode.
 */
export function readLocatorId(
	context: IExecuteFunctions,
	itemIndex: number,
	parameterName: string,
	label: string,
	kind: LocatorKind,
): string {
	return locatorValueId(
		context,
		itemIndex,
		context.getNodeParameter(parameterName, itemIndex),
		label,
		kind,
	);
}

/** The validated ID in a locator value already read (e.g. from an "Additional Fields" collection). */
export function locatorValueId(
	context: IExecuteFunctions,
	itemIndex: number,
	raw: unknown,
	label: string,
	kind: LocatorKind,
): string {
	const mode = isLocator(raw) ? raw.mode : undefined;
	const value = String((isLocator(raw) ? raw.value : raw) ?? '').trim();
	if (mode === 'url' || /^https?:\/\//i.test(value)) {
		const id = idFromUrl(kind, value);
		if (id) return id;
		const { noun, urlExample } = LOCATORS[kind];
		throw invalidParameter(
			context,
			itemIndex,
			label,
			urlExample
				? `must be a PagerDuty ${noun} URL such as ${urlExample}, or the same on <subdomain>.eu.pagerduty.com`
				: `must be an ID: PagerDuty has no web page for a ${noun}`,
		);
	}
	return validate(context, itemIndex, label, pagerDutyIdSchema, value);
}
