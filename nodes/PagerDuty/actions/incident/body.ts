import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { reference } from '../../helpers/utils';
import { pagerDutyIdSchema, validate } from '../../helpers/validation';

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
	const id = (label: string, value: unknown) => validate(context, itemIndex, label, pagerDutyIdSchema, value);

	if (fields.escalationPolicyId) {
		incident.escalation_policy = reference(id('Escalation Policy', fields.escalationPolicyId), 'escalation_policy');
	}
	if (fields.priorityId) {
		incident.priority = reference(id('Priority', fields.priorityId), 'priority');
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
