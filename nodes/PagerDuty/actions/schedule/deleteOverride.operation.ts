import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { scheduleLocator } from './fields';
import { pagerDutyApiRequest } from '../../../shared/transport/rest';
import { pagerDutyIdSchema, readParameter } from '../../../shared/validation';
import { pathId } from '../../helpers/utils';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	scheduleLocator.field,
	{
		displayName: 'Override ID',
		name: 'overrideId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Q3X6MJ1LUKD6QW',
		description:
			'ID of the override, from Schedule → Create Override or Get Many Overrides. An override already under way is cut short at the current time; one that is over cannot be removed.',
	},
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const scheduleId = scheduleLocator.read(this, itemIndex);
	const overrideId = readParameter(this, itemIndex, 'overrideId', 'Override ID', pagerDutyIdSchema);
	await pagerDutyApiRequest.call(this, {
		method: 'DELETE',
		path: `/schedules/${pathId(scheduleId)}/overrides/${pathId(overrideId)}`,
	});
	return { deleted: true, id: overrideId };
}

export const deleteOverride = defineOperation({
	value: 'deleteOverride',
	name: 'Delete Override',
	action: 'Delete a schedule override',
	description: 'Remove a schedule override (one under way is ended now)',
	endpoints: ['DELETE /schedules/{id}/overrides/{override_id}'],
	properties,
	execute,
});
