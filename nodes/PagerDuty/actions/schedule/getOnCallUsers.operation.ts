import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalDateTime } from '../../../shared/validation';
import { optionsCollection, returnAllAndLimit } from '../../descriptions/common';
import { pathId, withoutEmpty } from '../../helpers/utils';
import { readWholeList } from '../common';
import { scheduleLocator, windowFields } from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	scheduleLocator.field,
	...returnAllAndLimit('users'),
	optionsCollection(
		windowFields(
			'the on-call shifts: users on call at any time within it are returned; both empty: who is on call now',
		),
	),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const scheduleId = scheduleLocator.read(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await readWholeList(this, itemIndex, {
		path: `/schedules/${pathId(scheduleId)}/users`,
		property: 'users',
		qs: withoutEmpty({
			since: optionalDateTime(this, itemIndex, 'Since', options.since),
			until: optionalDateTime(this, itemIndex, 'Until', options.until),
		}),
	});
}

export const getOnCallUsers = defineOperation({
	value: 'getOnCallUsers',
	name: 'Get On-Call Users',
	action: 'Get on-call users of a schedule',
	description: 'List the users on call in a schedule now or within a time window',
	endpoints: ['GET /schedules/{id}/users'],
	properties,
	execute,
});
