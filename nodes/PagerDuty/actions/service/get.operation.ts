import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { serviceIncludeField, serviceLocator } from './fields';
import { optionsCollection } from '../../descriptions/common';
import { includeValues } from '../../descriptions/include';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	serviceLocator.field,
	optionsCollection([serviceIncludeField]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const serviceId = serviceLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await readRecord(
		this,
		`/services/${pathId(serviceId)}`,
		'service',
		withoutEmpty({ include: includeValues(options.include) }),
	);
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one service (settings, escalation policy, teams) by ID',
	endpoints: ['GET /services/{id}'],
	properties,
	execute,
});
