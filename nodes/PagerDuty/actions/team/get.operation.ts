import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { teamLocator } from './fields';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [teamLocator.field];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const teamId = teamLocator.read(this, itemIndex);
	return await readRecord(this, `/teams/${pathId(teamId)}`, 'team');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one team by ID',
	endpoints: ['GET /teams/{id}'],
	properties,
	execute,
});
