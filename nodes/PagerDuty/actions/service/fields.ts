import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { locator } from '../../../shared/locators';
import { validate } from '../../../shared/validation';
import { includeField } from '../../descriptions/include';

export const serviceLocator = locator('service', {
	displayName: 'Service',
	name: 'serviceId',
	required: true,
	description:
		'The service: pick it from the list, paste its PagerDuty URL, or give its ID (from Service → Get Many or Create)',
});

export const serviceIncludeField: INodeProperties = includeField([
	{ name: 'Auto Pause Notifications Parameters', value: 'auto_pause_notifications_parameters' },
	{ name: 'Escalation Policies', value: 'escalation_policies' },
	{ name: 'Integrations', value: 'integrations' },
	{ name: 'Teams', value: 'teams' },
]);

const timeoutField = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description: `${description} In seconds; 0 turns it off`,
});

/** Service settings Create takes as "Additional Fields" and Update as "Update Fields". */
export const serviceSettingFields: INodeProperties[] = [
	timeoutField(
		'Acknowledgement Timeout (Seconds)',
		'acknowledgementTimeout',
		"How long an acknowledged incident stays acknowledged before it triggers again (PagerDuty's default is 1800).",
	),
	{
		displayName: 'Alert Creation',
		name: 'alertCreation',
		type: 'options',
		options: [
			{
				name: 'Create Alerts and Incidents',
				value: 'create_alerts_and_incidents',
				description: 'Events become alerts, grouped into incidents',
			},
			{
				name: 'Create Incidents',
				value: 'create_incidents',
				description: 'Each event opens an incident directly (older behaviour)',
			},
		],
		default: 'create_alerts_and_incidents',
		description: 'What PagerDuty makes of the events this service receives',
	},
	timeoutField(
		'Auto Resolve Timeout (Seconds)',
		'autoResolveTimeout',
		"How long an open incident may stay unresolved before PagerDuty resolves it (PagerDuty's default is 14400, 4 hours).",
	),
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'What the service is, shown in the service directory',
	},
	{
		displayName: 'Incident Urgency',
		name: 'urgency',
		type: 'options',
		options: [
			{
				name: 'High',
				value: 'high',
				description: 'Incidents page responders with their high-urgency rules',
			},
			{
				name: 'Low',
				value: 'low',
				description: 'Incidents notify with the low-urgency rules and do not escalate',
			},
			{
				name: 'Severity Based',
				value: 'severity_based',
				description: 'Urgency follows the severity of the triggering event',
			},
		],
		default: 'high',
		description: 'The urgency of every incident opened on the service (a constant urgency rule)',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{
				name: 'Active',
				value: 'active',
				description: 'The service takes events and opens incidents',
			},
			{
				name: 'Disabled',
				value: 'disabled',
				description: 'The service ignores events and opens no incidents',
			},
		],
		default: 'active',
		description: 'Whether the service is in use',
	},
];

const timeoutSchema = z.coerce
	.number({ invalid_type_error: 'must be a number of seconds' })
	.int('must be a whole number of seconds')
	.min(0, 'must be 0 (off) or more');

/** The service body fields for the settings present in one item's collection. */
export function serviceSettings(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const service: IDataObject = {};
	// PagerDuty takes 0 as "off" (and then shows the timeout as null).
	const timeout = (label: string, value: unknown) =>
		validate(context, itemIndex, label, timeoutSchema, value);
	if (fields.name !== undefined) {
		service.name = validate(
			context,
			itemIndex,
			'Name',
			z.string().trim().min(1, 'must not be empty'),
			fields.name,
		);
	}
	if (fields.description !== undefined) service.description = fields.description;
	if (fields.autoResolveTimeout !== undefined) {
		service.auto_resolve_timeout = timeout(
			'Auto Resolve Timeout (Seconds)',
			fields.autoResolveTimeout,
		);
	}
	if (fields.acknowledgementTimeout !== undefined) {
		service.acknowledgement_timeout = timeout(
			'Acknowledgement Timeout (Seconds)',
			fields.acknowledgementTimeout,
		);
	}
	if (fields.status) service.status = fields.status;
	if (fields.urgency) service.incident_urgency_rule = { type: 'constant', urgency: fields.urgency };
	if (fields.alertCreation) service.alert_creation = fields.alertCreation;
	return service;
}
