import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { serviceIncludeField, serviceLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { optionsCollection } from '../../descriptions/common';
import { includeValues } from '../../descriptions/include';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	serviceLocator.field,
	optionsCollection([serviceIncludeField]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const serviceId = serviceLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/services/${pathId(serviceId)}`,
		qs: withoutEmpty({ include: includeValues(options.include) }),
	});
	return response.service as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one service (settings, escalation policy, teams) by ID',
	endpoints: ['GET /services/{id}'],
	properties,
	execute,
});
