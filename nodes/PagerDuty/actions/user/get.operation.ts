import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pathId } from '../../helpers/utils';
import { pagerDutyIdSchema, readParameter } from '../../helpers/validation';
import { pagerDutyApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. PXPGF42',
		description: 'ID of the PagerDuty user, e.g. from an incident\'s assignees or a log entry\'s agent',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = readParameter(this, itemIndex, 'userId', 'User ID', pagerDutyIdSchema);
	const response = await pagerDutyApiRequest.call(this, {
		method: 'GET',
		path: `/users/${pathId(userId)}`,
	});
	return response.user as IDataObject;
}
