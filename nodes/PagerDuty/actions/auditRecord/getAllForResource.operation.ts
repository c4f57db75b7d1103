import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { auditWindowChecksItself, auditWindowFields, readAuditRecords } from './list';
import type { Locator } from '../../../shared/locators';
import { locator } from '../../../shared/locators';
import { invalidParameter } from '../../../shared/validation';
import { optionsCollection, returnAllAndLimit } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

/** Each kind of object with its own audit trail: its locator and the path its records are under. */
const RESOURCES: Record<string, { name: string; path: string; locator: Locator }> = {
	escalation_policies: {
		name: 'Escalation Policy',
		path: '/escalation_policies',
		locator: locator('escalationPolicy', {
			displayName: 'Escalation Policy',
			name: 'escalationPolicyId',
			required: true,
			description: 'The escalation policy whose audit records to list',
		}),
	},
	schedules: {
		name: 'Schedule',
		path: '/schedules',
		locator: locator('schedule', {
			displayName: 'Schedule',
			name: 'scheduleId',
			required: true,
			description: 'The (layer-based) schedule whose audit records to list',
		}),
	},
	services: {
		name: 'Service',
		path: '/services',
		locator: locator('service', {
			displayName: 'Service',
			name: 'serviceId',
			required: true,
			description: 'The service whose audit records to list',
		}),
	},
	shift_based_schedules: {
		name: 'Shift-Based Schedule',
		path: '/v3/schedules',
		locator: locator('shiftSchedule', {
			displayName: 'Shift-Based Schedule',
			name: 'shiftScheduleId',
			required: true,
			description: 'The shift-based schedule whose audit records to list',
		}),
	},
	teams: {
		name: 'Team',
		path: '/teams',
		locator: locator('team', {
			displayName: 'Team',
			name: 'teamId',
			required: true,
			description: 'The team whose audit records to list',
		}),
	},
	users: {
		name: 'User',
		path: '/users',
		locator: locator('user', {
			displayName: 'User',
			name: 'userId',
			required: true,
			description: 'The user whose audit records to list',
		}),
	},
};

const properties: INodeProperties[] = [
	{
		displayName: 'Resource Type',
		name: 'resourceType',
		type: 'options',
		options: Object.entries(RESOURCES).map(([value, { name }]) => ({ name, value })),
		default: 'users',
		description: 'The kind of object whose audit records to list',
	},
	...Object.entries(RESOURCES).map(([value, resource]) => ({
		...resource.locator.field,
		displayOptions: { show: { resourceType: [value] } },
	})),
	...returnAllAndLimit('audit records'),
	optionsCollection(auditWindowFields),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const type = String(this.getNodeParameter('resourceType', itemIndex));
	const resource = RESOURCES[type];
	if (!resource)
		throw invalidParameter(
			this,
			itemIndex,
			'Resource Type',
			`must be one of ${Object.keys(RESOURCES).join(', ')}`,
		);
	const id = resource.locator.read(this, itemIndex);
	return await readAuditRecords(this, itemIndex, `${resource.path}/${pathId(id)}/audit/records`);
}

export const getAllForResource = defineOperation({
	value: 'getAllForResource',
	name: 'Get Many for a Resource',
	action: 'Get many audit records for a resource',
	description:
		'List the audit trail of one user, team, schedule (layer-based or shift-based), escalation policy or service, newest first: who changed it, when and how. By default the last 24 hours; any Since–Until window (read in 31-day slices). Needs the Audit Trail plan feature and the right to see that object. Returns one item per record.',
	endpoints: [
		'GET /escalation_policies/{id}/audit/records',
		'GET /schedules/{id}/audit/records',
		'GET /services/{id}/audit/records',
		'GET /teams/{id}/audit/records',
		'GET /users/{id}/audit/records',
		'GET /v3/schedules/{id}/audit/records',
	],
	properties,
	checksItself: auditWindowChecksItself,
	execute,
});
