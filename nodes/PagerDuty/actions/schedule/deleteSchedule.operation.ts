import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scheduleLocator } from './fields';
import { readLocatorId } from '../../helpers/locators';
import { pathId } from '../../helpers/utils';
import { pagerDutyApiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['schedule'], operation: ['delete'] } },
	[scheduleLocator],
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const scheduleId = readLocatorId(this, itemIndex, 'scheduleId', 'Schedule', 'schedule');
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: `/schedules/${pathId(scheduleId)}`,
	});
	return { deleted: true, id: scheduleId };
}
