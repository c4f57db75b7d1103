import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, queryFilter, returnAllAndLimit } from '../../descriptions/common';
import { includeField, includeValues } from '../../descriptions/include';
import { readList } from '../common';
import { defineOperation } from '../registry';

const properties: INodeProperties[] = [
	...returnAllAndLimit('incident workflows'),
	optionsCollection([
		includeField(
			[
				{ name: 'Steps', value: 'steps' },
				{ name: 'Team', value: 'team' },
			],
			"Also return each workflow's steps, or its team in full instead of as a reference",
		),
		queryFilter('incident workflows whose name'),
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await readList(this, itemIndex, {
		path: '/incident_workflows',
		property: 'incident_workflows',
		query: (options) => ({ include: includeValues(options.include), query: options.query }),
	});
}

export const getAll = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	description:
		'List incident workflows (automated response playbooks: open a channel, add responders, post updates …), optionally by name text. Each has an ID to start it with (Incident Workflow → Start), a name, whether it is enabled and its team.',
	endpoints: ['GET /incident_workflows'],
	properties,
	execute,
});
