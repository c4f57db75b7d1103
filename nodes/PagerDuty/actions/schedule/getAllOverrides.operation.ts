import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readDateTime } from '../../../shared/validation';
import { optionsCollection, returnAllAndLimit } from '../../descriptions/common';
import { pathId } from '../../helpers/utils';
import { readWholeList } from '../common';
import { overflowField, scheduleLocator, windowFields } from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	scheduleLocator.field,
	...windowFields(
		'the overrides (required by PagerDuty): overrides overlapping it are returned',
		true,
	),
	...returnAllAndLimit('overrides'),
	optionsCollection([
		{
			displayName: 'Editable Only',
			name: 'editable',
			type: 'boolean',
			default: false,
			description:
				'Whether to return only overrides that can still be deleted (not yet over); PagerDuty then returns just their IDs',
		},
		overflowField,
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const scheduleId = scheduleLocator.read(this, itemIndex);
	const since = readDateTime(this, itemIndex, 'since', 'Since');
	const until = readDateTime(this, itemIndex, 'until', 'Until');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await readWholeList(this, itemIndex, {
		path: `/schedules/${pathId(scheduleId)}/overrides`,
		property: 'overrides',
		qs: {
			since,
			until,
			...(options.editable ? { editable: true } : {}),
			...(options.overflow ? { overflow: true } : {}),
		},
	});
}

export const getAllOverrides = defineOperation({
	value: 'getAllOverrides',
	name: 'Get Many Overrides',
	action: 'Get many schedule overrides',
	description: "List a schedule's overrides in a time window",
	endpoints: ['GET /schedules/{id}/overrides'],
	properties,
	execute,
});
