import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { tagLocator } from './fields';
import { pathId } from '../../helpers/utils';
import { readRecord } from '../common';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const tagId = tagLocator.read(this, itemIndex);
	return await readRecord(this, `/tags/${pathId(tagId)}`, 'tag');
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one tag (its label) by its ID (from Tag → Get Many)',
	endpoints: ['GET /tags/{id}'],
	properties: [tagLocator.field],
	execute,
});
