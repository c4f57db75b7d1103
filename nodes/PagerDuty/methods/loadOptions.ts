import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { pagerDutyApiRequestAllItems } from '../../shared/transport/rest';
import { abilityOptions } from '../actions/ability/list';
import { customFieldOptions } from '../actions/incident/customFields';
import { incidentTypeOptions } from '../actions/incidentType/list';
import { pageListOptions } from '../actions/statusPage/fields';

async function listOptions(
	context: ILoadOptionsFunctions,
	path: string,
	propertyName: string,
): Promise<INodePropertyOptions[]> {
	const records = await pagerDutyApiRequestAllItems.call(
		context,
		{ method: 'GET', path },
		propertyName,
	);
	return records
		.map((record: IDataObject) => ({
			name: String(record.name ?? record.summary ?? record.id),
			value: String(record.id),
			...(record.description ? { description: String(record.description) } : {}),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getEscalationPolicies(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await listOptions(this, '/escalation_policies', 'escalation_policies');
}

export async function getSchedules(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await listOptions(this, '/schedules', 'schedules');
}

export async function getServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await listOptions(this, '/services', 'services');
}

export async function getTeams(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await listOptions(this, '/teams', 'teams');
}

export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await listOptions(this, '/users', 'users');
}

/** IANA time zones from the runtime itself, so no time zone package is needed. */
export async function getTimezones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return Intl.supportedValuesOf('timeZone').map((zone) => ({ name: zone, value: zone }));
}

/** The custom fields of the incident chosen in `incidentId` (Incident → Set Custom Field Values). */
export async function getIncidentCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await customFieldOptions(this);
}

/** Every incident type, enabled or not (Incident Type → Get). */
export async function getIncidentTypes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await incidentTypeOptions(this);
}

/** The chosen status page's statuses, for the post type chosen (or the chosen post's). */
export async function getStatusPageStatuses(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await pageListOptions(this, 'statuses');
}

/** The chosen status page's severities, for the post type chosen (or the chosen post's). */
export async function getStatusPageSeverities(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await pageListOptions(this, 'severities');
}

/** The chosen status page's impacts, for the post type chosen (or the chosen post's). */
export async function getStatusPageImpacts(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await pageListOptions(this, 'impacts');
}

/** The chosen status page's own services (for a post's impacted services). */
export async function getStatusPageServices(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await pageListOptions(this, 'services');
}

/** The abilities the account has (Ability → Test). */
export async function getAbilities(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await abilityOptions(this);
}
export { getUserContactMethods, getUserNotificationRules } from './userLoadOptions';

export { getExtensionSchemas } from './extensionSchemaLoadOptions';

export { getShiftScheduleRotations } from './shiftScheduleLoadOptions';
