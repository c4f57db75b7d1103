import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Locator } from '../../../shared/locators';
import { pathId } from '../../helpers/utils';
import { readWholeList } from '../common';

/** A service's immediate dependencies, both ways; PagerDuty answers them whole (no paging). */
export async function dependenciesOf(
	context: IExecuteFunctions,
	itemIndex: number,
	serviceLocator: Locator,
	kind: 'technical_services' | 'business_services',
): Promise<IDataObject[]> {
	const id = serviceLocator.read(context, itemIndex);
	return await readWholeList(context, itemIndex, {
		path: `/service_dependencies/${kind}/${pathId(id)}`,
		property: 'relationships',
	});
}
