import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { scheduleLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const scheduleId = scheduleLocator.read(this, itemIndex);
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: `/schedules/${pathId(scheduleId)}`,
	});
	return { deleted: true, id: scheduleId };
}

export const deleteSchedule = defineOperation({
	value: 'delete',
	name: 'Delete',
	description: 'Remove a schedule; PagerDuty refuses while an escalation policy uses it',
	endpoints: ['DELETE /schedules/{id}'],
	properties: [scheduleLocator.field],
	execute,
});
