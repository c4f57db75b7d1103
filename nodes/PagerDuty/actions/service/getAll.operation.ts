import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseIdList } from '../../../shared/validation';
import {
	optionsCollection,
	queryFilter,
	returnAllAndLimit,
	sortByNameField,
	teamIdsFilter,
	timeZoneField,
} from '../../descriptions/common';
import { includeValues } from '../../descriptions/include';
import { readList } from '../common';
import { serviceIncludeField } from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('services'),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return only the main fields (ID, name, description, status, URL, escalation policy, teams, last incident time and anything asked for under Include) instead of the whole service',
	},
	optionsCollection([
		serviceIncludeField,
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Only the service with exactly this name',
		},
		queryFilter('services whose name'),
		sortByNameField('services'),
		teamIdsFilter('services'),
		timeZoneField,
	]),
];

const SIMPLE_FIELDS = [
	'id',
	'name',
	'description',
	'status',
	'html_url',
	'created_at',
	'last_incident_timestamp',
];

const summaryOf = (value: unknown) => {
	const object = (value ?? {}) as IDataObject;
	return { id: object.id, name: object.name ?? object.summary };
};

function simplify(service: IDataObject, include: string[]): IDataObject {
	const simple: IDataObject = {};
	for (const field of SIMPLE_FIELDS)
		if (service[field] !== undefined) simple[field] = service[field];
	simple.escalation_policy = include.includes('escalation_policies')
		? service.escalation_policy
		: summaryOf(service.escalation_policy);
	simple.teams = include.includes('teams')
		? service.teams
		: ((service.teams as IDataObject[] | undefined) ?? []).map(summaryOf);
	for (const field of ['integrations', 'auto_pause_notifications_parameters']) {
		if (include.includes(field)) simple[field] = service[field];
	}
	return simple;
}

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/services',
		property: 'services',
		query: (options) => ({
			include: includeValues(options.include),
			name: options.name,
			query: options.query,
			sort_by: options.sortBy,
			team_ids: parseIdList(this, itemIndex, 'Team Names or IDs', options.teamIds),
			time_zone: options.timeZone,
		}),
		simplify: {
			byDefault: true,
			record: (service, options) => simplify(service, includeValues(options.include)),
		},
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description: 'List services, optionally by name text or team',
	endpoints: ['GET /services'],
	properties,
	execute,
});
