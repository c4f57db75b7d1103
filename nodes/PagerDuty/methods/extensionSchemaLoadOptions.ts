import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { pagerDutyApiRequestAllItems } from '../../shared/transport/rest';

/** Extension schemas by their label (they have no name). */
export async function getExtensionSchemas(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const schemas = await pagerDutyApiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/extension_schemas' },
		'extension_schemas',
	);
	return schemas
		.map((schema) => ({ name: String(schema.label ?? schema.summary), value: String(schema.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
