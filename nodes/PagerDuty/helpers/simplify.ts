import type { IDataObject } from 'n8n-workflow';

type Reference = IDataObject | null | undefined;

const idAndSummary = (reference: Reference) =>
	reference ? { id: reference.id, summary: reference.summary } : null;

/** The incident fields people use in workflows; references reduced to ID and summary. */
export function simplifyIncident(incident: IDataObject): IDataObject {
	const assignments = (incident.assignments as Array<{ assignee?: Reference }> | undefined) ?? [];
	return {
		id: incident.id,
		incident_number: incident.incident_number,
		title: incident.title,
		status: incident.status,
		urgency: incident.urgency,
		priority: (incident.priority as Reference)?.summary ?? null,
		service: idAndSummary(incident.service as Reference),
		escalation_policy: idAndSummary(incident.escalation_policy as Reference),
		assignees: assignments.map((assignment) => idAndSummary(assignment.assignee)),
		incident_key: incident.incident_key ?? null,
		created_at: incident.created_at,
		last_status_change_at: incident.last_status_change_at,
		resolved_at: incident.resolved_at ?? null,
		html_url: incident.html_url,
	};
}

/** The log entry fields people use: what happened, when, to which incident and by whom. */
export function simplifyLogEntry(entry: IDataObject): IDataObject {
	return {
		id: entry.id,
		type: entry.type,
		summary: entry.summary,
		created_at: entry.created_at,
		incident: idAndSummary(entry.incident as Reference),
		agent: (entry.agent as Reference)?.summary ?? null,
	};
}

/** Applies a simplifier when the item's "Simplify" is on. */
export const simplifyIf = (
	simplify: unknown,
	records: IDataObject[],
	simplifier: (record: IDataObject) => IDataObject,
) => (simplify === true ? records.map(simplifier) : records);
