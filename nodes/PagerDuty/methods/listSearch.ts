import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { pagerDutyApiRequest } from '../transport';

const PAGE = 25;

interface SearchSpec {
	path: string;
	propertyName: string;
	/** PagerDuty filters this list by name with `query`; otherwise the page is filtered here. */
	serverQuery: boolean;
	qs?: IDataObject;
	name?: (record: IDataObject) => string;
}

/**
 * One page of a list for a resource locator's "From list" mode. The pagination token is the next
 * offset, as text (n8n passes it back unchanged).
 */
async function search(
	context: ILoadOptionsFunctions,
	spec: SearchSpec,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const term = filter?.trim();
	const page = await pagerDutyApiRequest.call(context, {
		method: 'GET',
		path: spec.path,
		qs: { ...spec.qs, limit: PAGE, offset, ...(spec.serverQuery && term ? { query: term } : {}) },
	});
	const nameOf =
		spec.name ?? ((record: IDataObject) => String(record.name ?? record.summary ?? record.id));
	const records = (page[spec.propertyName] as IDataObject[] | undefined) ?? [];
	const matching =
		spec.serverQuery || !term
			? records
			: records.filter((record) => nameOf(record).toLowerCase().includes(term.toLowerCase()));
	return {
		results: matching.map((record) => ({
			name: nameOf(record),
			value: String(record.id),
			...(record.html_url ? { url: String(record.html_url) } : {}),
		})),
		paginationToken: page.more === true ? String(offset + PAGE) : undefined,
	};
}

// Incidents have no name filter in PagerDuty: the list shows open incidents, newest first.
export async function searchIncidents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await search(
		this,
		{
			path: '/incidents',
			propertyName: 'incidents',
			serverQuery: false,
			qs: { statuses: ['triggered', 'acknowledged'], sort_by: 'created_at:desc' },
			name: (incident) => `#${incident.incident_number} ${incident.title}`,
		},
		filter,
		paginationToken,
	);
}

export async function searchServices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await search(
		this,
		{ path: '/services', propertyName: 'services', serverQuery: true },
		filter,
		paginationToken,
	);
}

export async function searchEscalationPolicies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await search(
		this,
		{ path: '/escalation_policies', propertyName: 'escalation_policies', serverQuery: true },
		filter,
		paginationToken,
	);
}

export async function searchSchedules(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await search(
		this,
		{ path: '/schedules', propertyName: 'schedules', serverQuery: true },
		filter,
		paginationToken,
	);
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await search(
		this,
		{
			path: '/users',
			propertyName: 'users',
			serverQuery: true,
			name: (user) => `${user.name} (${user.email})`,
		},
		filter,
		paginationToken,
	);
}

export async function searchTeams(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await search(
		this,
		{ path: '/teams', propertyName: 'teams', serverQuery: true },
		filter,
		paginationToken,
	);
}

export async function searchPriorities(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await search(
		this,
		{ path: '/priorities', propertyName: 'priorities', serverQuery: false },
		filter,
		paginationToken,
	);
}
