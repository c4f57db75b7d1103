import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { pagerDutyApiRequestAllItems } from '../../shared/transport/rest';

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

export { getUserContactMethods, getUserNotificationRules } from './userLoadOptions';

export { getExtensionSchemas } from './extensionSchemaLoadOptions';

export { getShiftScheduleRotations } from './shiftScheduleLoadOptions';
