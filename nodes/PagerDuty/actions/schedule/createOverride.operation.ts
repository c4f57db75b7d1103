import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { scheduleLocator } from './fields';
import { locator } from '../../../shared/locators';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { readDateTime } from '../../../shared/validation';
import { pathId, reference } from '../../helpers/utils';
import { defineOperation } from '../registry';

const userLocator = locator('user', {
	displayName: 'User',
	name: 'userId',
	required: true,
	description:
		'Who takes over the schedule for the time of the override: pick a user, paste their profile URL, or give the ID',
});

const properties: INodeProperties[] = [
	scheduleLocator.field,
	userLocator.field,
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'When the user goes on call in place of the rotation (ISO 8601 with offset, e.g. 2026-11-06T18:00:00+01:00)',
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the rotation takes over again (ISO 8601 with offset); must be after Start',
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const scheduleId = scheduleLocator.read(this, itemIndex);
	const userId = userLocator.read(this, itemIndex);
	const start = readDateTime(this, itemIndex, 'start', 'Start');
	const end = readDateTime(this, itemIndex, 'end', 'End');
	// PagerDuty answers a list with one result per override, each with its own status.
	const response = (await pagerDutyApiRequest.call(this, {
		method: 'POST',
		path: `/schedules/${pathId(scheduleId)}/overrides`,
		body: { overrides: [{ start, end, user: reference(userId, 'user') }] },
	})) as unknown as IDataObject[];
	const [result] = Array.isArray(response) ? response : [];
	if (!result || Number(result.status) >= 400) {
		const errors = ((result?.errors as string[] | undefined) ?? []).join('; ');
		throw new NodeOperationError(
			this.getNode(),
			`PagerDuty refused the override${errors ? `: ${errors}` : ''}`,
			{
				itemIndex,
				description: `Schedule ${scheduleId}, user ${userId}, ${start} to ${end}.`,
			},
		);
	}
	return result.override as IDataObject;
}

export const createOverride = defineOperation({
	value: 'createOverride',
	name: 'Create Override',
	action: 'Create a schedule override',
	description: 'Put a user on call in a schedule for a time range, in place of the rotation',
	endpoints: ['POST /schedules/{id}/overrides'],
	properties,
	execute,
});
