import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	maintenanceWindowIncludeField,
	maintenanceWindowIdField,
	readMaintenanceWindowId,
} from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { optionsCollection } from '../../descriptions/common';
import { includeValues } from '../../descriptions/include';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	maintenanceWindowIdField,
	optionsCollection([maintenanceWindowIncludeField]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readMaintenanceWindowId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/maintenance_windows/${pathId(id)}`,
		qs: withoutEmpty({ include: includeValues(options.include) }),
	});
	return response.maintenance_window as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one maintenance window by ID',
	endpoints: ['GET /maintenance_windows/{id}'],
	properties,
	execute,
});
