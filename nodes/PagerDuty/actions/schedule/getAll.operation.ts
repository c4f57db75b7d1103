import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalDateTime, parseIdList } from '../../../shared/validation';
import {
	optionsCollection,
	queryFilter,
	returnAllAndLimit,
	teamIdsFilter,
	timeZoneField,
} from '../../descriptions/common';
import { includeField, includeValues } from '../../descriptions/include';
import { readList } from '../common';
import { windowFields } from './fields';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('schedules'),
	optionsCollection([
		includeField(
			[
				{ name: 'Final Schedule', value: 'final_schedule' },
				{ name: 'Overrides', value: 'overrides_subschedule' },
				{ name: 'Schedule Layers', value: 'schedule_layers' },
			],
			'Parts of each schedule to add, rendered for Since/Until (who is on call when)',
		),
		queryFilter('schedules whose name'),
		...windowFields('the entries rendered by Include'),
		teamIdsFilter('schedules'),
		timeZoneField,
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/schedules',
		property: 'schedules',
		query: (options) => ({
			include: includeValues(options.include),
			query: options.query,
			since: optionalDateTime(this, itemIndex, 'Since', options.since),
			until: optionalDateTime(this, itemIndex, 'Until', options.until),
			team_ids: parseIdList(this, itemIndex, 'Team Names or IDs', options.teamIds),
			time_zone: options.timeZone,
		}),
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description: 'List schedules, optionally by name text or team',
	endpoints: ['GET /schedules'],
	properties,
	execute,
});
