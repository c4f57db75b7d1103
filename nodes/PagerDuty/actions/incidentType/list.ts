import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { PagerDutyContext } from '../../../shared/transport/rest';
import { pagerDutyApiRequestRecords } from '../../../shared/transport/rest';
import { sortedByName } from '../../descriptions/common';

/** The account's incident types: `enabled` (PagerDuty's default), `disabled` or `all`. */
export async function readIncidentTypes(
	context: PagerDutyContext,
	filter: string,
): Promise<IDataObject[]> {
	return await pagerDutyApiRequestRecords.call(
		context,
		{ method: 'GET', path: '/incidents/types', qs: { filter } },
		'incident_types',
	);
}

/** Every incident type for a dropdown: its display name shown, its name saved. */
export async function incidentTypeOptions(
	context: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const types = await readIncidentTypes(context, 'all');
	return sortedByName(
		types.map((type) => ({
			name: `${String(type.display_name ?? type.name)}${type.enabled === false ? ' (disabled)' : ''}`,
			value: String(type.name),
			...(type.description ? { description: String(type.description) } : {}),
		})),
		(option) => option.name,
	);
}
