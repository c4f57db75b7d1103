import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Locator } from '../../../shared/locators';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { maxItemsOf, upTo } from '../common';

/** A service's immediate dependencies, both ways; PagerDuty answers them whole (no paging). */
export async function dependenciesOf(
	context: IExecuteFunctions,
	itemIndex: number,
	serviceLocator: Locator,
	kind: 'technical_services' | 'business_services',
): Promise<IDataObject[]> {
	const id = serviceLocator.read(context, itemIndex);
	const response = await pagerDutyApiRequest.call(context, {
		method: 'GET',
		path: `/service_dependencies/${kind}/${pathId(id)}`,
	});
	return upTo((response.relationships as IDataObject[]) ?? [], maxItemsOf(context, itemIndex));
}
