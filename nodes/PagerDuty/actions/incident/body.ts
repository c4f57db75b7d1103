import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { escalationPolicyLocator, priorityLocator } from './fields';
import { invalidParameter, parseIdList, validate } from '../../../shared/validation';
import { reference } from '../../helpers/utils';

const escalationLevelSchema = z.coerce
	.number({ invalid_type_error: 'must be a number' })
	.int('must be a whole number')
	.min(1, 'must be 1 or higher: levels of an escalation policy start at 1');

/** Fields incidentChanges checks in its own words: the router's generic checks leave them out. */
export const incidentChangesCheckedThemselves = ['escalationLevel'];

/**
 * The incident fields that Create and Update share, read from one item's collection
 * ("Additional Fields" or "Update Fields") and its Conference Bridge.
 */
export function sharedIncidentFields(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const incident: IDataObject = {};
	// Locator values; plain ID strings as saved by n8n's built-in node are read too.
	const given = (value: unknown) =>
		typeof value === 'object' && value !== null
			? Boolean((value as IDataObject).value)
			: Boolean(value);

	if (given(fields.escalationPolicyId)) {
		const policyId = escalationPolicyLocator.readValue(
			context,
			fields.escalationPolicyId,
			itemIndex,
		);
		incident.escalation_policy = reference(policyId, 'escalation_policy');
	}
	const assigneeIds = parseIdList(
		context,
		itemIndex,
		'Assignee Names or IDs',
		fields.assigneeUserIds,
	);
	if (assigneeIds.length > 0) {
		if (incident.escalation_policy) {
			throw invalidParameter(
				context,
				itemIndex,
				'Assignee Names or IDs',
				'cannot be combined with Escalation Policy: PagerDuty assigns an incident either to users or to an escalation policy',
			);
		}
		incident.assignments = assigneeIds.map((userId) => ({ assignee: reference(userId, 'user') }));
	}
	if (given(fields.priorityId)) {
		incident.priority = reference(
			priorityLocator.readValue(context, fields.priorityId, itemIndex),
			'priority',
		);
	}
	if (fields.urgency) incident.urgency = fields.urgency;
	if (fields.title) incident.title = fields.title;
	if (fields.details) incident.body = { type: 'incident_body', details: fields.details };

	const bridge = (context.getNodeParameter('conferenceBridgeUi', itemIndex, {}) as IDataObject)
		.conferenceBridgeValues as IDataObject | undefined;
	if (bridge && (bridge.conferenceNumber || bridge.conferenceUrl)) {
		incident.conference_bridge = {
			...(bridge.conferenceNumber ? { conference_number: bridge.conferenceNumber } : {}),
			...(bridge.conferenceUrl ? { conference_url: bridge.conferenceUrl } : {}),
		};
	}
	return incident;
}

/**
 * What one item asks to change on an incident (Update, Update Many): the shared fields plus status,
 * resolution and escalation level.
 */
export function incidentChanges(
	context: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const changes = sharedIncidentFields(context, itemIndex, fields);
	if (fields.status) changes.status = fields.status;
	if (fields.resolution) changes.resolution = fields.resolution;
	// Present means the user set it: a 0 is refused rather than silently dropped.
	if (fields.escalationLevel !== undefined) {
		if (changes.assignments) {
			throw invalidParameter(
				context,
				itemIndex,
				'Assignee Names or IDs',
				"cannot be combined with Escalation Level: escalating hands the incident to that level's on-call users",
			);
		}
		changes.escalation_level = validate(
			context,
			itemIndex,
			'Escalation Level',
			escalationLevelSchema,
			fields.escalationLevel,
		);
	}
	return changes;
}
