import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	maintenanceWindowIncludeField,
	maintenanceWindowIdField,
	readMaintenanceWindowId,
} from './fields';
import { optionsCollection } from '../../descriptions/common';
import { includeValues } from '../../descriptions/include';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	maintenanceWindowIdField,
	optionsCollection([maintenanceWindowIncludeField]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readMaintenanceWindowId(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await readRecord(
		this,
		`/maintenance_windows/${pathId(id)}`,
		'maintenance_window',
		withoutEmpty({ include: includeValues(options.include) }),
	);
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one maintenance window by ID',
	endpoints: ['GET /maintenance_windows/{id}'],
	properties,
	execute,
});
