import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { tagLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const tagId = tagLocator.read(this, itemIndex);
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/tags/${pathId(tagId)}`,
	});
	return response.tag as IDataObject;
}

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	description: 'Read one tag (its label) by its ID (from Tag → Get Many)',
	endpoints: ['GET /tags/{id}'],
	properties: [tagLocator.field],
	execute,
});
