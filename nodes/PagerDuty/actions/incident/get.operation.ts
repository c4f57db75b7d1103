import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { incidentLocator } from './fields';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [incidentLocator.field];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const incidentId = incidentLocator.read(this, itemIndex);
	return await readRecord(this, `/incidents/${pathId(incidentId)}`, 'incident');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one incident by ID',
	endpoints: ['GET /incidents/{id}'],
	properties,
	execute,
});
