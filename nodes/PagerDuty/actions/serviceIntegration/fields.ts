import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { locator } from '../../../shared/locators';
import { emailSchema, invalidParameter, validate } from '../../../shared/validation';

export { serviceLocator } from '../service/fields';

export const integrationLocator = locator('serviceIntegration', {
	displayName: 'Integration',
	name: 'integrationId',
	required: true,
	description:
		"One of the service's integrations: pick it from the list, paste its URL, or give its ID (from Service Integration → Create, or Service → Get with Include Integrations)",
});

export const EMAIL_TYPE = 'generic_email_inbound_integration';

/** PagerDuty's integration types, as the Type option offers them; Events API v2 first. */
export const integrationTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	// Kept in this order: the Events API v2 first, as the one to use for new senders.
	// eslint-disable-next-line n8n-nodes-base/node-param-options-type-unsorted-items
	options: [
		{
			name: 'Events API V2',
			value: 'events_api_v2_inbound_integration',
			description:
				'Senders use the integration key as the routing key (e.g. in a PagerDuty Events credential)',
		},
		{
			name: 'Events API V1',
			value: 'generic_events_api_inbound_integration',
			description: 'The older Events API; also has an integration key',
		},
		{
			name: 'Email',
			value: EMAIL_TYPE,
			description: 'Emails to the Integration Email address become events',
		},
		{ name: 'Amazon CloudWatch', value: 'aws_cloudwatch_inbound_integration' },
		{ name: 'Cloudkick', value: 'cloudkick_inbound_integration' },
		{ name: 'Event Transformer', value: 'event_transformer_api_inbound_integration' },
		{ name: 'Keynote', value: 'keynote_inbound_integration' },
		{ name: 'Nagios', value: 'nagios_inbound_integration' },
		{ name: 'Pingdom', value: 'pingdom_inbound_integration' },
		{ name: 'SQL Monitor', value: 'sql_monitor_inbound_integration' },
	],
	default: 'events_api_v2_inbound_integration',
	description: 'How events reach the service through this integration',
};

const jsonArrayOfObjectsSchema = z
	.union([z.string(), z.array(z.unknown())])
	.transform((value, context) => {
		let parsed: unknown = value;
		if (typeof value === 'string') {
			try {
				parsed = JSON.parse(value);
			} catch (error) {
				context.addIssue({
					code: z.ZodIssueCode.custom,
					message: `is not valid JSON (${(error as Error).message})`,
				});
				return z.NEVER;
			}
		}
		const isObject = (item: unknown) =>
			item !== null && typeof item === 'object' && !Array.isArray(item);
		if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every(isObject)) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				message: 'must be a JSON array of one or more objects, e.g. [{"…": "…"}]',
			});
			return z.NEVER;
		}
		return parsed as IDataObject[];
	});

/** The settings of Email integrations, for Create's "Additional Fields" and Update's "Update Fields". */
export const emailSettingFields: INodeProperties[] = [
	{
		displayName: 'Email Filter Mode',
		name: 'emailFilterMode',
		type: 'options',
		options: [
			{ name: 'All Email', value: 'all-email', description: 'Every email is taken' },
			{
				name: 'Any Filter Matches',
				value: 'or-rules-email',
				description: 'Emails matching at least one of the Email Filters',
			},
			{
				name: 'All Filters Match',
				value: 'and-rules-email',
				description: 'Emails matching every one of the Email Filters',
			},
		],
		default: 'all-email',
		description: 'Email integrations only: which emails are taken',
	},
	{
		displayName: 'Email Filters (JSON)',
		name: 'emailFilters',
		type: 'json',
		default: '[]',
		description:
			"Email integrations only: a JSON array of filters, each with subject_mode, body_mode and from_email_mode ('match', 'no-match' or 'always') and the matching *_regex",
	},
	{
		displayName: 'Email Incident Creation',
		name: 'emailIncidentCreation',
		type: 'options',
		options: [
			{ name: 'Each Email', value: 'on_new_email', description: 'Every email opens an incident' },
			{
				name: 'Each New Subject',
				value: 'on_new_email_subject',
				description: 'Emails with the subject of an open incident are grouped into it',
			},
			{
				name: 'Only Without Open Incidents',
				value: 'only_if_no_open_incidents',
				description: 'An email opens an incident only when the service has none open',
			},
			{ name: 'By Email Parsers', value: 'use_rules', description: 'The Email Parsers decide' },
		],
		default: 'on_new_email',
		description: 'Email integrations only: when an email opens an incident',
	},
	{
		displayName: 'Email Parsers (JSON)',
		name: 'emailParsers',
		type: 'json',
		default: '[]',
		description:
			"Email integrations only: a JSON array of parsers, each with an action (trigger or resolve), a match_predicate and value_extractors, as in PagerDuty's API",
	},
	{
		displayName: 'Email Parsing Fallback',
		name: 'emailParsingFallback',
		type: 'options',
		options: [
			{ name: 'Open New Incident', value: 'open_new_incident' },
			{ name: 'Discard', value: 'discard' },
		],
		default: 'open_new_incident',
		description: 'Email integrations only: what happens to an email no parser matches',
	},
	{
		displayName: 'Integration Email',
		name: 'integrationEmail',
		type: 'string',
		default: '',
		placeholder: 'e.g. checkout-alerts@acme.pagerduty.com',
		description:
			"Email integrations only, and required for them: the address that takes the emails, at your account's PagerDuty domain",
	},
];

const EMAIL_SETTINGS: Array<[field: string, body: string, label: string]> = [
	['integrationEmail', 'integration_email', 'Integration Email'],
	['emailIncidentCreation', 'email_incident_creation', 'Email Incident Creation'],
	['emailFilterMode', 'email_filter_mode', 'Email Filter Mode'],
	['emailParsingFallback', 'email_parsing_fallback', 'Email Parsing Fallback'],
	['emailParsers', 'email_parsers', 'Email Parsers (JSON)'],
	['emailFilters', 'email_filters', 'Email Filters (JSON)'],
];

/**
 * The email settings present in one item's collection, as PagerDuty's body fields. They belong to
 * Email integrations only: for another type they are refused, naming the first one given.
 */
export function emailSettings(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	type: string,
): IDataObject {
	const body: IDataObject = {};
	for (const [field, name, label] of EMAIL_SETTINGS) {
		const value = fields[field];
		if (value === undefined) continue;
		if (type !== EMAIL_TYPE)
			throw invalidParameter(context, itemIndex, label, 'applies to Email integrations only');
		if (field === 'integrationEmail')
			body[name] = validate(context, itemIndex, label, emailSchema, value);
		else if (field === 'emailParsers' || field === 'emailFilters')
			body[name] = validate(context, itemIndex, label, jsonArrayOfObjectsSchema, value);
		else body[name] = value;
	}
	return body;
}
